package io.smartlists.autoconfigure;

import io.smartlists.admin.mail.MailAdminController;
import io.smartlists.admin.mail.MailNavAdvice;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.CustomerDirectoryPort;
import io.smartlists.mail.JdbcMailUtmStore;
import io.smartlists.mail.MailApiController;
import io.smartlists.mail.MailClickController;
import io.smartlists.mail.MailLinks;
import io.smartlists.mail.MailUtm;
import io.smartlists.mail.NewsletterJobs;
import io.smartlists.mail.OrderLookup;
import io.smartlists.mail.SmartListsMail;
import io.smartlists.site.Visitors;
import io.smartlists.site.WidgetService;
import io.smartlists.stats.CartAddTracker;
import io.smartlists.stats.ClickSigner;
import io.smartlists.stats.ShopperEventSink;
import io.smartlists.stats.StatsRecorder;
import io.smartlists.stats.WidgetTracking;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

  /** The e-mail settings' table {@code SL_MAIL_UTM}, migrated with the other features'. */
  @Bean
  @ConditionalOnMissingBean(name = "smartListsMailMigrations")
  @ConditionalOnSingleCandidate(DataSource.class)
  SmartListsMigrations smartListsMailMigrations() {
    return SmartListsMigrations.MAIL;
  }

  /**
   * The UTM parameters: {@code smartlists.mail.utm.*} overridden by the admin's settings, kept in
   * the store's database (properties only without one).
   */
  @Bean
  @ConditionalOnMissingBean
  MailUtm smartListsMailUtm(
      MailProperties mail,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<PlatformTransactionManager> transactions,
      ObjectProvider<SmartListsSchema> migratedFirst,
      ObjectProvider<Clock> clock) {
    DataSource db = dataSource.getIfUnique();
    MailUtm.Store store = null;
    if (db != null && migratedFirst.getIfUnique() != null) {
      PlatformTransactionManager tm =
          transactions.getIfUnique(() -> new DataSourceTransactionManager(db));
      store = new JdbcMailUtmStore(new JdbcTemplate(db), new TransactionTemplate(tm));
    }
    return new MailUtm(
        mail.getUtm(), store, clock.getIfUnique(Clock::systemUTC), mail.getUtmRefresh());
  }

  @Bean
  @ConditionalOnMissingBean
  MailLinks smartListsMailLinks(
      ClickSigner signer,
      MailProperties mail,
      MailUtm utm,
      SmartListsProperties properties,
      ObjectProvider<Clock> clock) {
    return new MailLinks(
        signer,
        Objects.requireNonNull(mail.getBaseUrl()), // the configuration's condition
        properties.getSite().getPath(),
        mail.getLinkMaxAge(),
        utm,
        clock.getIfUnique(Clock::systemUTC));
  }

  /** The admin's newsletter job (one at a time, result files in a temporary directory). */
  @Bean
  @ConditionalOnMissingBean
  NewsletterJobs smartListsNewsletterJobs(
      SmartListsMail service, MailProperties mail, ObjectProvider<Clock> clock) {
    MailProperties.Newsletter n = mail.getNewsletter();
    String dir = n.getDirectory();
    Path directory =
        dir != null
            ? Path.of(dir)
            : Path.of(System.getProperty("java.io.tmpdir"), "smartlists-newsletters");
    return new NewsletterJobs(
        service,
        n.getThreads(),
        n.getMaxPerSecond(),
        directory,
        clock.getIfUnique(Clock::systemUTC));
  }

  /**
   * The admin's E-mail screen (newsletter job, UTM parameters): only where the admin's own security
   * chain exists, which protects every {@code /admin/smartlists/**} path.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnBooleanProperty(name = "smartlists.admin.enabled", matchIfMissing = true)
  @ConditionalOnBean(name = "smartListsAdminSecurityFilterChain")
  @Import(MailNavAdvice.class)
  static class MailAdmin {

    @Bean
    @ConditionalOnMissingBean
    MailAdminController smartListsMailAdminController(
        NewsletterJobs jobs,
        SmartListsMail service,
        SmartListsEngine engine,
        ObjectProvider<CustomerDirectoryPort> directory,
        HostPorts ports,
        MessageSource messages) {
      CustomerDirectoryPort d = directory.getIfUnique();
      if (d == null && ports.customers() instanceof CustomerDirectoryPort own) {
        d = own;
      }
      return new MailAdminController(jobs, service, engine, d, messages);
    }
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
