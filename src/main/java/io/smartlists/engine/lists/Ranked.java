package io.smartlists.engine.lists;

import io.smartlists.engine.model.Reason;
import io.smartlists.engine.signals.Signals;
import java.util.Arrays;

/** Emission helpers shared by the list strategies: ranked lists, weighted merges, tallies. */
final class Ranked {

  /** Seconds in a day. */
  static final long DAY = 86_400L;

  private Ranked() {}

  /** The reason of the item at a 1-based rank of one list. */
  @FunctionalInterface
  interface RankReason {
    Reason at(int rank, int product);
  }

  /** The reason of an item of a merged list: which source list, and its 1-based rank there. */
  @FunctionalInterface
  interface SourceReason {
    Reason at(int source, int rank, int product);
  }

  /** Offers a ranked list as is, best first, until the sink has enough. */
  static void emit(int[] ranked, CandidateSink sink, RankReason reason) {
    for (int i = 0; i < ranked.length; i++) {
      if (!sink.offer(ranked[i], reason.at(i + 1, ranked[i]))) {
        return;
      }
    }
  }

  /**
   * Merges bestseller lists (each best first) into one ranking by weighted bestseller score: the
   * next item is the head with the highest {@code weight × score}; a product in several lists comes
   * once, from the list where it weighs most; equal values go to the list given first (the
   * merchant's order, or the most recently browsed).
   */
  static void merge(
      Signals signals,
      int[][] lists,
      double[] weights,
      int n,
      CandidateSink sink,
      SourceReason reason) {
    if (n == 1) {
      emit(lists[0], sink, (rank, p) -> reason.at(0, rank, p));
      return;
    }
    int[] cursor = new int[n];
    IntSet emitted = new IntSet();
    while (true) {
      int best = -1;
      double bestValue = 0;
      for (int i = 0; i < n; i++) {
        int[] list = lists[i];
        while (cursor[i] < list.length && emitted.contains(list[cursor[i]])) {
          cursor[i]++;
        }
        if (cursor[i] < list.length) {
          double v = weights[i] * signals.bestsellerScore(list[cursor[i]]);
          if (best < 0 || v > bestValue) {
            best = i;
            bestValue = v;
          }
        }
      }
      if (best < 0) {
        return;
      }
      int p = lists[best][cursor[best]];
      cursor[best]++;
      emitted.add(p);
      if (!sink.offer(p, reason.at(best, cursor[best], p))) {
        return;
      }
    }
  }

  /**
   * The key for a count: {@code key.one} when the count is 1 (the bundles word "1 item", "once"),
   * else {@code key}.
   */
  static String counted(String key, long count) {
    return count == 1 ? key + ".one" : key;
  }

  /** Whole days between two epoch seconds, never negative. */
  static long daysBetween(long fromEpochSecond, long toEpochSecond) {
    return Math.max(0, (toEpochSecond - fromEpochSecond) / Ranked.DAY);
  }

  /** An open-addressing set of non-negative ints, for the few hundred items of one request. */
  static final class IntSet {
    private int[] slots = new int[64];
    private int size;

    IntSet() {
      Arrays.fill(slots, -1);
    }

    boolean contains(int v) {
      int mask = slots.length - 1;
      for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
        int s = slots[i];
        if (s == v) {
          return true;
        }
        if (s < 0) {
          return false;
        }
      }
    }

    /** Adds v; false when it was there already. */
    boolean add(int v) {
      if ((size + 1) * 2 > slots.length) {
        int[] old = slots;
        slots = new int[old.length * 2];
        Arrays.fill(slots, -1);
        size = 0;
        for (int s : old) {
          if (s >= 0) {
            add(s);
          }
        }
      }
      int mask = slots.length - 1;
      for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
        int s = slots[i];
        if (s == v) {
          return false;
        }
        if (s < 0) {
          slots[i] = v;
          size++;
          return true;
        }
      }
    }

    private static int mix(int v) {
      int h = v * 0x9E3779B9;
      return h ^ (h >>> 16);
    }
  }

  /**
   * Weights per key (category or manufacturer index), in order of first appearance; the heaviest
   * key wins ties by first appearance, so feeding keys most recent first favours recency.
   */
  static final class Tally {
    int[] keys = new int[8];
    double[] weights = new double[8];
    int size;

    void add(int key, double weight) {
      for (int i = 0; i < size; i++) {
        if (keys[i] == key) {
          weights[i] += weight;
          return;
        }
      }
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        weights = Arrays.copyOf(weights, size * 2);
      }
      keys[size] = key;
      weights[size] = weight;
      size++;
    }

    /** The position of the heaviest key, or -1 when empty. */
    int heaviest() {
      int best = -1;
      for (int i = 0; i < size; i++) {
        if (best < 0 || weights[i] > weights[best]) {
          best = i;
        }
      }
      return best;
    }
  }

  /** The bestseller lists of every category in the tally, with the tally's weights. */
  static void mergeCategories(
      Signals signals, Tally tally, CandidateSink sink, SourceReason reason) {
    if (tally.size == 0) {
      return;
    }
    int[][] lists = new int[tally.size][];
    for (int i = 0; i < tally.size; i++) {
      lists[i] = signals.categoryBestsellers(tally.keys[i]);
    }
    merge(signals, lists, tally.weights, tally.size, sink, reason);
  }

  /** The bestseller lists of every manufacturer in the tally, with the tally's weights. */
  static void mergeManufacturers(
      Signals signals, Tally tally, CandidateSink sink, SourceReason reason) {
    if (tally.size == 0) {
      return;
    }
    int[][] lists = new int[tally.size][];
    for (int i = 0; i < tally.size; i++) {
      lists[i] = signals.manufacturerBestsellers(tally.keys[i]);
    }
    merge(signals, lists, tally.weights, tally.size, sink, reason);
  }

  /** The primary (first) category of the product, or -1. */
  static int primaryCategory(Signals signals, int product) {
    int[] cats = signals.productCategories(product);
    return cats.length == 0 ? -1 : cats[0];
  }
}
