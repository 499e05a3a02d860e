package io.smartlists.autoconfigure;

import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.site.InertSmartListsDialect;
import io.smartlists.site.SmartListsDialect;
import io.smartlists.site.ViewTracker;
import io.smartlists.site.Visitors;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The off switch, {@code smartlists.enabled=false}: no engine, no tables, no widgets, no admin, but
 * the beans a store's own code injects stay, doing nothing, so the store starts and runs as before
 * the module: the {@link SmartListsEventPublisher} (events are dropped) and, in a servlet web
 * application, {@link Visitors} (reads the visitor cookie if the browser still has one, issues
 * none) and {@link ViewTracker} (records nothing), and with Thymeleaf the {@link
 * InertSmartListsDialect}, so templates with {@code sl:} attributes render without widgets and
 * without the attributes. Host ports are not needed.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "smartlists.enabled", havingValue = false)
@EnableConfigurationProperties(SmartListsProperties.class)
public final class SmartListsDisabledAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  SmartListsEventPublisher smartListsEventPublisher() {
    return event -> {};
  }

  /** What a store's controllers inject to publish events or record views. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  static class Storefront {

    @Bean
    @ConditionalOnMissingBean
    Visitors smartListsVisitors(SmartListsProperties properties) {
      return SiteConfiguration.visitors(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ViewTracker smartListsViewTracker(
        Visitors visitors, ObjectProvider<CurrentCustomerPort> currentCustomer) {
      return new ViewTracker(
          null, currentCustomer.getIfAvailable(() -> () -> null), visitors, Clock.systemUTC());
    }

    /** Templates written for the module still render: no widget, no {@code sl:} attribute. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SpringTemplateEngine.class)
    static class Dialect {

      @Bean
      @ConditionalOnMissingBean({InertSmartListsDialect.class, SmartListsDialect.class})
      InertSmartListsDialect smartListsInertDialect() {
        return new InertSmartListsDialect();
      }
    }
  }
}
