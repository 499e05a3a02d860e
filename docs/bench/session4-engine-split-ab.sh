#!/bin/bash
B=/tmp/base; N=/tmp/ab/new
run() { echo "=== $2 $(date -u +%H:%M:%S) load: $(cut -d' ' -f1-3 /proc/loadavg)"; (cd $1 && $4 -q -B -ntp -Pjmh -Dspotless.check.skip=true -Djacoco.skip=true exec:exec -Djmh.args="$3" 2>&1 | grep -aE "^[A-Z][a-zA-Z]+Benchmark\.[a-zA-Z]+(:p0.50|:p0.99)? |^Benchmark " ); }
C="ComposeBenchmark.composeCartWidget -f 1 -wi 2 -i 3 -w 4s -r 4s"
A="ApplyOrderBenchmark.applyOrderConfirmed -f 1 -wi 2 -i 3 -w 4s -r 4s"
R="RebuildBenchmark.rebuildAllSignals -f 1 -wi 1 -i 2"
run $N new-74ddfc0 "$C" ./mvnw; run $N new-74ddfc0 "$A" ./mvnw; run $N new-74ddfc0 "$R" ./mvnw
run $B base-29dbd50 "$C" mvn; run $B base-29dbd50 "$A" mvn
echo "=== end $(date -u +%H:%M:%S)"
