#!/bin/sh
# Session 5 A/B (model2): main 49b3630 (exported to $BASE) against this branch, alternating, same machine,
# same load; each run's raw output in docs/bench/session5-<bench>-<base|new>.txt
BASE=${BASE:-/tmp/model2-base}
NEW=${NEW:-/work/wt/model2}
OUT=$NEW/docs/bench
run() { # dir label bench args
  (cd "$1" && echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg) $(git -C "$NEW" rev-parse --short HEAD 2>/dev/null) $1" \
    && nice -n 10 ./mvnw -q -Pjmh -Dsl.build.dir=target-jmh exec:exec -Djmh.args="$3 $4") > "$OUT/session5-$2.txt" 2>&1
}
run "$BASE" rebuild-base "RebuildBenchmark.rebuildAllSignals" "-f 1 -wi 1 -i 2"
run "$NEW" rebuild-new "RebuildBenchmark.rebuildAllSignals" "-f 1 -wi 1 -i 2"
run "$BASE" compose-base "ComposeBenchmark.composeCartWidget" "-f 1 -wi 2 -i 3 -w 4s -r 4s"
run "$NEW" compose-new "ComposeBenchmark.composeCartWidget" "-f 1 -wi 2 -i 3 -w 4s -r 4s"
run "$BASE" apply-base "ApplyOrderBenchmark.applyOrderConfirmed" "-f 1 -wi 2 -i 3 -w 4s -r 4s"
run "$NEW" apply-new "ApplyOrderBenchmark.applyOrderConfirmed" "-f 1 -wi 2 -i 3 -w 4s -r 4s"
(cd "$NEW" && nice -n 10 ./mvnw -q -Pjmh -Dsl.build.dir=target-jmh exec:exec -Djmh.main=io.smartlists.bench.RebuildFootprint -Djmh.args=) > "$OUT/session5-footprint-new.txt" 2>&1
(cd "$BASE" && nice -n 10 ./mvnw -q -Pjmh -Dsl.build.dir=target-jmh exec:exec -Djmh.main=io.smartlists.bench.RebuildFootprint -Djmh.args=) > "$OUT/session5-footprint-base.txt" 2>&1
echo finished > "$OUT/session5-done.txt"
