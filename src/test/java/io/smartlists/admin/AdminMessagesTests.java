package io.smartlists.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.autoconfigure.SmartListsAdminAutoConfiguration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;

/**
 * The admin's strings resolve whatever the host does with its own messages: Boot's bundle from
 * {@code spring.messages.basename}, a message source of its own, or none at all.
 */
class AdminMessagesTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MessageSourceAutoConfiguration.class, SmartListsAdminAutoConfiguration.class));

  @Test
  void messageSource_hostWithBootMessages_resolvesBothBundles() {
    // the engine's reason bundle stands in for a host's messages.properties
    runner
        .withPropertyValues("spring.messages.basename=io/smartlists/engine/reasons")
        .run(
            context -> {
              MessageSource messages = context.getBean(MessageSource.class);
              assertThat(messages.getMessage("new-arrival.catalog.today", null, Locale.ENGLISH))
                  .isEqualTo("new today");
              assertThat(messages.getMessage("sl.nav.matrix", null, Locale.FRENCH))
                  .isEqualTo("Matrice du parcours");
            });
  }

  @Test
  void messageSource_hostWithoutMessages_isTheAdminBundle() {
    runner.run(
        context -> {
          MessageSource messages = context.getBean(MessageSource.class);
          assertThat(messages.getMessage("sl.nav.matrix", null, Locale.ENGLISH))
              .isEqualTo("Journey matrix");
        });
  }

  @Test
  void messageSource_hostWithItsOwnSource_getsTheAdminBundleAsParent() {
    runner
        .withBean(
            "messageSource",
            MessageSource.class,
            () -> {
              StaticMessageSource own = new StaticMessageSource();
              own.addMessage("store.title", Locale.ENGLISH, "Corner shop");
              return own;
            })
        .run(
            context -> {
              MessageSource messages = context.getBean(MessageSource.class);
              assertThat(messages.getMessage("store.title", null, Locale.ENGLISH))
                  .isEqualTo("Corner shop");
              assertThat(messages.getMessage("sl.list.MANUAL_SELECTION", null, Locale.ENGLISH))
                  .isEqualTo("Manual selection from your catalog");
            });
  }
}
