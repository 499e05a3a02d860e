package io.smartlists.engine.signals.copurchase;

/** Keeps the {@code k} best (id, count, weight bits) by score; ties prefer the smaller id. */
final class HeapTopK {
  private final int k;
  private final int[] ids;
  private final int[] counts;
  private final int[] weights;
  private final float[] scores;
  private int size;

  HeapTopK(int k) {
    this.k = k;
    this.ids = new int[k];
    this.counts = new int[k];
    this.weights = new int[k];
    this.scores = new float[k];
  }

  void clear() {
    size = 0;
  }

  void offer(int id, int count, int weightBits, float score) {
    if (size < k) {
      set(size, id, count, weightBits, score);
      siftUp(size++);
    } else if (scores[0] < score || (scores[0] == score && ids[0] > id)) {
      set(0, id, count, weightBits, score);
      siftDown(0);
    }
  }

  private void set(int at, int id, int count, int weightBits, float score) {
    ids[at] = id;
    counts[at] = count;
    weights[at] = weightBits;
    scores[at] = score;
  }

  private boolean less(int a, int b) {
    return scores[a] < scores[b] || (scores[a] == scores[b] && ids[a] > ids[b]);
  }

  private void siftUp(int at) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (!less(at, parent)) {
        break;
      }
      swap(at, parent);
      at = parent;
    }
  }

  private void siftDown(int at) {
    while (true) {
      int l = 2 * at + 1;
      int r = l + 1;
      int m = at;
      if (l < size && less(l, m)) {
        m = l;
      }
      if (r < size && less(r, m)) {
        m = r;
      }
      if (m == at) {
        return;
      }
      swap(at, m);
      at = m;
    }
  }

  private void swap(int a, int b) {
    int i = ids[a];
    ids[a] = ids[b];
    ids[b] = i;
    int c = counts[a];
    counts[a] = counts[b];
    counts[b] = c;
    int w = weights[a];
    weights[a] = weights[b];
    weights[b] = w;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }

  /** The kept entries, strongest first (empties the heap: the weakest leaves it first). */
  int[] toRow() {
    int[] row = new int[3 * size];
    for (int x = size - 1; x >= 0; x--) {
      row[3 * x] = ids[0];
      row[3 * x + 1] = counts[0];
      row[3 * x + 2] = weights[0];
      size--;
      if (size > 0) {
        set(0, ids[size], counts[size], weights[size], scores[size]);
        siftDown(0);
      }
    }
    return row;
  }
}
