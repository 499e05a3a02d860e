package io.smartlists.autoconfigure;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.SmartListsEventPublisher;
import io.smartlists.site.ClickController;
import io.smartlists.site.SmartListsDialect;
import io.smartlists.site.ViewTracker;
import io.smartlists.site.VisitorFilter;
import io.smartlists.site.Visitors;
import io.smartlists.site.WidgetApiController;
import io.smartlists.site.WidgetService;
import io.smartlists.stats.ClickTracking;
import io.smartlists.stats.StatsRecorder;
import io.smartlists.stats.WidgetTracking;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The storefront beans, imported by {@link SmartListsAutoConfiguration} in a servlet web
 * application: the visitor cookie and its filter, the widget and view-tracking services, the {@code
 * sl:} dialect (when Thymeleaf is present), click tracking and the JSON endpoint.
 */
@Configuration(proxyBeanMethods = false)
final class SiteConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Visitors smartListsVisitors(SmartListsProperties properties) {
    return visitors(properties);
  }

  static Visitors visitors(SmartListsProperties properties) {
    SmartListsProperties.Visitor v = properties.getVisitor();
    return new Visitors(v.getCookieName(), v.getCookieMaxAge(), v.getCookieSecure());
  }

  @Bean
  @ConditionalOnMissingBean(name = "smartListsVisitorFilter")
  FilterRegistrationBean<VisitorFilter> smartListsVisitorFilter(Visitors visitors) {
    FilterRegistrationBean<VisitorFilter> registration =
        new FilterRegistrationBean<>(new VisitorFilter(visitors));
    registration.setName("smartListsVisitorFilter");
    registration.setOrder(VisitorFilter.ORDER);
    return registration;
  }

  @Bean
  @ConditionalOnMissingBean
  WidgetService smartListsWidgetService(
      SmartListsEngine engine,
      HostPorts ports,
      Visitors visitors,
      ObjectProvider<StatsRecorder> stats,
      ObjectProvider<Clock> clock,
      SmartListsProperties properties,
      ObjectProvider<WidgetTracking> tracking) {
    return new WidgetService(
        engine,
        ports.currentCustomer(),
        visitors,
        stats.getIfUnique(() -> StatsRecorder.NONE),
        clock.getIfUnique(Clock::systemUTC),
        properties.getSite().getPath(),
        properties.getSite().isIsolateHostCalls() ? properties.getTimeBudget() : Duration.ZERO,
        properties.getSite().getComposeThreads(),
        tracking.getIfUnique());
  }

  @Bean
  @ConditionalOnMissingBean
  ViewTracker smartListsViewTracker(
      ObjectProvider<SmartListsEventPublisher> publisher,
      HostPorts ports,
      Visitors visitors,
      ObjectProvider<Clock> clock) {
    return new ViewTracker(
        publisher.getIfUnique(),
        ports.currentCustomer(),
        visitors,
        clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean
  ClickController smartListsClickController(
      HostPorts ports,
      ObjectProvider<StatsRecorder> stats,
      ObjectProvider<ClickTracking> tracking,
      Visitors visitors) {
    return new ClickController(
        ports.catalog(),
        stats.getIfUnique(() -> StatsRecorder.NONE),
        tracking.getIfUnique(),
        visitors,
        ports.currentCustomer());
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
