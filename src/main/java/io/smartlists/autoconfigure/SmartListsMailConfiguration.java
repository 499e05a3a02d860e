package io.smartlists.autoconfigure;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.mail.MailApiController;
import io.smartlists.mail.MailClickController;
import io.smartlists.mail.MailLinks;
import io.smartlists.mail.OrderLookup;
import io.smartlists.mail.SmartListsMail;
import io.smartlists.site.Visitors;
import io.smartlists.site.WidgetService;
import io.smartlists.stats.CartAddTracker;
import io.smartlists.stats.ClickSigner;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatsRecorder;
import io.smartlists.stats.WidgetTracking;
import java.time.Clock;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The e-mail blocks (issue 12): {@link SmartListsMail} for the store's mailer, the signed links
 * ({@link MailLinks}, keyed by the statistics' {@link ClickSigner}), and in a servlet application
 * the click endpoint with the landing page ({@link MailClickController}) and, with {@code
 * smartlists.mail.api-key}, the REST endpoint ({@link MailApiController}). On when {@code
 * smartlists.mail.base-url} is set and the statistics' signer exists (it needs the store's
 * database). Settings: {@code smartlists.mail.*} ({@link MailProperties}).
 */
@AutoConfiguration(
    after = {SmartListsAutoConfiguration.class, SmartListsStatsFiguresConfiguration.class})
@ConditionalOnBooleanProperty(name = "smartlists.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "smartlists.mail.base-url")
@ConditionalOnBean({SmartListsEngine.class, ClickSigner.class, HostPorts.class})
@EnableConfigurationProperties(MailProperties.class)
public final class SmartListsMailConfiguration {

  @Bean
  @ConditionalOnMissingBean
  MailLinks smartListsMailLinks(
      ClickSigner signer,
      MailProperties mail,
      SmartListsProperties properties,
      ObjectProvider<Clock> clock) {
    return new MailLinks(
        signer,
        Objects.requireNonNull(mail.getBaseUrl()), // the configuration's condition
        properties.getSite().getPath(),
        mail.getLinkMaxAge(),
        mail.getUtm(),
        clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  @ConditionalOnMissingBean
  SmartListsMail smartListsMail(
      SmartListsEngine engine,
      HostPorts ports,
      ObjectProvider<OrderLookup> orders,
      MailLinks links,
      MailProperties mail,
      ObjectProvider<WidgetTracking> tracking,
      ObjectProvider<StatsRecorder> stats,
      ObjectProvider<Clock> clock) {
    return new SmartListsMail(
        engine,
        ports.customers(),
        orders.getIfUnique(),
        links,
        mail.getTemplate(),
        tracking.getIfUnique(),
        stats.getIfUnique(() -> StatsRecorder.NONE),
        clock.getIfUnique(Clock::systemUTC),
        mail.getMaxItemsPerSlot(),
        mail.getMaxBytes());
  }

  /** The click endpoint, the landing page and the REST endpoint. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnBean({WidgetService.class, Visitors.class})
  static class Web {

    @Bean
    @ConditionalOnMissingBean
    MailClickController smartListsMailClickController(
        MailLinks links,
        HostPorts ports,
        ObjectProvider<ShopperEventSink> sink,
        ObjectProvider<CartAddTracker> cartAdds,
        ObjectProvider<StatsRecorder> stats,
        WidgetService widgets,
        Visitors visitors,
        MailProperties mail,
        ObjectProvider<Clock> clock) {
      return new MailClickController(
          links,
          ports.catalog(),
          ports.customers(),
          ports.eligibility(),
          sink.getIfUnique(() -> ShopperEventSink.NONE),
          cartAdds.getIfUnique(),
          stats.getIfUnique(() -> StatsRecorder.NONE),
          widgets,
          visitors,
          clock.getIfUnique(Clock::systemUTC),
          mail.getLandingTemplate());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "smartlists.mail.api-key")
    MailApiController smartListsMailApiController(SmartListsMail service, MailProperties mail) {
      return new MailApiController(service, Objects.requireNonNull(mail.getApiKey()));
    }
  }
}
