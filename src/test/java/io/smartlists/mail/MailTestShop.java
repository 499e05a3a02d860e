package io.smartlists.mail;

import io.smartlists.engine.EngineListener;
import io.smartlists.engine.EngineTestData;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.SmartListsConfig;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CategoryInfo;
import io.smartlists.host.ProductInfo;
import io.smartlists.stats.ClickSigner;
import io.smartlists.stats.StatsRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A small store for the e-mail tests: shoes and shoe care bought together, a customer who bought
 * twice, products with relative image and page URLs (the mail must make them absolute).
 */
final class MailTestShop {

  static final String BASE = "https://shop.example";
  static final byte[] SECRET = "a-test-secret-of-32-bytes-length".getBytes(StandardCharsets.UTF_8);

  final EngineTestData data = EngineTestData.create();
  SmartListsConfig config = DefaultConfiguration.create();
  final SmartListsEngine engine;
  final ClickSigner signer = new ClickSigner(SECRET);
  final MailLinks links;

  MailTestShop() {
    this(data -> {});
  }

  /** The shop with {@code more} customers and orders added before the engine is built. */
  MailTestShop(java.util.function.Consumer<EngineTestData> more) {
    data.category("shoes", "Shoes", null).category("care", "Shoe care", null);
    for (int i = 1; i <= 12; i++) {
      data.product("s" + i).name("Shoe " + i).in("shoes").by(i % 2 == 0 ? "Acme" : "Bolt");
      data.product("c" + i).name("Care " + i).in("care").by("Shine").availableDaysAgo(i * 3);
    }
    // shoes are bought with care products; every customer order pairs them
    for (int i = 1; i <= 12; i++) {
      for (int k = 0; k < 3; k++) {
        data.order("buyer" + i + "-" + k, 5 + k * 20, "s" + i, "c" + i, "c" + ((i % 12) + 1));
      }
    }
    data.order("alice", 40, "s1", "c1");
    data.order("alice", 10, "s2", "c3");
    data.customer("zoe");
    more.accept(data);
    engine =
        new SmartListsEngine(
            catalogWithImages(data.catalog()),
            data.orders(),
            data.customers(),
            data.eligibility(),
            () -> config,
            data.settings(),
            EngineListener.NONE,
            data.clock());
    engine.rebuild();
    links = new MailLinks(signer, BASE, "/smartlists", Duration.ofDays(30), Map.of(), data.clock());
  }

  SmartListsMail mail(int maxItemsPerSlot, int maxBytes) {
    return new SmartListsMail(
        engine,
        data.customers(),
        null,
        links,
        "smartlists/mail/block",
        null,
        StatsRecorder.NONE,
        data.clock(),
        maxItemsPerSlot,
        maxBytes);
  }

  SmartListsMail mail() {
    return mail(4, 100_000);
  }

  /** The catalogue with a relative image URL on every product but those whose id ends in 2. */
  static CatalogPort catalogWithImages(CatalogPort catalog) {
    return new CatalogPort() {
      @Override
      public @Nullable ProductInfo product(String productId) {
        ProductInfo p = catalog.product(productId);
        return p == null ? null : withImage(p);
      }

      @Override
      public List<ProductInfo> allProducts() {
        return map(catalog::allProducts);
      }

      @Override
      public List<CategoryInfo> categories() {
        return catalog.categories();
      }

      @Override
      public List<ProductInfo> searchProducts(String query, int limit) {
        return map(() -> catalog.searchProducts(query, limit));
      }

      private List<ProductInfo> map(Supplier<List<ProductInfo>> products) {
        List<ProductInfo> out = new ArrayList<>();
        for (ProductInfo p : products.get()) {
          out.add(withImage(p));
        }
        return out;
      }
    };
  }

  static ProductInfo withImage(ProductInfo p) {
    if (p.id().endsWith("2")) {
      return p;
    }
    return new ProductInfo(
        p.id(),
        p.name(),
        p.categoryIds(),
        p.manufacturer(),
        p.availableFrom(),
        p.price(),
        "/images/" + p.id() + ".png",
        p.url(),
        p.rating(),
        p.currency());
  }
}
