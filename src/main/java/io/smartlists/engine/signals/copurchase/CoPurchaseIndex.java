package io.smartlists.engine.signals.copurchase;

import java.util.Arrays;

/**
 * Popularity-corrected co-purchase association between products (same order), blended with what
 * customers with similar purchase histories bought. Built once from the order history, then updated
 * per confirmed order by a single writer while readers score lock-free.
 *
 * <p>Parts: {@link CoPurchaseBuilder} collects the history and builds (pair counting in {@code
 * PairCounter}, text neighbours in {@code TextNeighbours}, the weights chosen by {@code
 * Calibration}); {@link #addOrder} hands a confirmed order to the single writer ({@code
 * CoPurchaseWriter}); {@link #recommend} is the read path ({@code CoPurchaseReader}) and returns a
 * {@link Recommendations}: the top {@code k} products for this context (cart, viewed product or
 * order lines) and history (the customer's past products), context excluded, each with its anchor
 * (the context or history product that contributed most). A builder's optional {@code
 * productText(product, text)} (name, category, brand) adds a content neighbourhood that stands in
 * for co-purchase evidence a product does not have yet.
 *
 * <h2>Model</h2>
 *
 * <p>Three sparse neighbourhoods per product, each kept as its strongest {@value #NEIGHBOURS}
 * neighbours:
 *
 * <ul>
 *   <li><b>same order</b>: {@code w(i,j)} = orders containing both, each line sharing one unit of
 *       weight among the order's other lines ({@code PairWeight}: evenly, so that a 100-line
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
 * calibrates them on the shop's newest orders ({@link CoPurchaseBuilder#build()}). EVALUATION.md
 * has the measurements behind these constants.
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

  final Tuning tuning;

  // ---- state: written by the single writer (or the builder before publication), read lock-free
  volatile int version;
  volatile int productCount;
  volatile int[] orderCount;
  volatile int[] customerCount;

  /**
   * What scoring reads of each candidate, interleaved, {@link Rows#STATS} floats per product: the
   * order and customer dampings and the order count (as a float, exact below 2^24; the writer keeps
   * it equal to {@link #orderCount}). One cache line per candidate instead of one in each of three
   * 400 KB arrays (perf: the cart widget's votes and ranking are bound by these misses;
   * BENCHMARKS.md).
   */
  volatile float[] stats;

  volatile int[][] orderRows;
  volatile int[][] customerRows;
  volatile int[][] textRows;
  volatile int[] popular;
  volatile int maxOrderCount;

  /**
   * Weight of the popularity prior, calibrated at build time ({@link CoPurchaseBuilder#build()}).
   */
  volatile float prior;

  /** Weight of the text neighbourhood, calibrated at build time. */
  volatile float textWeight;

  /**
   * Share of a same-order pair's weight given by the distance of the two lines in the order ({@code
   * PairWeight}), calibrated at build time; the single writer uses the value its build chose.
   */
  float proximity;

  /**
   * How the read path scores: the family the build's selection chose ({@link ModelSelection}), with
   * its parameters (EASE head included). Immutable, replaced only by a build before publication.
   */
  volatile Scoring scoring = Scoring.NEIGHBOURHOOD;

  /** What the build's selection chose, and its validation figures. */
  volatile ModelSelection selection;

  final CoPurchaseWriter writer;
  final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  CoPurchaseIndex(Tuning tuning, int productCount) {
    this.tuning = tuning;
    this.prior = tuning.prior();
    this.textWeight = tuning.textWeight();
    this.proximity = tuning.proximity();
    this.selection = ModelSelection.unvalidated(tuning.prior());
    this.productCount = productCount;
    this.orderCount = new int[productCount];
    this.customerCount = new int[productCount];
    this.stats = new float[Rows.STATS * productCount];
    int[][] o = new int[productCount][];
    int[][] c = new int[productCount][];
    int[][] t = new int[productCount][];
    Arrays.fill(o, Rows.EMPTY);
    Arrays.fill(c, Rows.EMPTY);
    Arrays.fill(t, Rows.EMPTY);
    this.orderRows = o;
    this.customerRows = c;
    this.textRows = t;
    this.popular = Rows.EMPTY;
    this.writer = new CoPurchaseWriter(this);
  }

  /** A builder for an index over {@code productCount} products (it grows for larger indexes). */
  public static CoPurchaseBuilder builder(int productCount) {
    return new CoPurchaseBuilder(productCount, Tuning.DEFAULT);
  }

  static CoPurchaseBuilder builder(int productCount, Tuning tuning) {
    return new CoPurchaseBuilder(productCount, tuning);
  }

  /**
   * What the build chose on its validation split (the newest tenth of the training orders): the
   * model family served and its parameters, with each family's validation hit rate; {@link
   * ModelSelection#summary()} prints it.
   */
  public ModelSelection selection() {
    return selection;
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
    return Rows.count(orderRows, a, b);
  }

  /** Customers whose recent purchases contain both products, as far as the index keeps it. */
  public int sameCustomerCount(int a, int b) {
    return Rows.count(customerRows, a, b);
  }

  /** The strongest same-order neighbours of a product, best first (for previews and tests). */
  public int[] neighbours(int product) {
    int[][] rows = orderRows;
    if (product < 0 || product >= rows.length) {
      return Rows.EMPTY;
    }
    int[] row = Rows.row(rows, product);
    float[] st = stats;
    int n = row.length / 3;
    int[] ids = new int[n];
    float[] s = new float[n];
    for (int x = 0; x < n; x++) {
      ids[x] = row[3 * x];
      s[x] = Rows.vote(row, 3 * x, st, Rows.ORDER_DAMP, tuning.shrink());
    }
    sortDescending(ids, s, n);
    return ids;
  }

  /** The top {@code k} products for this context and history, context excluded. */
  public Recommendations recommend(int[] context, int[] history, int k) {
    Recommendations into = new Recommendations(Math.max(0, k));
    recommend(context, history, into);
    return into;
  }

  /**
   * As {@link #recommend(int[], int[], int)}, reusing {@code into} (its capacity is the {@code k});
   * returns how many products it now holds.
   */
  public int recommend(int[] context, int[] history, Recommendations into) {
    int n =
        CoPurchaseReader.recommend(
            this, context, history, into.capacity(), into.products, into.scores, into.anchors);
    into.filled(this, n);
    return n;
  }

  /**
   * Adds one confirmed order (single writer; readers keep scoring meanwhile).
   *
   * @param distinctProducts the order's product indexes (duplicates and negatives are ignored)
   * @param customer dense customer index, or -1 for a guest
   * @param placedAtEpochSecond when it was placed (orders are expected roughly in time order)
   */
  public void addOrder(int[] distinctProducts, int customer, long placedAtEpochSecond) {
    writer.addOrder(distinctProducts, customer);
  }

  /**
   * Takes products out of an order added before (single writer): a cancelled order ({@code removed}
   * = all of {@code standing}) or returned goods (the products with no unit left). Order counts and
   * same-order pair counts drop; same-customer counts and calibrated weights follow the next build.
   *
   * @param standing the order's distinct product indexes before, in line order
   * @param removed those of them that leave the order
   */
  public void removeFromOrder(int[] standing, int[] removed) {
    writer.removeFromOrder(standing, removed);
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
}
