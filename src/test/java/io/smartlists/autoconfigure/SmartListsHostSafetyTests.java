package io.smartlists.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.plainstore.PlainStore;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.Filter;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.WebApplicationContext;

/**
 * With the module, a store is exactly as safe as without it: the store's security, its schema
 * history and its Hibernate default stay as they were. The store here is a plain Spring Boot
 * application with every auto-configuration on the classpath (as {@code @SpringBootApplication}
 * gives it), minus Boot's Flyway auto-configuration, which the module no longer brings (it depends
 * on flyway-core only; the reference store adds the Flyway starter for its own tables).
 */
@ExtendWith(OutputCaptureExtension.class)
class SmartListsHostSafetyTests {

  private static final String WITHOUT_MODULE =
      "spring.autoconfigure.exclude="
          + "io.smartlists.autoconfigure.SmartListsAdminAutoConfiguration,"
          + "io.smartlists.autoconfigure.SmartListsAutoConfiguration,"
          + "io.smartlists.autoconfigure.SmartListsDisabledAutoConfiguration";

  private static WebApplicationContextRunner webStore() {
    return new WebApplicationContextRunner()
        .withUserConfiguration(PlainStore.class)
        .withPropertyValues(
            "spring.datasource.url=jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "spring.jpa.open-in-view=false",
            "smartlists.rebuild.on-startup=false");
  }

  @Test
  void storeOnBootsDefaultChain_staysBehindLoginWithTheModule() {
    webStore()
        .withPropertyValues(WITHOUT_MODULE)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("smartListsAdminSecurityFilterChain");
              assertThat(reachesTheStore(context, "/products/42")).isFalse();
              assertThat(reachesTheStore(context, "/cart")).isFalse();
            });
    webStore()
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasBean("smartListsAdminSecurityFilterChain");
              // Boot's default chain did not back off: the store's pages still need a login
              assertThat(reachesTheStore(context, "/products/42")).isFalse();
              assertThat(reachesTheStore(context, "/cart")).isFalse();
              // and the admin answers with its own sign-in page
              MockHttpServletResponse admin = request(context, "/admin/smartlists");
              assertThat(admin.getStatus()).isEqualTo(302);
              assertThat(admin.getRedirectedUrl()).endsWith("/admin/smartlists/login");
              assertThat(reachesTheStore(context, "/admin/smartlists/login")).isTrue();
            });
  }

  @Test
  void storeWithItsOwnChain_keepsIt_andTheAdminStaysProtected() {
    webStore()
        .withUserConfiguration(PublicStorefront.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(reachesTheStore(context, "/products/42")).isTrue();
              assertThat(reachesTheStore(context, "/admin/smartlists")).isFalse();
              assertThat(reachesTheStore(context, "/admin/smartlists/cells/CART/CONVERSION"))
                  .isFalse();
            });
  }

  @Test
  void moduleLeavesBootsFlywayOff_andTheStoresDdlAutoDefault(CapturedOutput output) {
    ApplicationContextRunner store =
        new ApplicationContextRunner()
            .withUserConfiguration(PlainStore.class)
            .withPropertyValues("smartlists.rebuild.on-startup=false");
    String[] ddlAuto = new String[2];
    store
        .withPropertyValues(
            WITHOUT_MODULE, "spring.datasource.url=jdbc:h2:mem:ddl-without;DB_CLOSE_DELAY=-1")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              ddlAuto[0] = hbm2ddl(context.getBean(EntityManagerFactory.class));
            });
    store
        .withPropertyValues("spring.datasource.url=jdbc:h2:mem:ddl-with;DB_CLOSE_DELAY=-1")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              ddlAuto[1] = hbm2ddl(context.getBean(EntityManagerFactory.class));
              JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
              // the store's own table, created by Hibernate's embedded default
              assertThat(tables(jdbc, "STORE_NOTE")).isOne();
              // no store-side Flyway history, only the module's own
              assertThat(tables(jdbc, "flyway_schema_history")).isZero();
              assertThat(tables(jdbc, "SL_SCHEMA_HISTORY")).isOne();
              // the module's tables are Flyway's, not recreated by create-drop (the index is only
              // in the migration)
              assertThat(
                      jdbc.queryForObject(
                          "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                              + " WHERE INDEX_NAME = 'SL_SLOT_CELL_IDX'",
                          Integer.class))
                  .isOne();
              assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SL_CELL", Integer.class))
                  .isPositive(); // the admin seeded its configuration into them
            });
    assertThat(ddlAuto[0]).isEqualTo("create-drop");
    assertThat(ddlAuto[1]).isEqualTo(ddlAuto[0]);
    assertThat(output).doesNotContain("No migrations found");
  }

  private static String hbm2ddl(EntityManagerFactory emf) {
    return String.valueOf(emf.getProperties().get("hibernate.hbm2ddl.auto"));
  }

  private static int tables(JdbcTemplate jdbc, String name) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?",
            Integer.class,
            name);
    return n == null ? 0 : n;
  }

  /** Whether an anonymous GET of {@code path} passes the security filters to the application. */
  private static boolean reachesTheStore(AssertableWebApplicationContext context, String path)
      throws Exception {
    MockFilterChain chain = new MockFilterChain();
    doFilter(context, path, chain);
    return chain.getRequest() != null;
  }

  private static MockHttpServletResponse request(
      AssertableWebApplicationContext context, String path) throws Exception {
    return doFilter(context, path, new MockFilterChain());
  }

  private static MockHttpServletResponse doFilter(
      AssertableWebApplicationContext context, String path, MockFilterChain chain)
      throws Exception {
    // as a servlet container with Spring's listener would
    context
        .getServletContext()
        .setAttribute(
            WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE,
            context.getSourceApplicationContext());
    Filter security = context.getBean("springSecurityFilterChain", Filter.class);
    MockHttpServletRequest request =
        new MockHttpServletRequest(context.getServletContext(), "GET", path);
    request.addHeader("Accept", "text/html");
    MockHttpServletResponse response = new MockHttpServletResponse();
    security.doFilter(request, response, chain);
    return response;
  }

  /** A store whose storefront is public (the reference store's chain). */
  @Configuration(proxyBeanMethods = false)
  static class PublicStorefront {

    @Bean
    SecurityFilterChain storefront(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(r -> r.anyRequest().permitAll()).build();
    }
  }
}
