package io.smartlists.engine.signals;

import io.smartlists.engine.signals.copurchase.CoPurchaseBuilder;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.ProductInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue signal: dense product, category and manufacturer indexes, names, the category tree
 * flattened into each product's scopes (its categories and all their ancestors), availability dates
 * and the new arrivals. Built from the host's catalogue at every rebuild, keeping the previous
 * indexes (browsing recorded before the rebuild stays valid). Immutable: a product added or changed
 * between rebuilds ({@code ProductChanged}) gives a new index through {@link #withProduct}, the
 * others' indexes unchanged; categories added later are unknown until the next rebuild.
 */
final class CatalogueIndex {

  static final int[] NONE = new int[0];

  /** No catalogue. */
  static final CatalogueIndex EMPTY = build(null, List.of(), List.of());

  final String[] productIds;
  final String[] productNames;
  final Map<String, Integer> productIndex;
  final int[][] productCategories;

  /** Every category the product counts in: its own and all their ancestors, distinct. */
  final int[][] productScopes;

  final int[] productManufacturer;
  final long[] availableFrom;
  final int[] newArrivals;
  final String[] categoryIds;
  final String[] categoryNames;
  final Map<String, Integer> categoryIndex;

  /** Each category's parent index, or -1 for a root. */
  final int[] categoryParent;

  final String[] manufacturerNames;
  final Map<String, Integer> manufacturerIndex;

  private CatalogueIndex(
      String[] productIds,
      String[] productNames,
      Map<String, Integer> productIndex,
      int[][] productCategories,
      int[][] productScopes,
      int[] productManufacturer,
      long[] availableFrom,
      int[] newArrivals,
      String[] categoryIds,
      String[] categoryNames,
      Map<String, Integer> categoryIndex,
      int[] categoryParent,
      String[] manufacturerNames,
      Map<String, Integer> manufacturerIndex) {
    this.productIds = productIds;
    this.productNames = productNames;
    this.productIndex = productIndex;
    this.productCategories = productCategories;
    this.productScopes = productScopes;
    this.productManufacturer = productManufacturer;
    this.availableFrom = availableFrom;
    this.newArrivals = newArrivals;
    this.categoryIds = categoryIds;
    this.categoryNames = categoryNames;
    this.categoryIndex = categoryIndex;
    this.categoryParent = categoryParent;
    this.manufacturerNames = manufacturerNames;
    this.manufacturerIndex = manufacturerIndex;
  }

  static String manufacturerKey(String manufacturer) {
    return manufacturer.strip().toLowerCase(Locale.ROOT);
  }

  int productCount() {
    return productIds.length;
  }

  int categoryCount() {
    return categoryIds.length;
  }

  int manufacturerCount() {
    return manufacturerNames.length;
  }

  /** The product's index, or -1. */
  int indexOf(String productId) {
    Integer i = productIndex.get(productId);
    return i == null ? -1 : i;
  }

  /** The category's index, or -1. */
  int categoryIndexOf(String categoryId) {
    Integer i = categoryIndex.get(categoryId);
    return i == null ? -1 : i;
  }

  /** The manufacturer's index (matched ignoring case and surrounding blanks), or -1. */
  int manufacturerIndexOf(String manufacturer) {
    Integer i = manufacturerIndex.get(manufacturerKey(manufacturer));
    return i == null ? -1 : i;
  }

  boolean isInCategory(int product, int ancestor) {
    for (int c : productScopes[product]) {
      if (c == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * Describes every product to the co-purchase builder for its text neighbourhood: name,
   * categories, brand (EVALUATION.md: worth about +0.04 HR@10 on the online-retail file).
   */
  void describeProducts(CoPurchaseBuilder coBuilder) {
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < productIds.length; p++) {
      if (productNames[p] == null) {
        continue;
      }
      text.setLength(0);
      text.append(productNames[p]);
      for (int c : productCategories[p]) {
        text.append(' ').append(categoryNames[c]);
      }
      if (productManufacturer[p] >= 0) {
        text.append(' ').append(manufacturerNames[productManufacturer[p]]);
      }
      coBuilder.productText(p, text.toString());
    }
  }

  /** The index of this catalogue: the previous indexes first, new products and categories after. */
  static CatalogueIndex build(
      @Nullable CatalogueIndex previous,
      List<ProductInfo> products,
      List<CategoryInfo> categories) {
    // Categories: the previous indexes first, new ones appended.
    List<String> catIds = new ArrayList<>();
    Map<String, Integer> catIndex = new HashMap<>();
    if (previous != null) {
      for (String id : previous.categoryIds) {
        catIndex.put(id, catIds.size());
        catIds.add(id);
      }
    }
    Map<String, CategoryInfo> catInfo = new HashMap<>();
    for (CategoryInfo c : categories) {
      catInfo.put(c.id(), c);
      if (!catIndex.containsKey(c.id())) {
        catIndex.put(c.id(), catIds.size());
        catIds.add(c.id());
      }
    }
    int nc = catIds.size();
    String[] categoryIds = catIds.toArray(new String[0]);
    String[] categoryNames = new String[nc];
    int[] parent = new int[nc];
    for (int c = 0; c < nc; c++) {
      CategoryInfo info = catInfo.get(categoryIds[c]);
      categoryNames[c] =
          info != null
              ? info.name()
              : previous != null ? previous.categoryNames[c] : categoryIds[c];
      Integer pi = info == null || info.parentId() == null ? null : catIndex.get(info.parentId());
      parent[c] = pi == null ? -1 : pi;
    }
    int[][] ancestry = new int[nc][];
    int[] chain = new int[nc + 1];
    for (int c = 0; c < nc; c++) {
      int n = 0;
      int x = c;
      while (x >= 0
          && n <= nc
          && indexOf(chain, n, x) < 0) { // a cycle in the host's tree stops here
        chain[n++] = x;
        x = parent[x];
      }
      ancestry[c] = Arrays.copyOf(chain, n);
    }

    // Products: the previous indexes first, new ones appended.
    Map<String, ProductInfo> byId = new HashMap<>(products.size() * 2);
    for (ProductInfo p : products) {
      byId.put(p.id(), p);
    }
    List<String> ids = new ArrayList<>(products.size());
    Map<String, Integer> index = new HashMap<>(products.size() * 2);
    if (previous != null) {
      for (String id : previous.productIds) {
        index.put(id, ids.size());
        ids.add(id);
      }
    }
    for (ProductInfo p : products) {
      if (!index.containsKey(p.id())) {
        index.put(p.id(), ids.size());
        ids.add(p.id());
      }
    }
    int np = ids.size();
    String[] productIds = ids.toArray(new String[0]);
    String[] productNames = new String[np];
    int[][] productCategories = new int[np][];
    int[][] productScopes = new int[np][];
    int[] productManufacturer = new int[np];
    long[] availableFrom = new long[np];
    List<String> makers = new ArrayList<>();
    Map<String, Integer> makerIndex = new HashMap<>();
    int[] buf = new int[16];
    int arrivals = 0;
    int[] arrival = new int[np];
    for (int p = 0; p < np; p++) {
      ProductInfo info = byId.get(productIds[p]);
      if (info == null) { // gone from the catalogue: keep the index, forget the rest
        productNames[p] = previous != null ? previous.productNames[p] : productIds[p];
        productCategories[p] = NONE;
        productScopes[p] = NONE;
        productManufacturer[p] = -1;
        availableFrom[p] = Long.MIN_VALUE;
        continue;
      }
      productNames[p] = info.name();
      int[] direct = new int[info.categoryIds().size()];
      int nd = 0;
      for (String cid : info.categoryIds()) {
        Integer c = catIndex.get(cid);
        if (c != null && indexOf(direct, nd, c) < 0) {
          direct[nd++] = c;
        }
      }
      productCategories[p] = nd == 0 ? NONE : Arrays.copyOf(direct, nd);
      int ns = 0;
      for (int i = 0; i < nd; i++) {
        for (int a : ancestry[direct[i]]) {
          if (indexOf(buf, ns, a) < 0) {
            if (ns == buf.length) {
              buf = Arrays.copyOf(buf, ns * 2);
            }
            buf[ns++] = a;
          }
        }
      }
      productScopes[p] = ns == 0 ? NONE : Arrays.copyOf(buf, ns);
      String maker = info.manufacturer();
      if (maker == null || maker.isBlank()) {
        productManufacturer[p] = -1;
      } else {
        String key = manufacturerKey(maker);
        Integer m = makerIndex.get(key);
        if (m == null) {
          m = makers.size();
          makerIndex.put(key, m);
          makers.add(maker.strip());
        }
        productManufacturer[p] = m;
      }
      Instant from = info.availableFrom();
      availableFrom[p] = from == null ? Long.MIN_VALUE : from.getEpochSecond();
      if (from != null) {
        arrival[arrivals++] = p;
      }
    }
    long[] av = availableFrom;
    IntSort.sort(
        arrival,
        arrivals,
        (a, b) -> av[a] != av[b] ? Long.compare(av[b], av[a]) : Integer.compare(a, b));
    return new CatalogueIndex(
        productIds,
        productNames,
        index,
        productCategories,
        productScopes,
        productManufacturer,
        availableFrom,
        Arrays.copyOf(arrival, arrivals),
        categoryIds,
        categoryNames,
        catIndex,
        parent,
        makers.toArray(new String[0]),
        makerIndex);
  }

  /**
   * True when the index can take this product without a rebuild: every category it is filed in is
   * known (a new category needs the tree, which only a rebuild reads).
   */
  boolean knowsCategoriesOf(ProductInfo info) {
    for (String c : info.categoryIds()) {
      if (!categoryIndex.containsKey(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * This index with one product added (at the next index) or changed (name, categories,
   * manufacturer, availability), every other index unchanged; with {@code info} null, the product
   * is gone from the catalogue: its index stays, its categories, manufacturer and availability go,
   * like at a rebuild. Categories this index does not know are left out ({@link #knowsCategoriesOf}
   * tells whether a rebuild is needed to know them). Copies the per-product arrays: O(products) per
   * change.
   */
  CatalogueIndex withProduct(String productId, @Nullable ProductInfo info) {
    Integer known = productIndex.get(productId);
    if (known == null && info == null) {
      return this;
    }
    int np = productIds.length + (known == null ? 1 : 0);
    int p = known == null ? productIds.length : known;
    String[] ids = Arrays.copyOf(productIds, np);
    String[] names = Arrays.copyOf(productNames, np);
    int[][] cats = Arrays.copyOf(productCategories, np);
    int[][] scopes = Arrays.copyOf(productScopes, np);
    int[] makerOf = Arrays.copyOf(productManufacturer, np);
    long[] from = Arrays.copyOf(availableFrom, np);
    Map<String, Integer> index = productIndex;
    if (known == null) {
      index = new HashMap<>(productIndex);
      index.put(productId, p);
      ids[p] = productId;
    }
    String[] makers = manufacturerNames;
    Map<String, Integer> makerIndex = manufacturerIndex;
    if (info == null) {
      cats[p] = NONE;
      scopes[p] = NONE;
      makerOf[p] = -1;
      from[p] = Long.MIN_VALUE;
    } else {
      names[p] = info.name();
      int[] direct = new int[info.categoryIds().size()];
      int nd = 0;
      for (String cid : info.categoryIds()) {
        Integer c = categoryIndex.get(cid);
        if (c != null && indexOf(direct, nd, c) < 0) {
          direct[nd++] = c;
        }
      }
      cats[p] = nd == 0 ? NONE : Arrays.copyOf(direct, nd);
      int[] buf = new int[categoryIds.length + 1];
      int ns = 0;
      for (int i = 0; i < nd; i++) {
        for (int x = direct[i]; x >= 0 && indexOf(buf, ns, x) < 0; x = categoryParent[x]) {
          buf[ns++] = x; // the category and its ancestors (a cycle stops at a repeat)
        }
      }
      scopes[p] = ns == 0 ? NONE : Arrays.copyOf(buf, ns);
      String maker = info.manufacturer();
      if (maker == null || maker.isBlank()) {
        makerOf[p] = -1;
      } else {
        Integer m = manufacturerIndex.get(manufacturerKey(maker));
        if (m == null) {
          m = makers.length;
          makers = Arrays.copyOf(makers, m + 1);
          makers[m] = maker.strip();
          makerIndex = new HashMap<>(manufacturerIndex);
          makerIndex.put(manufacturerKey(maker), m);
        }
        makerOf[p] = m;
      }
      Instant available = info.availableFrom();
      from[p] = available == null ? Long.MIN_VALUE : available.getEpochSecond();
    }
    int[] arrival = new int[np];
    int arrivals = 0;
    for (int x = 0; x < np; x++) {
      if (from[x] != Long.MIN_VALUE) {
        arrival[arrivals++] = x;
      }
    }
    IntSort.sort(
        arrival,
        arrivals,
        (a, b) -> from[a] != from[b] ? Long.compare(from[b], from[a]) : Integer.compare(a, b));
    return new CatalogueIndex(
        ids,
        names,
        index,
        cats,
        scopes,
        makerOf,
        from,
        Arrays.copyOf(arrival, arrivals),
        categoryIds,
        categoryNames,
        categoryIndex,
        categoryParent,
        makers,
        makerIndex);
  }

  static int indexOf(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
