package io.smartlists.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.DefaultConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The engine's browsing bounds come from its settings. */
class EngineBrowsingBoundTests {

  @Test
  void engineSettings_reachTheManager() {
    EngineTestData shop = EngineTestData.create();
    shop.category("shoes", "Shoes", null);
    shop.product("boots").name("Boots").in("shoes").by("Acme").availableDaysAgo(30);
    shop.settings(new EngineSettings(Duration.ofSeconds(5), 3, 10, Duration.ofDays(1)));
    SmartListsEngine engine =
        new SmartListsEngine(
            shop.catalog(),
            shop.orders(),
            shop.customers(),
            shop.eligibility(),
            DefaultConfiguration::create,
            shop.settings(),
            EngineListener.NONE,
            shop.clock());
    engine.rebuild();
    for (int i = 0; i < 500; i++) {
      engine.apply(shop.viewed("v" + i, null, "boots", 0));
    }
    assertThat(engine.browsingEntries()).isLessThanOrEqualTo(10).isPositive();
  }
}
