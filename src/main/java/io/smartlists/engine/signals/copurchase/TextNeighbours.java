package io.smartlists.engine.signals.copurchase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TF-IDF cosine between product texts, by an inverted index over words shared by at most {@value
 * CoPurchaseIndex#MAX_TOKEN_PRODUCTS} products; keeps each product's {@value
 * CoPurchaseIndex#NEIGHBOURS} closest.
 */
final class TextNeighbours {

  private TextNeighbours() {}

  static void rows(int n, Map<Integer, String> texts, int[][] out) {
    if (texts.isEmpty()) {
      return;
    }
    Map<String, Integer> vocabulary = new HashMap<>();
    int[][] tokens = new int[n][];
    List<Integer> df = new ArrayList<>();
    for (Map.Entry<Integer, String> e : texts.entrySet()) {
      int p = e.getKey();
      if (p >= n) {
        continue;
      }
      String[] words = e.getValue().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
      int[] ids = new int[words.length];
      int m = 0;
      for (String word : words) {
        if (word.isEmpty()) {
          continue;
        }
        Integer id = vocabulary.get(word);
        if (id == null) {
          id = vocabulary.size();
          vocabulary.put(word, id);
          df.add(0);
        }
        if (!Rows.contains(ids, m, id)) {
          ids[m++] = id;
          df.set(id, df.get(id) + 1);
        }
      }
      tokens[p] = Arrays.copyOf(ids, m);
    }
    int described = texts.size();
    int v = vocabulary.size();
    float[] idf = new float[v];
    int[] postingStart = new int[v + 1];
    for (int t = 0; t < v; t++) {
      idf[t] = (float) Math.log((double) described / df.get(t));
      postingStart[t + 1] = postingStart[t] + df.get(t);
    }
    int[] postings = new int[postingStart[v]];
    int[] fill = Arrays.copyOf(postingStart, v);
    float[] norm = new float[n];
    for (int p = 0; p < n; p++) {
      if (tokens[p] == null) {
        continue;
      }
      double sq = 0;
      for (int t : tokens[p]) {
        postings[fill[t]++] = p;
        sq += (double) idf[t] * idf[t];
      }
      norm[p] = sq > 0 ? (float) Math.sqrt(sq) : 0f;
    }
    float[] dot = new float[n];
    int[] touched = new int[n];
    HeapTopK top = new HeapTopK(CoPurchaseIndex.NEIGHBOURS);
    for (int p = 0; p < n; p++) {
      if (tokens[p] == null || norm[p] == 0) {
        continue;
      }
      int size = 0;
      for (int t : tokens[p]) {
        int from = postingStart[t];
        int to = postingStart[t + 1];
        if (to - from > CoPurchaseIndex.MAX_TOKEN_PRODUCTS || idf[t] == 0) {
          continue;
        }
        float w = idf[t] * idf[t];
        for (int y = from; y < to; y++) {
          int q = postings[y];
          if (q == p) {
            continue;
          }
          if (dot[q] == 0) {
            touched[size++] = q;
          }
          dot[q] += w;
        }
      }
      top.clear();
      for (int x = 0; x < size; x++) {
        int q = touched[x];
        float cos = dot[q] / (norm[p] * norm[q]);
        top.offer(q, 0, Float.floatToRawIntBits(cos), cos);
        dot[q] = 0;
      }
      out[p] = top.toRow();
    }
  }
}
