package io.smartlists.site;

import io.smartlists.autoconfigure.SmartListsProperties;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.stats.ClickTracking;
import io.smartlists.stats.StatsRecorder;
import io.smartlists.stats.WidgetTracking;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The storefront beans, imported by {@code SmartListsAutoConfiguration} in a servlet web
 * application: the visitor cookie filter, the widget and view-tracking services, the {@code sl:}
 * dialect (when Thymeleaf is present), click tracking and the JSON endpoint.
 */
@Configuration(proxyBeanMethods = false)
public final class SmartListsSiteConfiguration {

  /** Before Spring Security's filter chain (-100), so even a login page gets a visitor id. */
  static final int VISITOR_FILTER_ORDER = -110;

  @Bean
  @ConditionalOnMissingBean
  Visitors smartListsVisitors(SmartListsProperties properties) {
    SmartListsProperties.Visitor v = properties.getVisitor();
    return new Visitors(v.getCookieName(), v.getCookieMaxAge(), v.getCookieSecure());
  }

  @Bean
  @ConditionalOnMissingBean(name = "smartListsVisitorFilter")
  FilterRegistrationBean<VisitorFilter> smartListsVisitorFilter(Visitors visitors) {
    FilterRegistrationBean<VisitorFilter> registration =
        new FilterRegistrationBean<>(new VisitorFilter(visitors));
    registration.setName("smartListsVisitorFilter");
    registration.setOrder(VISITOR_FILTER_ORDER);
    return registration;
  }

  @Bean
  @ConditionalOnMissingBean
  WidgetService smartListsWidgetService(
      SmartListsEngine engine,
      CurrentCustomerPort currentCustomer,
      Visitors visitors,
      ObjectProvider<StatsRecorder> stats,
      ObjectProvider<Clock> clock,
      SmartListsProperties properties,
      ObjectProvider<WidgetTracking> tracking) {
    return new WidgetService(
        engine,
        currentCustomer,
        visitors,
        stats.getIfUnique(() -> StatsRecorder.NONE),
        clock.getIfUnique(Clock::systemUTC),
        properties.getSite().getPath(),
        tracking.getIfUnique());
  }

  @Bean
  @ConditionalOnMissingBean
  ViewTracker smartListsViewTracker(
      ObjectProvider<SmartListsEventPublisher> publisher,
      CurrentCustomerPort currentCustomer,
      Visitors visitors,
      ObjectProvider<Clock> clock) {
    return new ViewTracker(
        publisher.getIfUnique(), currentCustomer, visitors, clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean
  ClickController smartListsClickController(
      CatalogPort catalog,
      ObjectProvider<StatsRecorder> stats,
      ObjectProvider<ClickTracking> tracking,
      Visitors visitors,
      CurrentCustomerPort currentCustomer) {
    return new ClickController(
        catalog,
        stats.getIfUnique(() -> StatsRecorder.NONE),
        tracking.getIfUnique(),
        visitors,
        currentCustomer);
  }

  @Bean
  @ConditionalOnMissingBean
  WidgetApiController smartListsWidgetApiController(WidgetService widgets) {
    return new WidgetApiController(widgets);
  }

  /** The {@code sl:} dialect; Boot adds every {@code IDialect} bean to its template engine. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SpringTemplateEngine.class)
  static class DialectConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SmartListsDialect smartListsDialect(WidgetService widgets, ViewTracker tracker) {
      return new SmartListsDialect(widgets, tracker);
    }
  }
}
