package io.smartlists.merchandising;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.ProductInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue as the admin's pickers, slot editor and draft validation see it: every manufacturer
 * (sorted), every category by id and its display path. Cached, because a manufacturer list means
 * reading every product of the host's catalogue; one instance serves the editor and the admin.
 */
public final class CatalogueLookups {

  private final LoadingCache<String, Set<String>> manufacturers;
  private final LoadingCache<String, Map<String, CategoryInfo>> categories;

  public CatalogueLookups(CatalogPort catalog) {
    this.manufacturers =
        Caffeine.newBuilder()
            .refreshAfterWrite(Duration.ofMinutes(5))
            .build(k -> loadManufacturers(catalog));
    this.categories =
        Caffeine.newBuilder()
            .refreshAfterWrite(Duration.ofMinutes(1))
            .build(k -> loadCategories(catalog));
  }

  /** Every manufacturer of the catalogue, sorted (cached for a few minutes). */
  public Set<String> manufacturers() {
    return manufacturers.get("");
  }

  /** Every category of the catalogue by id (cached for a minute). */
  public Map<String, CategoryInfo> categories() {
    return categories.get("");
  }

  /** The display name of a category with its ancestors, e.g. "Shoes › Boots", or null. */
  public @Nullable String categoryPath(String categoryId) {
    Map<String, CategoryInfo> all = categories.get("");
    CategoryInfo c = all.get(categoryId);
    if (c == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (c != null && seen.add(c.id())) {
      names.add(0, c.name());
      String parent = c.parentId();
      c = parent == null ? null : all.get(parent);
    }
    return String.join(" › ", names);
  }

  private static Set<String> loadManufacturers(CatalogPort catalog) {
    Set<String> names = new TreeSet<>();
    for (ProductInfo p : catalog.allProducts()) {
      String m = p.manufacturer();
      if (m != null && !m.isBlank()) {
        names.add(m);
      }
    }
    return Collections.unmodifiableSet(names);
  }

  private static Map<String, CategoryInfo> loadCategories(CatalogPort catalog) {
    Map<String, CategoryInfo> byId = new LinkedHashMap<>();
    for (CategoryInfo c : catalog.categories()) {
      byId.put(c.id(), c);
    }
    return Collections.unmodifiableMap(byId);
  }
}
