package io.smartlists.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.smartlists.autoconfigure.AdminWebConfiguration;
import io.smartlists.autoconfigure.SmartListsAdminAutoConfiguration;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.merchandising.MerchandisingEditor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** What the admin's auto-configuration contributes to a web host, and how a host switches it. */
class SmartListsAdminAutoConfigurationTests {

  private static final String CHAIN = "smartListsAdminSecurityFilterChain";

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WebMvcAutoConfiguration.class,
                  SecurityAutoConfiguration.class,
                  ServletWebSecurityAutoConfiguration.class,
                  MessageSourceAutoConfiguration.class,
                  SmartListsAdminAutoConfiguration.class))
          .withBean(CatalogPort.class, () -> mock(CatalogPort.class))
          .withBean(CustomerPort.class, () -> mock(CustomerPort.class))
          .withBean(MerchandisingEditor.class, () -> mock(MerchandisingEditor.class))
          .withBean(SmartListsEngine.class, () -> mock(SmartListsEngine.class));

  @Test
  void webHost_getsTheAdminAndItsSecurityChain() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(AdminWebConfiguration.class);
          assertThat(context).hasBean(CHAIN);
        });
  }

  @Test
  void adminEnabledFalse_removesTheScreensAndTheChain() {
    runner
        .withPropertyValues("smartlists.admin.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(AdminWebConfiguration.class);
              assertThat(context).doesNotHaveBean(CHAIN);
            });
  }

  @Test
  void smartlistsEnabledFalse_removesEverything() {
    runner
        .withPropertyValues("smartlists.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(AdminWebConfiguration.class);
              assertThat(context).doesNotHaveBean(CHAIN);
            });
  }

  @Test
  void adminIsOffWithoutSpringSecurity() {
    runner
        .withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(AdminWebConfiguration.class);
              assertThat(context).doesNotHaveBean(CHAIN);
            });
  }

  @Test
  void adminIsOffWithoutThymeleafSecurityExtras() {
    runner
        .withClassLoader(new FilteredClassLoader("org.thymeleaf.extras.springsecurity6"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(AdminWebConfiguration.class);
            });
  }

  @Test
  void backsOffWhenHostDefinesTheAdminChain() {
    runner
        .withUserConfiguration(HostChain.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(CHAIN)).isSameAs(context.getBean(HostChain.class).chain);
            });
  }

  @Test
  void hostWithoutCatalogue_getsNoAdminScreens() {
    new WebApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                WebMvcAutoConfiguration.class, SmartListsAdminAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(AdminWebConfiguration.class));
  }

  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class HostChain {
    SecurityFilterChain chain;

    @org.springframework.context.annotation.Bean(CHAIN)
    SecurityFilterChain smartListsAdminSecurityFilterChain(HttpSecurity http) throws Exception {
      chain = http.securityMatcher("/admin/smartlists/**").build();
      return chain;
    }
  }
}
