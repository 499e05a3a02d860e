package io.smartlists.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** One WARN when an outage starts, DEBUG while it lasts, one INFO when it ends. */
class DatabaseOutageTests {

  private final Logger logger = (Logger) LoggerFactory.getLogger("test.outage");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void capture() {
    events.start();
    logger.addAppender(events);
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
  }

  @Test
  void anOutageOfFivePolls_logsOneWarnWithTheCause_debugWhileItLasts_oneInfoWhenItEnds() {
    DatabaseOutage outage = new DatabaseOutage(logger, "The poller");
    outage.recovered(); // nothing to report while the database answers
    for (int i = 0; i < 5; i++) {
      outage.failed(
          new CannotGetJdbcConnectionException(
              "Failed to obtain JDBC Connection",
              new SQLTransientConnectionException("Connection refused")),
          "polling again");
    }
    assertThat(outage.down()).isTrue();
    outage.recovered();
    outage.recovered();

    assertThat(events.list)
        .extracting(ILoggingEvent::getLevel)
        .containsExactly(
            Level.WARN, Level.DEBUG, Level.DEBUG, Level.DEBUG, Level.DEBUG, Level.INFO);
    ILoggingEvent warn = events.list.get(0);
    assertThat(warn.getFormattedMessage())
        .contains("The poller cannot reach the database")
        .contains("Connection refused")
        .endsWith("polling again");
    assertThat(warn.getThrowableProxy()).as("no stack trace in the WARN").isNull();
    assertThat(events.list.get(5).getFormattedMessage())
        .contains("reaches the database again")
        .contains("5 failed attempts");
    assertThat(outage.down()).isFalse();
  }

  @Test
  void aFailureThatIsNotAnOutage_keepsItsStackTrace_once() {
    DatabaseOutage outage = new DatabaseOutage(logger, "The poller");
    outage.failed(new IllegalStateException("bug"), "polling again");
    outage.failed(new IllegalStateException("bug"), "polling again");

    assertThat(events.list)
        .extracting(ILoggingEvent::getLevel)
        .containsExactly(Level.WARN, Level.DEBUG);
    assertThat(events.list.get(0).getThrowableProxy()).isNotNull();
  }

  @Test
  void isConnectionFailure_connectionStatesAndTypes_notStatementErrors() {
    assertThat(DatabaseOutage.isConnectionFailure(new SQLException("io", "08006"))).isTrue();
    assertThat(DatabaseOutage.isConnectionFailure(new SQLException("shutdown", "57P01"))).isTrue();
    assertThat(
            DatabaseOutage.isConnectionFailure(
                new RuntimeException(new SQLTransientConnectionException("timeout"))))
        .isTrue();
    SQLException batch = new SQLException("batch failed", "XX000");
    batch.setNextException(new SQLException("io", "08003"));
    assertThat(DatabaseOutage.isConnectionFailure(batch)).isTrue();

    assertThat(DatabaseOutage.isConnectionFailure(new SQLSyntaxErrorException("no table", "42P01")))
        .isFalse();
    assertThat(DatabaseOutage.isConnectionFailure(new SQLException("unique", "23505"))).isFalse();
    assertThat(DatabaseOutage.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseOutage.isOutage(new SQLException("unique", "23505"), null)).isTrue();
  }
}
