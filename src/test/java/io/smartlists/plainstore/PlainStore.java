package io.smartlists.plainstore;

import io.smartlists.site.TestShop;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A store as {@code @SpringBootApplication} makes it: every auto-configuration, its ports, an
 * entity of its own ({@link StoreNote}) and no migrations. Boot's Flyway auto-configuration is
 * excluded because the module no longer puts it on a store's classpath (only the test classpath has
 * it, for the reference store). A package of its own, so its entity stays out of other tests'
 * entity scans.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(
    excludeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
public class PlainStore {

  @Bean
  TestShop shop() {
    return new TestShop();
  }
}
