package io.smartlists.engine.signals;

import java.util.function.IntBinaryOperator;

/** A stable merge sort of int indexes by a comparator, without boxing (rebuilds sort 100k ids). */
final class IntSort {

  private IntSort() {}

  /** Sorts {@code a[0..n)} so that {@code cmp(a[i], a[i+1]) <= 0}; stable. */
  static void sort(int[] a, int n, IntBinaryOperator cmp) {
    if (n < 2) {
      return;
    }
    int[] tmp = new int[n];
    sort(a, tmp, 0, n, cmp);
  }

  private static void sort(int[] a, int[] tmp, int from, int to, IntBinaryOperator cmp) {
    int len = to - from;
    if (len < 24) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && cmp.applyAsInt(a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(a, tmp, from, mid, cmp);
    sort(a, tmp, mid, to, cmp);
    if (cmp.applyAsInt(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, from, len);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && cmp.applyAsInt(tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }
}
