package io.smartlists.demo;

import io.smartlists.stats.ShopperEventSink;
import io.smartlists.testing.SynchronousStatSink;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reference store's shopper-event sink: writes impressions, clicks and add-to-carts at once
 * (the store is a demo on an embedded H2). Until the module's asynchronous recorder is the
 * auto-configured sink, this is what fills the Statistics screen; once it is, delete this class.
 */
@Configuration(proxyBeanMethods = false)
class DemoStatsConfiguration {

  @Bean
  ShopperEventSink demoShopperEventSink(DataSource dataSource) {
    return new SynchronousStatSink(dataSource);
  }
}
