package io.smartlists.engine.signals.copurchase;

import java.util.Arrays;

/**
 * Per-thread scoring buffers. A product touched by this request owns an entry of the small dense
 * arrays (score, strongest contribution, anchor), found through {@code mark[product] - base};
 * entries of earlier requests fall below {@code base}, so nothing is cleared between requests. The
 * only per-product array is that {@code int[]} (400 KB at 100,000 products), the rest stays in the
 * first-level cache.
 *
 * <p>Perf history: four parallel arrays of 100,000 products, then one interleaved {@code int[]} of
 * 16 bytes per product (1.6 MB, docs/bench/02); {@code Scratch.isExcluded/add/touch} were still 17
 * % of the cart widget's JFR samples, the first touch of each product a cache miss. A hash table of
 * the touched products was slower (docs/bench/04: the probing cost more than the misses). This
 * direct index has no probing and a quarter of the footprint; measured in BENCHMARKS.md.
 */
final class Scratch {
  /** The anchor of an excluded (context) product's entry: never ranked, never voted for. */
  static final int EXCLUDED = -2;

  int[] mark = new int[0];
  int base = 1;
  int[] touched = new int[256];
  float[] score = new float[256];
  float[] best = new float[256];
  int[] anchor = new int[256];
  float[] votes = new float[3 * CoPurchaseIndex.NEIGHBOURS];
  int size;

  // EASE head (EaseHead.candidates): its dense scores over the head and its best candidates
  float[] dense = new float[0];
  final int[] easeIds = new int[EaseHead.CANDIDATES];
  final float[] easeScores = new float[EaseHead.CANDIDATES];
  final int[] easeAnchors = new int[EaseHead.CANDIDATES];
  int easeCount;

  void begin(int n) {
    if (mark.length < n) {
      mark = new int[Math.max(n, mark.length * 2)]; // zeros: below base 1
      base = 1;
    } else {
      base += size; // every entry of the last request now lies below base
      if (base > Integer.MAX_VALUE - mark.length - 1) {
        Arrays.fill(mark, 0);
        base = 1;
      }
    }
    size = 0;
  }

  /** A buffer for one row's votes. */
  float[] votes(int count) {
    if (votes.length < count) {
      votes = new float[Math.max(count, votes.length * 2)];
    }
    return votes;
  }

  /** A buffer for the EASE head's dense scores. */
  float[] dense(int count) {
    if (dense.length < count) {
      dense = new float[count];
    }
    return dense;
  }

  /** This request's entry of the product, or -1. */
  int entry(int p) {
    int e = mark[p] - base;
    return Integer.compareUnsigned(e, size) < 0 ? e : -1;
  }

  private int newEntry(int p) {
    if (size == touched.length) {
      int c = size * 2;
      touched = Arrays.copyOf(touched, c);
      score = Arrays.copyOf(score, c);
      best = Arrays.copyOf(best, c);
      anchor = Arrays.copyOf(anchor, c);
    }
    int e = size++;
    mark[p] = base + e;
    touched[e] = p;
    score[e] = 0f;
    best[e] = 0f;
    anchor[e] = -1;
    return e;
  }

  /** Call before any vote: the product is never voted for nor ranked in this request. */
  void exclude(int p) {
    int e = entry(p);
    if (e < 0) {
      e = newEntry(p); // may grow the arrays: read anchor only after it
    }
    anchor[e] = EXCLUDED;
  }

  boolean isExcluded(int p) {
    int e = entry(p);
    return e >= 0 && anchor[e] == EXCLUDED;
  }

  /** True when context[c] already appeared earlier in the context. */
  boolean seen(int p, int c, int[] context) {
    for (int x = 0; x < c; x++) {
      if (context[x] == p) {
        return true;
      }
    }
    return false;
  }

  /** Makes the product a candidate (score 0) unless it is one already or excluded. */
  void touch(int j) {
    if (entry(j) < 0) {
      newEntry(j);
    }
  }

  /** Adds a vote from {@code from} to a product that is not excluded (excluded: ignored). */
  void add(int j, float contribution, int from) {
    int e = entry(j);
    if (e < 0) {
      e = newEntry(j);
    } else if (anchor[e] == EXCLUDED) {
      return;
    }
    score[e] += contribution;
    if (contribution > best[e]) {
      best[e] = contribution;
      anchor[e] = from;
    }
  }

  /** The highest vote score among the candidates ({@link #candidate}), 0 when there is none. */
  float strongestCandidateScore() {
    float strongest = 0;
    for (int x = 0; x < size; x++) {
      if (candidate(x)) {
        strongest = Math.max(strongest, score[x]);
      }
    }
    return strongest;
  }

  /** True when the entry is a candidate (not an excluded product). */
  boolean candidate(int e) {
    return anchor[e] != EXCLUDED;
  }

  int anchor(int j) {
    return anchor[entry(j)];
  }

  /** The EASE head's score of a product after {@code EaseHead.candidates} (0 outside the head). */
  float easeScore(EaseHead ease, int j) {
    int a = j < ease.headOf.length ? ease.headOf[j] : -1;
    return a < 0 ? 0f : Math.max(0f, dense[a]);
  }
}
