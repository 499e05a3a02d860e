package io.smartlists.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.smartlists.merchandising.MerchandisingConfigSource;
import io.smartlists.plainstore.PlainStore;
import io.smartlists.testing.Await;
import io.smartlists.testing.OutageDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A database outage as a store's log shows it: the module's configuration cache keeps polling the
 * configuration version every {@code smartlists.config.poll-interval}, and each of those polls
 * fails while the database is away. The log gets one {@code WARN} (one line, with the cause) when
 * the outage starts and one {@code INFO} when it ends, and nothing from Hibernate per poll: the
 * poll reads the version with plain JDBC, so Hibernate's {@code SqlExceptionHelper} never sees it.
 * Through JPA (before), each failed poll added two {@code WARN} lines of Hibernate's: {@code
 * HHH000247: ErrorCode: 0, SQLState: null} and the message (12 lines in this test before the
 * change).
 */
class ConfigPollOutageLoggingTests {

  private static final Duration POLL = Duration.ofMillis(100);

  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void capture() {
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void release() {
    root.detachAppender(log);
  }

  @Test
  void failedConfigurationPolls_logOneWarnWhenTheOutageStarts_oneInfoWhenItEnds() {
    new ApplicationContextRunner()
        // as SpringApplication sets it up: "100ms" converts to a Duration
        .withInitializer(
            c -> c.getEnvironment().setConversionService(new ApplicationConversionService()))
        .withUserConfiguration(PlainStore.class, DatabaseThatGoesAway.class)
        .withPropertyValues(
            "spring.jpa.open-in-view=false",
            "smartlists.rebuild.on-startup=false",
            "smartlists.config.poll-interval=" + POLL.toMillis() + "ms")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              MerchandisingConfigSource config = context.getBean(MerchandisingConfigSource.class);
              OutageDataSource db = context.getBean(OutageDataSource.class);
              var unused = config.current();

              int mark = events().size();
              db.down(true);
              // every read after the poll interval starts one background poll of the version
              for (int i = 0; i < 6; i++) {
                assertThat(config.current()).as("served from memory").isNotNull();
                Thread.sleep(POLL.toMillis() * 3);
              }
              db.down(false);
              Await.until(
                  () -> {
                    var unusedServed = config.current();
                    return recovery(events()).isPresent();
                  },
                  "the configuration cache reaching the database again",
                  Duration.ofSeconds(30));

              List<ILoggingEvent> outage = events().subList(mark, events().size());
              List<ILoggingEvent> warnings =
                  outage.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
              assertThat(warnings)
                  .as("nothing from Hibernate's SqlExceptionHelper (or elsewhere) per failed poll")
                  .noneMatch(e -> e.getLoggerName().startsWith("org.hibernate"));
              Map<String, Long> perLogger =
                  warnings.stream()
                      .collect(
                          Collectors.groupingBy(
                              ILoggingEvent::getLoggerName, Collectors.counting()));
              assertThat(perLogger)
                  .as("at most one WARN per component")
                  .allSatisfy((k, n) -> assertThat(n).isOne());
              List<ILoggingEvent> configWarnings =
                  warnings.stream()
                      .filter(
                          e -> e.getLoggerName().equals(MerchandisingConfigSource.class.getName()))
                      .toList();
              assertThat(configWarnings).hasSize(1);
              ILoggingEvent warn = configWarnings.get(0);
              assertThat(warn.getLevel()).isEqualTo(Level.WARN);
              assertThat(warn.getFormattedMessage())
                  .contains("Smart Lists configuration cache cannot reach the database")
                  .contains("database unreachable (test)")
                  .doesNotContain("\n");
              assertThat(warn.getThrowableProxy()).as("no stack trace").isNull();

              ILoggingEvent info = recovery(outage).orElseThrow();
              assertThat(info.getLevel()).isEqualTo(Level.INFO);
              // "... (N failed attempts)": the polls did fail, N of them, and were logged once
              String message = info.getFormattedMessage();
              int failed =
                  Integer.parseInt(
                      message.substring(message.lastIndexOf('(') + 1, message.indexOf(" failed")));
              assertThat(failed).as(message).isGreaterThanOrEqualTo(3);
            });
  }

  private List<ILoggingEvent> events() {
    synchronized (log) {
      return new ArrayList<>(log.list);
    }
  }

  private static java.util.Optional<ILoggingEvent> recovery(List<ILoggingEvent> events) {
    return events.stream()
        .filter(e -> e.getLoggerName().equals(MerchandisingConfigSource.class.getName()))
        .filter(e -> e.getFormattedMessage().contains("reaches the database again"))
        .findFirst();
  }

  /** The store's data source, behind a switch. */
  @Configuration(proxyBeanMethods = false)
  static class DatabaseThatGoesAway {

    @Bean
    OutageDataSource dataSource() {
      return OutageDataSource.h2("config-outage");
    }
  }
}
