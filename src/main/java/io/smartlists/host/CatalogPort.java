package io.smartlists.host;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Catalogue lookup. Broadleaf: {@code CatalogService.findProductById}, {@code findAllProducts},
 * {@code findAllCategories}; OFBiz: the {@code Product}, {@code ProductCategory} and {@code
 * ProductCategoryMember} entities.
 *
 * <p>{@link #product(String)} is called on the widget path for every rendered item and must be fast
 * (served from the host's cache).
 */
public interface CatalogPort {

  /** Returns the product, or null when the host does not know it (any more). */
  @Nullable ProductInfo product(String productId);

  /** Every product of the catalogue, used when the signals are rebuilt. */
  List<ProductInfo> allProducts();

  /** The whole category tree. */
  List<CategoryInfo> categories();

  /** Products whose name or id contains the query, for the admin pickers. */
  List<ProductInfo> searchProducts(String query, int limit);
}
