package io.smartlists.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Popularity-corrected co-purchase association between products (same order), blended with what
 * customers with similar purchase histories bought. Built once from the order history, then updated
 * per confirmed order by a single writer while readers score lock-free.
 *
 * <p>API contract (implementation owned by the cross-selling work, issue #4):
 *
 * <ul>
 *   <li>{@code static Builder builder(int productCount)}; {@code Builder.addOrder(int[]
 *       distinctProducts, int customer, long placedAtEpochSecond)} with {@code customer} a dense
 *       customer index or -1 for a guest; {@code Builder.build()}
 *   <li>{@code void addOrder(int[] distinctProducts, int customer, long placedAtEpochSecond)}:
 *       incremental, single writer
 *   <li>{@code int recommend(int[] context, int[] history, int k, int[] outProducts, float[]
 *       outScores, int[] outAnchor, int[] outCoCount)}: the top {@code k} products for this context
 *       (cart, viewed product or order lines) and history (the customer's past products), context
 *       products excluded; returns how many were written; {@code outAnchor} is the context or
 *       history product that contributed most, {@code outCoCount} in how many orders it was bought
 *       with the candidate (for the reason)
 * </ul>
 *
 * <p>Optional: {@code Builder.productText(product, text)} (name, category, brand) adds a content
 * neighbourhood that stands in for co-purchase evidence a product does not have yet.
 *
 * <h2>Model</h2>
 *
 * <p>Three sparse neighbourhoods per product, each kept as its strongest {@value #NEIGHBOURS}
 * neighbours:
 *
 * <ul>
 *   <li><b>same order</b>: {@code w(i,j)} = orders containing both, each line sharing one unit of
 *       weight among the order's other lines ({@link #pairWeight}: evenly, so that a 100-line
 *       wholesale order does not outvote 30 ordinary baskets, and with the calibrated {@code
 *       proximity} share by closeness in the order, for shops whose lines are in the order they
 *       were added to the cart); {@code co(i,j)} the plain count (for shrinkage and the reason);
 *   <li><b>same customer</b>: {@code cc(i,j)} = customers whose {@value #RECENT_PER_CUSTOMER} most
 *       recent distinct products contain both ("customers with similar purchase histories",
 *       item-based);
 *   <li><b>similar text</b>: TF-IDF cosine of the products' names (and category, brand), when the
 *       host gives them.
 * </ul>
 *
 * <p>A context product {@code i} votes for a candidate {@code j} with {@code w(i,j) · co/(co+2) /
 * count(j)^0.4}: the conditional probability {@code p(j|i)} damped by the candidate's popularity (a
 * bestseller is not "bought with" everything) and shrunk for pairs seen once or twice. Each context
 * product's votes are divided by its strongest vote, so every context product weighs the same
 * whatever its popularity. Same-customer votes are added the same way at 0.3, text votes at {@code
 * 3 · 5/(5 + count(i))}: they matter for products with little order history and fade as their own
 * evidence grows. The customer's history votes through the same-customer neighbourhood at 0.1,
 * decaying with age. A popularity prior of 0.1 · {@code count(j)/max count} separates what
 * association alone cannot and ranks the bestsellers when there is no evidence: on small
 * catalogues, where popularity is hard to beat, the list degrades to popularity instead of below
 * it. The prior's 0.1, the text's 3 and the line proximity's 0 are defaults: every full build
 * calibrates them on the shop's newest orders ({@link Builder#build()}). EVALUATION.md has the
 * measurements behind these constants.
 *
 * <h2>Concurrency</h2>
 *
 * <p>Rows are {@code int[]} of {@code (neighbour, count, weight bits)} triples in an array of
 * arrays. The single writer updates counts in place (a reader sees the old or the new value) and
 * replaces a whole row copy-on-write when its membership changes, published with release/acquire
 * semantics; readers never lock.
 */
public final class CoPurchaseIndex {

  /** Neighbours kept per product and per neighbourhood. */
  static final int NEIGHBOURS = 64;

  /**
   * How many of a purchased product's strongest same-customer neighbours vote for the customer's
   * history (rows are kept strongest first at every build; between builds an entry admitted by an
   * applied order takes the weakest one's place). The cart's own products vote with all {@link
   * #NEIGHBOURS}. Perf: the history's 12 rows were about half of the entries the cart widget reads;
   * EVALUATION.md has what the cap changed offline.
   */
  static final int HISTORY_NEIGHBOURS = 32;

  /** Distinct recent products per customer that define the same-customer co-occurrence. */
  static final int RECENT_PER_CUSTOMER = 16;

  /** Bestsellers kept for the popularity prior. */
  static final int POPULAR = 64;

  /** Words shared by more products than this are skipped when finding text neighbours. */
  static final int MAX_TOKEN_PRODUCTS = 1_000;

  private static final VarHandle ROWS = MethodHandles.arrayElementVarHandle(int[][].class);
  private static final int[] EMPTY = new int[0];

  /** Model constants; package-private so the evaluation can compare variants. */
  record Tuning(
      float beta,
      float shrink,
      float customerBeta,
      float customerShrink,
      float contextCustomerWeight,
      float textWeight,
      float textFade,
      float historyWeight,
      float historyDecay,
      int historyLimit,
      int historyNeighbours,
      float prior,
      float evidence,
      float textEvidence,
      float proximity) {

    static final Tuning DEFAULT =
        new Tuning(
            0.4f, 2f, 0.5f, 2f, 0.3f, 3f, 5f, 0.1f, 0.9f, 12, HISTORY_NEIGHBOURS, 0.1f, 0f, 0f, 0f);
  }

  private final Tuning tuning;

  // ---- state: written by the single writer, read lock-free -----------------------------------
  private volatile int version;
  private volatile int productCount;
  private volatile int[] orderCount;
  private volatile int[] customerCount;

  /**
   * What scoring reads of each candidate, interleaved, {@link #STATS} floats per product: the order
   * and customer dampings and the order count (as a float, exact below 2^24; the writer keeps it
   * equal to {@link #orderCount}). One cache line per candidate instead of one in each of three 400
   * KB arrays (perf: the cart widget's votes and ranking are bound by these misses; BENCHMARKS.md).
   */
  private volatile float[] stats;

  private static final int STATS = 4;
  private static final int ORDER_DAMP = 0;
  private static final int CUSTOMER_DAMP = 1;
  private static final int ORDER_COUNT = 2;
  private volatile int[][] orderRows;
  private volatile int[][] customerRows;
  private volatile int[][] textRows;
  private volatile int[] popular;
  private volatile int maxOrderCount;

  /** Weight of the popularity prior, calibrated at build time ({@link Builder#build()}). */
  private volatile float prior;

  /** Weight of the text neighbourhood, calibrated at build time. */
  private volatile float textWeight;

  /**
   * Share of a same-order pair's weight given by the distance of the two lines in the order ({@link
   * #pairWeight}), calibrated at build time; the single writer's {@link #addOrder} uses the value
   * its build chose.
   */
  private float proximity;

  // ---- writer-only state ---------------------------------------------------------------------
  private int[][] recent;
  private final LongIntMap orderDelta = new LongIntMap();
  private final LongIntMap customerDelta = new LongIntMap();

  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  private CoPurchaseIndex(Tuning tuning, int productCount) {
    this.tuning = tuning;
    this.prior = tuning.prior();
    this.textWeight = tuning.textWeight();
    this.proximity = tuning.proximity();
    this.productCount = productCount;
    this.orderCount = new int[productCount];
    this.customerCount = new int[productCount];
    this.stats = new float[STATS * productCount];
    int[][] o = new int[productCount][];
    int[][] c = new int[productCount][];
    int[][] t = new int[productCount][];
    Arrays.fill(o, EMPTY);
    Arrays.fill(c, EMPTY);
    Arrays.fill(t, EMPTY);
    this.orderRows = o;
    this.customerRows = c;
    this.textRows = t;
    this.popular = EMPTY;
    this.recent = new int[0][];
  }

  /** A builder for an index over {@code productCount} products (it grows for larger indexes). */
  public static Builder builder(int productCount) {
    return new Builder(productCount, Tuning.DEFAULT);
  }

  static Builder builder(int productCount, Tuning tuning) {
    return new Builder(productCount, tuning);
  }

  /** The popularity prior's weight chosen by the build's calibration. */
  public float priorWeight() {
    return prior;
  }

  /** The text neighbourhood's weight chosen by the build's calibration. */
  public float textWeight() {
    return textWeight;
  }

  /** The line-proximity share of same-order pair weights chosen by the build's calibration. */
  public float proximity() {
    return proximity;
  }

  /** Number of products the index covers. */
  public int productCount() {
    return productCount;
  }

  /** Orders containing the product (0 for an unknown product). */
  public int orderCount(int product) {
    int[] c = orderCount;
    return product >= 0 && product < c.length ? c[product] : 0;
  }

  /**
   * Orders containing both products, as far as the index keeps it: exact for a product's strongest
   * neighbours; otherwise 0 (or the count since the last build).
   */
  public int coCount(int a, int b) {
    return count(orderRows, a, b);
  }

  /** Customers whose recent purchases contain both products, as far as the index keeps it. */
  public int sameCustomerCount(int a, int b) {
    return count(customerRows, a, b);
  }

  private static int count(int[][] rows, int a, int b) {
    if (a < 0 || a >= rows.length) {
      return 0;
    }
    int[] row = row(rows, a);
    for (int x = 0; x < row.length; x += 3) {
      if (row[x] == b) {
        return row[x + 1];
      }
    }
    return 0;
  }

  /** The strongest same-order neighbours of a product, best first (for previews and tests). */
  public int[] neighbours(int product) {
    int[][] rows = orderRows;
    if (product < 0 || product >= rows.length) {
      return EMPTY;
    }
    int[] row = row(rows, product);
    float[] st = stats;
    int n = row.length / 3;
    int[] ids = new int[n];
    float[] s = new float[n];
    for (int x = 0; x < n; x++) {
      ids[x] = row[3 * x];
      s[x] = vote(row, 3 * x, st, ORDER_DAMP, tuning.shrink());
    }
    sortDescending(ids, s, n);
    return ids;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /**
   * The top {@code k} products for this context and history, context excluded.
   *
   * @return how many products were written to the out arrays (at most {@code k})
   */
  public int recommend(
      int[] context,
      int[] history,
      int k,
      int[] outProducts,
      float[] outScores,
      int[] outAnchor,
      int[] outCoCount) {
    return recommend(context, history, k, outProducts, outScores, outAnchor, outCoCount, null);
  }

  /**
   * As {@link #recommend(int[], int[], int, int[], float[], int[], int[])}, also writing to {@code
   * outSameCustomers} how many customers bought both the anchor and the candidate (the evidence
   * when the anchor comes from the purchase history rather than the same order). An anchor with
   * neither count is a product with a similar name; anchor -1 means the candidate is there for its
   * popularity, {@code outCoCount} then holds its order count.
   */
  public int recommend(
      int[] context,
      int[] history,
      int k,
      int[] outProducts,
      float[] outScores,
      int[] outAnchor,
      int[] outCoCount,
      int @Nullable [] outSameCustomers) {
    int written = recommend(context, history, k, outProducts, outScores, outAnchor);
    int[] cnt = orderCount;
    int[][] oRows = orderRows;
    int[][] cRows = customerRows;
    for (int r = 0; r < written; r++) {
      int j = outProducts[r];
      int a = outAnchor[r];
      outCoCount[r] = a < 0 ? cnt[j] : count(oRows, a, j);
      if (outSameCustomers != null) {
        outSameCustomers[r] = a < 0 ? 0 : count(cRows, a, j);
      }
    }
    return written;
  }

  /**
   * As {@link #recommend(int[], int[], int, int[], float[], int[], int[])} without the counts: a
   * caller that shows only some of the products asks {@link #coCount}, {@link #sameCustomerCount}
   * or {@link #orderCount} for those (perf: the cart widget offers about a third of its 64
   * candidates; the other counts were row scans for nothing).
   */
  public int recommend(
      int[] context, int[] history, int k, int[] outProducts, float[] outScores, int[] outAnchor) {
    if (version < 0) { // volatile read (acquire): the writer's last publish is visible
      throw new IllegalStateException("unpublished index");
    }
    if (k <= 0) {
      return 0;
    }
    Scratch s = votes(context, history);
    int written = topK(s, prior, k, outProducts, outScores);
    for (int r = 0; r < written; r++) {
      outAnchor[r] = s.anchor(outProducts[r]);
    }
    return written;
  }

  /**
   * Every vote for this context and history except the popularity prior, accumulated in this
   * thread's scratch: the part of {@link #recommend} that does not depend on the prior, so the
   * build's calibration runs it once per text weight rather than once per (text weight, prior)
   * (perf: the calibration's 21 full recommendations per validation case; see docs/bench).
   */
  private Scratch votes(int[] context, int[] history) {
    int[] cnt = orderCount;
    float[] st = stats;
    int[][] oRows = orderRows;
    int[][] cRows = customerRows;
    int[][] tRows = textRows;
    int n =
        Math.min(
            Math.min(cnt.length, st.length / STATS),
            Math.min(oRows.length, Math.min(cRows.length, tRows.length)));
    Scratch s = scratch.get();
    s.begin(n);
    Tuning t = tuning;
    for (int p : context) {
      if (p >= 0 && p < n) {
        s.exclude(p);
      }
    }
    for (int c = 0; c < context.length; c++) {
      int i = context[c];
      if (i < 0 || i >= n || s.seen(i, c, context)) {
        continue;
      }
      float confidence = cnt[i] == 0 ? 0f : cnt[i] / (cnt[i] + t.evidence());
      addVotes(s, row(oRows, i), NEIGHBOURS, st, ORDER_DAMP, t.shrink(), confidence, i, n);
      addVotes(
          s,
          row(cRows, i),
          NEIGHBOURS,
          st,
          CUSTOMER_DAMP,
          t.customerShrink(),
          t.contextCustomerWeight() * confidence,
          i,
          n);
      float textWeight = this.textWeight * t.textFade() / (t.textFade() + cnt[i]);
      addTextVotes(s, row(tRows, i), textWeight, i, n, st, t.textEvidence());
    }
    float w = t.historyWeight();
    int used = 0;
    for (int h = 0; h < history.length && used < t.historyLimit(); h++) {
      int i = history[h];
      if (i < 0 || i >= n || s.isExcluded(i)) {
        continue;
      }
      used++;
      addVotes(
          s, row(cRows, i), t.historyNeighbours(), st, CUSTOMER_DAMP, t.customerShrink(), w, i, n);
      w *= t.historyDecay();
    }
    // the bestsellers join the candidates (for the popularity prior, added by topK)
    for (int p : popular) {
      if (p < n) {
        s.touch(p); // no-op for an excluded or already voted product
      }
    }
    return s;
  }

  /**
   * The top {@code k} of the scratch's candidates once the popularity prior of this weight is added
   * to each score (the scratch itself is left as it is, so several priors can be ranked).
   */
  private int topK(Scratch s, float prior, int k, int[] outProducts, float[] outScores) {
    float[] st = stats;
    float max = Math.max(1, maxOrderCount);
    int entries = s.size;
    int[] ids = s.touched;
    float[] score = s.score;
    int written = 0;
    for (int x = 0; x < entries; x++) {
      if (!s.candidate(x)) {
        continue;
      }
      int j = ids[x];
      float sc = score[x] + prior * st[STATS * j + ORDER_COUNT] / max; // prior, top k in one pass
      if (written == k && !better(sc, j, outScores[k - 1], outProducts[k - 1])) {
        continue;
      }
      int pos = written < k ? written++ : k - 1;
      while (pos > 0 && better(sc, j, outScores[pos - 1], outProducts[pos - 1])) {
        outProducts[pos] = outProducts[pos - 1];
        outScores[pos] = outScores[pos - 1];
        pos--;
      }
      outProducts[pos] = j;
      outScores[pos] = sc;
    }
    return written;
  }

  private static boolean better(float score, int product, float otherScore, int other) {
    return score > otherScore || (score == otherScore && product < other);
  }

  /**
   * The votes of the first {@code entries} neighbours of a row, scaled so the best has {@code
   * weight}.
   */
  private static void addVotes(
      Scratch s,
      int[] row,
      int entries,
      float[] st,
      int damp,
      float shrink,
      float weight,
      int from,
      int n) {
    int end = Math.min(row.length, 3 * entries);
    if (end == 0 || weight <= 0) {
      return;
    }
    // Each vote is computed once and kept for the second pass (perf: the first JFR profile of the
    // 3-slot cart widget, docs/bench, had addVotes at 32 % self time computing every vote twice).
    float[] votes = s.votes(end / 3);
    float best = 0;
    for (int x = 0, v = 0; x < end; x += 3, v++) {
      if (row[x] < n) {
        float vote = vote(row, x, st, damp, shrink);
        votes[v] = vote;
        best = Math.max(best, vote);
      }
    }
    if (best <= 0) {
      return;
    }
    float scale = weight / best;
    for (int x = 0, v = 0; x < end; x += 3, v++) {
      int j = row[x];
      if (j < n) {
        s.add(j, votes[v] * scale, from); // excluded products are skipped by add
      }
    }
  }

  private static void addTextVotes(
      Scratch s, int[] row, float weight, int from, int n, float[] st, float evidence) {
    if (row.length == 0 || weight <= 0) {
      return;
    }
    for (int x = 0; x < row.length; x += 3) {
      int j = row[x];
      if (j < n && !s.isExcluded(j)) { // before the vote: the counts are only read for candidates
        float count = st[STATS * j + ORDER_COUNT];
        float sold = evidence > 0 ? count / (count + evidence) : 1f;
        s.add(j, Float.intBitsToFloat(row[x + 2]) * weight * sold, from);
      }
    }
  }

  /**
   * A neighbour's vote before the per-row normalisation: {@code w · co/(co+shrink) · damp_j},
   * {@code damp_j} read from {@link #stats} at offset {@code damp} (order or customer damping).
   */
  private static float vote(int[] row, int x, float[] st, int damp, float shrink) {
    int co = row[x + 1];
    return Float.intBitsToFloat(row[x + 2]) * (co / (co + shrink)) * st[STATS * row[x] + damp];
  }

  private static int[] row(int[][] rows, int product) {
    return (int[]) ROWS.getAcquire(rows, product);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing (single writer)

  /**
   * Adds one confirmed order (single writer; readers keep scoring meanwhile).
   *
   * @param distinctProducts the order's product indexes (duplicates and negatives are ignored)
   * @param customer dense customer index, or -1 for a guest
   * @param placedAtEpochSecond when it was placed (orders are expected roughly in time order)
   */
  public void addOrder(int[] distinctProducts, int customer, long placedAtEpochSecond) {
    int[] products = distinct(distinctProducts);
    if (products.length == 0) {
      return;
    }
    int maxId = max(products);
    if (maxId >= productCount) {
      grow(maxId + 1);
    }
    int[] cnt = orderCount;
    float[] st = stats;
    float beta = tuning.beta();
    for (int p : products) {
      cnt[p]++;
      st[STATS * p + ORDER_DAMP] = damp(cnt[p], beta);
      st[STATS * p + ORDER_COUNT] = cnt[p];
      if (cnt[p] > maxOrderCount) {
        maxOrderCount = cnt[p];
      }
      updatePopular(p);
    }
    int len = products.length;
    for (int a = 0; a < len; a++) {
      for (int b = 0; b < len; b++) {
        if (a != b) {
          bump(
              orderRows,
              orderDelta,
              st,
              ORDER_DAMP,
              tuning.shrink(),
              products[a],
              products[b],
              pairWeight(len, a, b, proximity));
        }
      }
    }
    if (customer >= 0) {
      addCustomerProducts(customer, products);
    }
    version++; // volatile write (release): publishes the counts and rows written above
  }

  // ---- order lifecycle (issue 15): cancelled orders and returned lines leave the same-order
  // neighbourhood. Kept in one block so it moves as one piece with the engine split.

  /**
   * Takes products out of one order applied earlier (single writer): a cancelled order (every
   * product) or returned lines (those products). Their order counts go down and their same-order
   * pairs with the order's other products lose the weight {@link #addOrder} gave them; a pair seen
   * in no other order leaves the row. The same-customer neighbourhood and the popularity prior's
   * ranking keep the order until the next build (they describe customers' tastes, which a return
   * does not undo).
   *
   * @param orderProducts the order's distinct product indexes, in the order of its lines
   * @param removed the products taken out (a subset of {@code orderProducts})
   */
  public void removeOrder(int[] orderProducts, int[] removed) {
    int[] products = distinct(orderProducts);
    int len = products.length;
    if (len == 0 || removed.length == 0) {
      return;
    }
    int[] cnt = orderCount;
    float[] st = stats;
    float beta = tuning.beta();
    boolean[] out = new boolean[len];
    boolean any = false;
    for (int a = 0; a < len; a++) {
      int p = products[a];
      if (p < productCount && contains(removed, removed.length, p)) {
        out[a] = true;
        any = true;
        if (cnt[p] > 0) {
          cnt[p]--;
          st[STATS * p + ORDER_DAMP] = damp(cnt[p], beta);
          st[STATS * p + ORDER_COUNT] = cnt[p];
        }
      }
    }
    if (!any) {
      return;
    }
    for (int a = 0; a < len; a++) {
      for (int b = 0; b < len; b++) {
        if (a != b && (out[a] || out[b]) && products[a] < productCount) {
          unbump(orderRows, products[a], products[b], pairWeight(len, a, b, proximity));
        }
      }
    }
    version++; // volatile write (release): publishes the counts and rows written above
  }

  /** Counts one co-occurrence of {@code b} with {@code a} less, of weight {@code w}. */
  private static void unbump(int[][] rows, int a, int b, float w) {
    int[] row = rows[a];
    for (int x = 0; x < row.length; x += 3) {
      if (row[x] == b) {
        int count = row[x + 1] - 1;
        if (count <= 0) {
          int[] shorter = new int[row.length - 3];
          System.arraycopy(row, 0, shorter, 0, x);
          System.arraycopy(row, x + 3, shorter, x, row.length - x - 3);
          ROWS.setRelease(rows, a, shorter);
        } else {
          row[x + 1] = count; // in place: a reader sees the old or the new count
          float weight = Math.max(0f, Float.intBitsToFloat(row[x + 2]) - w);
          row[x + 2] = Float.floatToRawIntBits(weight);
        }
        return;
      }
    }
  }

  private void addCustomerProducts(int customer, int[] products) {
    if (customer >= recent.length) {
      recent = Arrays.copyOf(recent, Math.max(customer + 1, recent.length * 2));
    }
    int[] rec = recent[customer] == null ? EMPTY : recent[customer];
    int[] fresh = new int[products.length];
    int freshCount = 0;
    for (int p : products) {
      if (!contains(rec, rec.length, p)) {
        fresh[freshCount++] = p;
      }
    }
    float[] st = stats;
    float beta = tuning.customerBeta();
    for (int f = 0; f < freshCount; f++) {
      int p = fresh[f];
      customerCount[p]++;
      st[STATS * p + CUSTOMER_DAMP] = damp(customerCount[p], beta);
    }
    float shrink = tuning.customerShrink();
    for (int f = 0; f < freshCount; f++) {
      int p = fresh[f];
      for (int q : rec) {
        bump(customerRows, customerDelta, st, CUSTOMER_DAMP, shrink, p, q, 1f);
        bump(customerRows, customerDelta, st, CUSTOMER_DAMP, shrink, q, p, 1f);
      }
      for (int g = 0; g < freshCount; g++) {
        if (g != f) {
          bump(customerRows, customerDelta, st, CUSTOMER_DAMP, shrink, p, fresh[g], 1f);
        }
      }
    }
    recent[customer] = pushRecent(rec, products);
  }

  /** Counts one more co-occurrence of {@code b} with {@code a}, of weight {@code w}, in a's row. */
  private static void bump(
      int[][] rows, LongIntMap delta, float[] st, int damp, float shrink, int a, int b, float w) {
    int[] row = rows[a];
    for (int x = 0; x < row.length; x += 3) {
      if (row[x] == b) {
        row[x + 1]++; // in place: a reader sees the old or the new count
        row[x + 2] = Float.floatToRawIntBits(Float.intBitsToFloat(row[x + 2]) + w);
        return;
      }
    }
    // not a kept neighbour: counted since the last build, admitted once it beats the weakest
    int count = delta.increment(((long) a << 32) | b);
    int[] candidate = {b, count, Float.floatToRawIntBits(count * w)};
    if (row.length < 3 * NEIGHBOURS) {
      int[] grown = Arrays.copyOf(row, row.length + 3);
      System.arraycopy(candidate, 0, grown, row.length, 3);
      ROWS.setRelease(rows, a, grown);
      return;
    }
    int weakest = -1;
    float weakestVote = Float.MAX_VALUE;
    for (int x = 0; x < row.length; x += 3) {
      float v = vote(row, x, st, damp, shrink);
      if (v < weakestVote) {
        weakestVote = v;
        weakest = x;
      }
    }
    if (vote(candidate, 0, st, damp, shrink) > weakestVote) {
      int[] replaced = row.clone();
      System.arraycopy(candidate, 0, replaced, weakest, 3);
      ROWS.setRelease(rows, a, replaced);
    }
  }

  private void updatePopular(int p) {
    int[] pop = popular;
    int[] cnt = orderCount;
    int at = -1;
    for (int x = 0; x < pop.length; x++) {
      if (pop[x] == p) {
        at = x;
        break;
      }
    }
    if (at < 0) {
      if (pop.length < POPULAR) {
        pop = Arrays.copyOf(pop, pop.length + 1);
        at = pop.length - 1;
      } else if (cnt[p] > cnt[pop[pop.length - 1]]) {
        pop = pop.clone();
        at = pop.length - 1;
      } else {
        return;
      }
      pop[at] = p;
    } else if (at == 0 || cnt[pop[at]] < cnt[pop[at - 1]]) {
      return; // still in place
    } else {
      pop = pop.clone();
    }
    while (at > 0
        && (cnt[pop[at]] > cnt[pop[at - 1]]
            || (cnt[pop[at]] == cnt[pop[at - 1]] && pop[at] < pop[at - 1]))) {
      int tmp = pop[at];
      pop[at] = pop[at - 1];
      pop[at - 1] = tmp;
      at--;
    }
    popular = pop;
  }

  private void grow(int min) {
    int size = Math.max(min, productCount + productCount / 2);
    int old = orderRows.length;
    int[][] oRows = Arrays.copyOf(orderRows, size);
    int[][] cRows = Arrays.copyOf(customerRows, size);
    int[][] tRows = Arrays.copyOf(textRows, size);
    Arrays.fill(oRows, old, size, EMPTY);
    Arrays.fill(cRows, old, size, EMPTY);
    Arrays.fill(tRows, old, size, EMPTY);
    orderCount = Arrays.copyOf(orderCount, size);
    customerCount = Arrays.copyOf(customerCount, size);
    stats = Arrays.copyOf(stats, STATS * size);
    orderRows = oRows;
    customerRows = cRows;
    textRows = tRows;
    productCount = min;
  }

  private static float damp(int count, float beta) {
    return count <= 0 ? 0f : (float) Math.pow(count, -beta);
  }

  /**
   * The distinct non-negative products in order of first appearance: the order of an order's lines
   * is kept, for {@link #pairWeight}.
   */
  static int[] distinct(int[] products) {
    int[] p = new int[products.length];
    int m = 0;
    if (products.length <= 64) { // an ordinary basket: a scan is cheapest
      for (int q : products) {
        if (q >= 0 && !contains(p, m, q)) {
          p[m++] = q;
        }
      }
      return m == p.length ? p : Arrays.copyOf(p, m);
    }
    // a large (wholesale) order: sort (product, line) pairs, keep each product's first line
    long[] byProduct = new long[products.length];
    for (int x = 0; x < products.length; x++) {
      byProduct[x] = ((long) products[x] << 32) | x;
    }
    Arrays.sort(byProduct);
    int[] firstLines = new int[products.length];
    int kept = 0;
    for (int x = 0; x < byProduct.length; x++) {
      int q = (int) (byProduct[x] >> 32);
      if (q >= 0 && (x == 0 || (int) (byProduct[x - 1] >> 32) != q)) {
        firstLines[kept++] = (int) byProduct[x];
      }
    }
    Arrays.sort(firstLines, 0, kept);
    for (int x = 0; x < kept; x++) {
      p[m++] = products[firstLines[x]];
    }
    return m == p.length ? p : Arrays.copyOf(p, m);
  }

  private static int max(int[] products) {
    int max = -1;
    for (int p : products) {
      max = Math.max(max, p);
    }
    return max;
  }

  /**
   * The weight the line at {@code other} of an order of {@code len} distinct products adds to the
   * pair (line {@code at}, line {@code other}) in line {@code at}'s row: {@code (1 - proximity) /
   * (len - 1)}, an equal share of the order (a 500-line wholesale order must not outvote 30
   * ordinary baskets), plus {@code proximity} shared in proportion to {@code 1 / distance} (lines
   * added one after the other while browsing are more closely related than two ends of a long
   * order). Each line's shares sum to 1 either way.
   */
  static float pairWeight(int len, int at, int other, float proximity) {
    double even = (1.0 - proximity) / (len - 1);
    if (proximity == 0) {
      return (float) even;
    }
    double norm = harmonic(at) + harmonic(len - 1 - at); // sum of 1/distance over the others
    return (float) (even + proximity / (Math.abs(other - at) * norm));
  }

  private static final double[] HARMONIC = new double[4097];

  static {
    for (int n = 1; n < HARMONIC.length; n++) {
      HARMONIC[n] = HARMONIC[n - 1] + 1.0 / n;
    }
  }

  /** {@code 1 + 1/2 + ... + 1/n} (asymptotic beyond the table, error below 1e-14). */
  private static double harmonic(int n) {
    return n < HARMONIC.length
        ? HARMONIC[n]
        : Math.log(n) + 0.5772156649015329 + 1.0 / (2 * n) - 1.0 / (12.0 * n * n);
  }

  private static boolean contains(int[] a, int len, int v) {
    for (int x = 0; x < len; x++) {
      if (a[x] == v) {
        return true;
      }
    }
    return false;
  }

  /** The customer's recent distinct products after this order: the order's first, then the rest. */
  private static int[] pushRecent(int[] rec, int[] products) {
    int[] next = new int[Math.min(RECENT_PER_CUSTOMER, rec.length + products.length)];
    int m = 0;
    for (int x = 0; x < products.length && m < next.length; x++) {
      next[m++] = products[x];
    }
    for (int x = 0; x < rec.length && m < next.length; x++) {
      if (!contains(products, products.length, rec[x])) {
        next[m++] = rec[x];
      }
    }
    return m == next.length ? next : Arrays.copyOf(next, m);
  }

  private static void sortDescending(int[] ids, float[] s, int n) {
    for (int a = 1; a < n; a++) {
      int id = ids[a];
      float v = s[a];
      int b = a - 1;
      while (b >= 0 && (s[b] < v || (s[b] == v && ids[b] > id))) {
        ids[b + 1] = ids[b];
        s[b + 1] = s[b];
        b--;
      }
      ids[b + 1] = id;
      s[b + 1] = v;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Building

  /** Collects the order history, then builds the index by sort-based pair counting. */
  public static final class Builder {
    private final Tuning tuning;
    private int productCount;
    private int[] lines = new int[1024];
    private int lineCount;
    private int[] starts = new int[256];
    private int[] customers = new int[256];
    private long[] times = new long[256];
    private int orderCount;
    private int customerLimit;
    private final Map<Integer, String> texts = new HashMap<>();

    private Builder(int productCount, Tuning tuning) {
      if (productCount < 0) {
        throw new IllegalArgumentException("productCount < 0");
      }
      this.productCount = productCount;
      this.tuning = tuning;
    }

    /**
     * Describes a product (its name, and category or brand if known) for the text neighbourhood;
     * optional, later calls for the same product replace earlier ones.
     */
    public Builder productText(int product, String text) {
      if (product >= 0) {
        texts.put(product, text);
        productCount = Math.max(productCount, product + 1);
      }
      return this;
    }

    /**
     * Adds one order of the history.
     *
     * @param distinctProducts product indexes (duplicates and negatives are ignored)
     * @param customer dense customer index, or -1 for a guest
     * @param placedAtEpochSecond when it was placed (used to find each customer's recent products)
     */
    public Builder addOrder(int[] distinctProducts, int customer, long placedAtEpochSecond) {
      int[] p = distinct(distinctProducts);
      if (p.length == 0) {
        return this;
      }
      if (orderCount + 1 >= starts.length) {
        int size = starts.length * 2;
        starts = Arrays.copyOf(starts, size);
        customers = Arrays.copyOf(customers, size);
        times = Arrays.copyOf(times, size);
      }
      if (lineCount + p.length > lines.length) {
        lines = Arrays.copyOf(lines, Math.max(lineCount + p.length, lines.length * 2));
      }
      starts[orderCount] = lineCount;
      customers[orderCount] = customer;
      times[orderCount] = placedAtEpochSecond;
      System.arraycopy(p, 0, lines, lineCount, p.length);
      lineCount += p.length;
      orderCount++;
      starts[orderCount] = lineCount;
      productCount = Math.max(productCount, max(p) + 1);
      customerLimit = Math.max(customerLimit, customer + 1);
      return this;
    }

    /**
     * Builds the index; the builder can be dropped afterwards.
     *
     * <p>First calibrates the three weights that depend most on the shop's data, the popularity
     * prior, the text neighbourhood and the line proximity: an index built from the older 90 % of
     * the most recent {@value #CALIBRATION_ORDERS} orders completes the baskets of the newest 10 %
     * (every product hidden in turn, HR@10), and the best of a small fixed grid is kept. Where
     * association carries little signal (tiny or broken-up baskets) a large prior wins, so the list
     * falls back towards popularity instead of below it; where the order of the lines carries none
     * (a till's scan order) the proximity stays 0. Then builds the index with the chosen proximity.
     */
    public CoPurchaseIndex build() {
      Calibration chosen = calibrate();
      CoPurchaseIndex index = assemble(chosen.proximity());
      index.textWeight = chosen.textWeight();
      index.prior = chosen.prior();
      return index;
    }

    /** Orders the calibration looks at (the most recent ones). */
    static final int CALIBRATION_ORDERS = 100_000;

    /** Validation cases at most (an order of n products gives n cases). */
    static final int CALIBRATION_CASES = 30_000;

    /** The grid, defaults first so that ties keep them. */
    static final float[] PRIORS = {0.1f, 0.03f, 0.3f, 1f, 3f, 10f, 100f};

    static final float[] TEXT_WEIGHTS = {3f, 1f, 0f};

    /**
     * Line proximity shares: 0, the order as a set, first so that it stays where the order of the
     * lines carries nothing (a till's scan order, a sample of lines).
     */
    static final float[] PROXIMITIES = {0f, 0.5f, 1f};

    /** The weights a build chose. */
    record Calibration(float proximity, float textWeight, float prior) {}

    /** The calibrated weights, or the tuning's when there are too few orders to validate on. */
    private Calibration calibrate() {
      int[] byTime = sortByTime(orderCount, times);
      int m = Math.min(byTime.length, CALIBRATION_ORDERS);
      int validate = m / 10;
      if (validate < 20) {
        return new Calibration(tuning.proximity(), tuning.textWeight(), tuning.prior());
      }
      int from = byTime.length - m;
      int cut = byTime.length - validate;
      Builder sub = new Builder(productCount, tuning);
      sub.texts.putAll(texts);
      for (int x = from; x < cut; x++) {
        int o = byTime[x];
        sub.addOrder(Arrays.copyOfRange(lines, starts[o], starts[o + 1]), customers[o], times[o]);
      }
      CoPurchaseIndex trial = sub.assemble(PROXIMITIES[0]);
      // first the text weight and the prior with the order as a set, then the proximity with
      // that text weight (perf: every (proximity, text weight) pair costs a vote per case; the
      // two hardly interact: the text votes come from other rows)
      float[][] hits = new float[TEXT_WEIGHTS.length][PRIORS.length];
      validate(trial, byTime, cut, TEXT_WEIGHTS, hits);
      int[] best = best(hits);
      float text = TEXT_WEIGHTS[best[0]];
      float[] bestHits = hits[best[0]];
      int bestProximity = 0;
      int bestPrior = best[1];
      for (int px = 1; px < PROXIMITIES.length; px++) { // only the same-order rows depend on it
        PairCounter.rows(
            trial.productCount,
            sub.starts,
            sub.lines,
            sub.orderCount,
            true,
            PROXIMITIES[px],
            trial.stats,
            ORDER_DAMP,
            tuning.shrink(),
            trial.orderRows);
        float[][] proximityHits = new float[1][PRIORS.length];
        validate(trial, byTime, cut, new float[] {text}, proximityHits);
        int[] b = best(proximityHits);
        if (proximityHits[0][b[1]] > bestHits[bestPrior]) {
          bestHits = proximityHits[0];
          bestProximity = px;
          bestPrior = b[1];
        }
      }
      return new Calibration(PROXIMITIES[bestProximity], text, PRIORS[bestPrior]);
    }

    /**
     * Completes the validation orders (from {@code cut} in {@code byTime}, every product hidden in
     * turn, weight 1/len) with the trial index for each text weight and prior, adding the HR@10
     * sums to {@code hits[text weight][prior]}.
     */
    private void validate(
        CoPurchaseIndex trial, int[] byTime, int cut, float[] textWeights, float[][] hits) {
      int k = 10;
      int[] out = new int[k];
      float[] scores = new float[k];
      int cases = 0;
      for (int x = cut; x < byTime.length && cases < CALIBRATION_CASES; x++) {
        int o = byTime[x];
        int len = starts[o + 1] - starts[o];
        if (len < 2) {
          continue;
        }
        int[] order = Arrays.copyOfRange(lines, starts[o], starts[o + 1]);
        int[] context = new int[len - 1];
        for (int h = 0; h < len; h++) {
          int hidden = order[h];
          System.arraycopy(order, 0, context, 0, h);
          System.arraycopy(order, h + 1, context, h, len - h - 1);
          for (int tw = 0; tw < textWeights.length; tw++) {
            trial.textWeight = textWeights[tw];
            // what trial.recommend(context, EMPTY, k, ...) ranks for each prior, votes once
            Scratch votes = trial.votes(context, EMPTY);
            for (int pw = 0; pw < PRIORS.length; pw++) {
              int n = trial.topK(votes, PRIORS[pw], k, out, scores);
              for (int r = 0; r < n; r++) {
                if (out[r] == hidden) {
                  hits[tw][pw] += 1f / len;
                  break;
                }
              }
            }
          }
          cases++;
        }
      }
    }

    /** {row, column} of the largest entry, the first one on ties (the defaults come first). */
    private static int[] best(float[][] hits) {
      int[] best = {0, 0};
      for (int r = 0; r < hits.length; r++) {
        for (int c = 0; c < hits[r].length; c++) {
          if (hits[r][c] > hits[best[0]][best[1]]) {
            best[0] = r;
            best[1] = c;
          }
        }
      }
      return best;
    }

    private CoPurchaseIndex assemble(float proximity) {
      int n = productCount;
      CoPurchaseIndex index = new CoPurchaseIndex(tuning, n);
      index.proximity = proximity;
      int[] cnt = index.orderCount;
      for (int x = 0; x < lineCount; x++) {
        cnt[lines[x]]++;
      }
      int max = 0;
      float[] st = index.stats;
      for (int p = 0; p < n; p++) {
        st[STATS * p + ORDER_DAMP] = damp(cnt[p], tuning.beta());
        st[STATS * p + ORDER_COUNT] = cnt[p];
        max = Math.max(max, cnt[p]);
      }
      index.maxOrderCount = max;
      index.popular = topByCount(cnt, POPULAR);
      PairCounter.rows(
          n,
          starts,
          lines,
          orderCount,
          true,
          proximity,
          st,
          ORDER_DAMP,
          tuning.shrink(),
          index.orderRows);

      // same customer: each customer's most recent distinct products, orders in time order
      int[][] recent = new int[customerLimit][];
      for (int o : sortByTime(orderCount, times)) {
        int c = customers[o];
        if (c >= 0) {
          int[] p = Arrays.copyOfRange(lines, starts[o], starts[o + 1]);
          recent[c] = pushRecent(recent[c] == null ? EMPTY : recent[c], p);
        }
      }
      int[] cStarts = new int[customerLimit + 1];
      int total = 0;
      for (int c = 0; c < customerLimit; c++) {
        cStarts[c] = total;
        total += recent[c] == null ? 0 : recent[c].length;
      }
      cStarts[customerLimit] = total;
      int[] cLines = new int[total];
      for (int c = 0; c < customerLimit; c++) {
        if (recent[c] != null) {
          System.arraycopy(recent[c], 0, cLines, cStarts[c], recent[c].length);
        }
      }
      int[] ccnt = index.customerCount;
      for (int p : cLines) {
        ccnt[p]++;
      }
      for (int p = 0; p < n; p++) {
        st[STATS * p + CUSTOMER_DAMP] = damp(ccnt[p], tuning.customerBeta());
      }
      PairCounter.rows(
          n,
          cStarts,
          cLines,
          customerLimit,
          false,
          0f,
          st,
          CUSTOMER_DAMP,
          tuning.customerShrink(),
          index.customerRows);
      index.recent = recent;
      TextNeighbours.rows(n, texts, index.textRows);
      index.version = 1;
      return index;
    }

    /** Order indexes by placement time, stable (ties keep insertion order). */
    private static int[] sortByTime(int count, long[] times) {
      int[] order = new int[count];
      if (count == 0) {
        return order;
      }
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int o = 0; o < count; o++) {
        min = Math.min(min, times[o]);
        max = Math.max(max, times[o]);
      }
      if (max - min >= (1L << 31) || max - min < 0) {
        min = max - (1L << 31) + 1; // wider than 68 years: older orders tie, recency is all we need
      }
      long[] keyed = new long[count];
      for (int o = 0; o < count; o++) {
        keyed[o] = (Math.max(0, times[o] - min) << 32) | o;
      }
      Arrays.sort(keyed);
      for (int o = 0; o < count; o++) {
        order[o] = (int) keyed[o];
      }
      return order;
    }
  }

  private static int[] topByCount(int[] cnt, int limit) {
    int[] top = new int[Math.min(limit, cnt.length)];
    int m = 0;
    for (int p = 0; p < cnt.length; p++) {
      if (cnt[p] == 0 || (m == top.length && cnt[p] <= cnt[top[m - 1]])) {
        continue;
      }
      int pos = m < top.length ? m++ : m - 1;
      while (pos > 0 && cnt[top[pos - 1]] < cnt[p]) {
        top[pos] = top[pos - 1];
        pos--;
      }
      top[pos] = p;
    }
    return m == top.length ? top : Arrays.copyOf(top, m);
  }

  /**
   * Sort-based pair counting over sets (orders, or customers' recent products), in passes over
   * ranges of first products so the temporary pair array stays bounded, keeping each product's
   * {@value #NEIGHBOURS} strongest neighbours.
   */
  static final class PairCounter {
    /** Directed pairs per pass: 8M longs = 64 MB of temporary memory at most. */
    private static final int PASS_PAIRS = 1 << 23;

    /**
     * Fills {@code out} with each product's strongest neighbours over the sets (orders or
     * customers' recent products): with {@code weighBySize} a pair's weight sums {@link
     * #pairWeight} over its orders, else it is the plain count.
     */
    static void rows(
        int n,
        int[] starts,
        int[] lines,
        int setCount,
        boolean weighBySize,
        float proximity,
        float[] st,
        int damp,
        float shrink,
        int[][] out) {
      long[] degree = new long[n];
      for (int s = 0; s < setCount; s++) {
        int len = starts[s + 1] - starts[s];
        for (int x = starts[s]; x < starts[s + 1]; x++) {
          degree[lines[x]] += len - 1;
        }
      }
      int[] postingStart = new int[n + 1];
      for (int x = 0; x < starts[setCount]; x++) {
        postingStart[lines[x] + 1]++;
      }
      for (int p = 0; p < n; p++) {
        postingStart[p + 1] += postingStart[p];
      }
      int[] postings = new int[starts[setCount]];
      int[] postingAt = new int[starts[setCount]];
      int[] fill = Arrays.copyOf(postingStart, n);
      for (int s = 0; s < setCount; s++) {
        for (int x = starts[s]; x < starts[s + 1]; x++) {
          postingAt[fill[lines[x]]] = x - starts[s];
          postings[fill[lines[x]]++] = s;
        }
      }
      long total = 0;
      for (long d : degree) {
        total += d;
      }
      long[] buf = new long[(int) Math.max(16, Math.min(PASS_PAIRS, total))];
      int[] rowStart = new int[n + 1];
      HeapTopK top = new HeapTopK(NEIGHBOURS);
      int lo = 0;
      while (lo < n) {
        int hi = lo;
        long used = 0;
        while (hi < n && (hi == lo || used + degree[hi] <= buf.length)) {
          used += degree[hi];
          hi++;
        }
        if (used > buf.length) {
          buf = new long[(int) used]; // one product with more pairs than a pass: its own pass
        }
        int pos = 0;
        for (int p = lo; p < hi; p++) {
          rowStart[p] = pos;
          for (int y = postingStart[p]; y < postingStart[p + 1]; y++) {
            int s = postings[y];
            int len = starts[s + 1] - starts[s];
            int at = postingAt[y];
            for (int x = starts[s]; x < starts[s + 1]; x++) {
              int q = lines[x];
              if (q != p) {
                float w = weighBySize ? pairWeight(len, at, x - starts[s], proximity) : 1f;
                buf[pos++] = ((long) q << 32) | (Float.floatToRawIntBits(w) & 0xffffffffL);
              }
            }
          }
        }
        rowStart[hi] = pos;
        int[] one = new int[3];
        for (int p = lo; p < hi; p++) {
          int from = rowStart[p];
          int to = rowStart[p + 1];
          if (from == to) {
            out[p] = EMPTY;
            continue;
          }
          Arrays.sort(buf, from, to);
          top.clear();
          int run = from;
          float w = 0;
          for (int x = from; x <= to; x++) {
            if (x == to || (int) (buf[x] >>> 32) != (int) (buf[run] >>> 32)) {
              int q = (int) (buf[run] >>> 32);
              int co = x - run;
              one[0] = q;
              one[1] = co;
              one[2] = Float.floatToRawIntBits(weighBySize ? w : co);
              top.offer(q, co, one[2], vote(one, 0, st, damp, shrink));
              run = x;
              w = 0;
            }
            if (x < to) {
              w += Float.intBitsToFloat((int) buf[x]);
            }
          }
          out[p] = top.toRow();
        }
        lo = hi;
      }
    }
  }

  /**
   * TF-IDF cosine between product texts, by an inverted index over words shared by at most {@value
   * #MAX_TOKEN_PRODUCTS} products; keeps each product's {@value #NEIGHBOURS} closest.
   */
  static final class TextNeighbours {

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
          if (!contains(ids, m, id)) {
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
      HeapTopK top = new HeapTopK(NEIGHBOURS);
      for (int p = 0; p < n; p++) {
        if (tokens[p] == null || norm[p] == 0) {
          continue;
        }
        int size = 0;
        for (int t : tokens[p]) {
          int from = postingStart[t];
          int to = postingStart[t + 1];
          if (to - from > MAX_TOKEN_PRODUCTS || idf[t] == 0) {
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

  /** Keeps the {@code k} best (id, count, weight bits) by score; ties prefer the smaller id. */
  static final class HeapTopK {
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

  /**
   * Per-thread scoring buffers. A product touched by this request owns an entry of the small dense
   * arrays (score, strongest contribution, anchor), found through {@code mark[product] - base};
   * entries of earlier requests fall below {@code base}, so nothing is cleared between requests.
   * The only per-product array is that {@code int[]} (400 KB at 100,000 products), the rest stays
   * in the first-level cache.
   *
   * <p>Perf history: four parallel arrays of 100,000 products, then one interleaved {@code int[]}
   * of 16 bytes per product (1.6 MB, docs/bench/02); {@code Scratch.isExcluded/add/touch} were
   * still 17 % of the cart widget's JFR samples, the first touch of each product a cache miss. A
   * hash table of the touched products was slower (docs/bench/04: the probing cost more than the
   * misses). This direct index has no probing and a quarter of the footprint; measured in
   * BENCHMARKS.md.
   */
  private static final class Scratch {
    /** The anchor of an excluded (context) product's entry: never ranked, never voted for. */
    private static final int EXCLUDED = -2;

    int[] mark = new int[0];
    int base = 1;
    int[] touched = new int[256];
    float[] score = new float[256];
    float[] best = new float[256];
    int[] anchor = new int[256];
    float[] votes = new float[3 * NEIGHBOURS];
    int size;

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

    /** This request's entry of the product, or -1. */
    private int entry(int p) {
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
      anchor[e < 0 ? newEntry(p) : e] = EXCLUDED;
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

    /** True when the entry is a candidate (not an excluded product). */
    boolean candidate(int e) {
      return anchor[e] != EXCLUDED;
    }

    int anchor(int j) {
      return anchor[entry(j)];
    }
  }

  /**
   * Open-addressing long to int counter map for the writer (pairs counted since the build). Key and
   * count share one slot of a single {@code long[]} ({@code key + 1}, 0 = free; keys are {@code a
   * << 32 | b} with non-negative ids, so never -1), so a probe reads one cache line instead of
   * three (perf: LongIntMap.increment was 21 % self time of applying one order, JFR, with separate
   * key, value and used arrays; see docs/bench).
   */
  static final class LongIntMap {
    private long[] table = new long[2 * 1024];
    private int size;

    int increment(long key) {
      long stored = key + 1;
      long[] t = table;
      int mask = t.length / 2 - 1;
      int at = (int) mix(key) & mask;
      long k;
      while ((k = t[2 * at]) != 0) {
        if (k == stored) {
          return (int) ++t[2 * at + 1];
        }
        at = (at + 1) & mask;
      }
      t[2 * at] = stored;
      t[2 * at + 1] = 1;
      if (++size * 2 > t.length / 2) {
        rehash();
      }
      return 1;
    }

    private void rehash() {
      long[] old = table;
      long[] t = new long[old.length * 2];
      int mask = t.length / 2 - 1;
      for (int x = 0; x < old.length; x += 2) {
        long stored = old[x];
        if (stored != 0) {
          int at = (int) mix(stored - 1) & mask;
          while (t[2 * at] != 0) {
            at = (at + 1) & mask;
          }
          t[2 * at] = stored;
          t[2 * at + 1] = old[x + 1];
        }
      }
      table = t;
    }

    private static long mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return h ^ (h >>> 29);
    }
  }
}
