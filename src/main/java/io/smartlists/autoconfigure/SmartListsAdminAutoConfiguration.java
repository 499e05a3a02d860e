package io.smartlists.autoconfigure;

import io.smartlists.admin.AdminPaths;
import io.smartlists.admin.SignInThrottle;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerPort;
import jakarta.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.hibernate.cfg.SchemaToolingSettings;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The merchant's side of Smart Lists: the JPA-backed configuration (which also serves the engine as
 * its {@code ConfigSource}, so the default in {@code SmartListsAutoConfiguration} backs off), the
 * admin at {@code /admin/smartlists}, its security and its message bundle.
 *
 * <p>Each part is a guarded nested configuration and each bean can be replaced: a host that defines
 * its own {@code MerchandisingConfigSource}, its own {@code smartListsAdminSecurityFilterChain} or
 * sets {@code smartlists.admin.enabled=false} keeps its own.
 */
@AutoConfiguration(
    beforeName = "io.smartlists.autoconfigure.SmartListsAutoConfiguration",
    after = {
      HibernateJpaAutoConfiguration.class,
      DataJpaRepositoriesAutoConfiguration.class,
      MessageSourceAutoConfiguration.class,
      ValidationAutoConfiguration.class
    },
    // after Boot's default security chain decided whether to back off: it must see the host's
    // chains only, not the admin's, or a host relying on "everything requires login" goes public
    afterName = {
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
    })
@ConditionalOnBooleanProperty(name = "smartlists.enabled", matchIfMissing = true)
public final class SmartListsAdminAutoConfiguration {

  /** The admin message bundle, {@code admin-ui/i18n/smartlists-admin*.properties}. */
  public static final String MESSAGES = "i18n/smartlists-admin";

  /** The stored, versioned configuration and the engine's {@code ConfigSource}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(EntityManagerFactory.class)
  @ConditionalOnBean({DataSource.class, CatalogPort.class})
  @Import(MerchandisingConfiguration.class)
  static class ConfigPersistence {

    /** Its tables, migrated by {@link SmartListsSchema} before JPA starts. */
    @Bean
    @ConditionalOnMissingBean(name = "smartListsMerchandisingMigrations")
    SmartListsMigrations smartListsMerchandisingMigrations() {
      return SmartListsMigrations.MERCHANDISING;
    }

    /**
     * Hibernate's {@code ddl-auto} (the store's setting or Boot's embedded default {@code
     * create-drop}) leaves the module's Flyway-owned tables alone; a store's own schema filter
     * provider, if it set one, wins.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HibernatePropertiesCustomizer.class)
    static class HibernateSchemaTool {

      @Bean
      @ConditionalOnMissingBean(name = "smartListsHibernateSchemaFilter")
      HibernatePropertiesCustomizer smartListsHibernateSchemaFilter() {
        return properties ->
            properties.putIfAbsent(
                SchemaToolingSettings.HBM2DDL_FILTER_PROVIDER, new ModuleTablesSchemaFilter());
      }
    }
  }

  /**
   * The admin screens: only with Spring Security (an admin nobody protects is never served) and its
   * Thymeleaf extras (the layout shows who is signed in).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(
      value = SecurityFilterChain.class,
      name = "org.thymeleaf.extras.springsecurity6.dialect.SpringSecurityDialect")
  @ConditionalOnBooleanProperty(name = "smartlists.admin.enabled", matchIfMissing = true)
  @ConditionalOnBean({CatalogPort.class, CustomerPort.class})
  @Import(AdminWebConfiguration.class)
  static class AdminWeb {}

  /**
   * Only administrators reach {@code /admin/smartlists/**}: role {@code SMARTLISTS_ADMIN}, the
   * module's own sign-in page, CSRF on. The chain matches the admin's paths only ({@code
   * securityMatcher}) and runs before the host's chains, so the host's security keeps deciding
   * everything else; users and roles come from the host's {@code UserDetailsService} (or whatever
   * authenticates in the host).
   *
   * <p>This auto-configuration runs after Boot's web security auto-configuration, so Boot's default
   * chain ("every request requires login") is still created when the host declares no chain of its
   * own: with the module, a host's security is never weaker than without it.
   * {@code @EnableWebSecurity} makes sure the admin is protected even in a host that excluded
   * Boot's security auto-configuration (it is idempotent when the host enables it too).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(SecurityFilterChain.class)
  @ConditionalOnBooleanProperty(name = "smartlists.admin.enabled", matchIfMissing = true)
  @EnableWebSecurity
  public static class AdminSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 50)
    @ConditionalOnMissingBean(name = "smartListsAdminSecurityFilterChain")
    SecurityFilterChain smartListsAdminSecurityFilterChain(
        HttpSecurity http, SignInThrottle smartListsSignInThrottle) throws Exception {
      String base = AdminPaths.BASE;
      http.securityMatcher(base, base + "/**")
          .authorizeHttpRequests(
              auth ->
                  auth.requestMatchers(
                          AdminPaths.LOGIN, AdminPaths.DENIED, AdminPaths.ASSETS + "/**")
                      .permitAll()
                      .anyRequest()
                      .hasRole(AdminPaths.ROLE))
          .formLogin(
              form ->
                  form.loginPage(AdminPaths.LOGIN)
                      .defaultSuccessUrl(base, true)
                      .failureUrl(AdminPaths.LOGIN + "?error")
                      .permitAll())
          .logout(
              logout ->
                  logout.logoutUrl(base + "/logout").logoutSuccessUrl(AdminPaths.LOGIN + "?logout"))
          .exceptionHandling(e -> e.accessDeniedPage(AdminPaths.DENIED));
      AdminHardening.apply(http, smartListsSignInThrottle, AdminPaths.LOGIN + "?error");
      return http.build();
    }

    /** Failed admin sign-ins counted per account and per address ({@code smartlists.admin.*}). */
    @Bean
    @ConditionalOnMissingBean
    SignInThrottle smartListsSignInThrottle(Environment environment) {
      SmartListsProperties.Admin admin =
          Binder.get(environment)
              .bind("smartlists.admin", SmartListsProperties.Admin.class)
              .orElseGet(SmartListsProperties.Admin::new);
      return new SignInThrottle(
          admin.getSignInFailuresPerAccount(),
          admin.getSignInFailuresPerAddress(),
          admin.getSignInLock());
    }

    /**
     * {@code SameSite=Lax} on the session cookie the admin signs in with, unless the host set
     * {@code server.servlet.session.cookie.same-site} (its setting wins). {@code Secure} follows
     * the request: behind a TLS-terminating proxy, set {@code server.forward-headers-strategy} so
     * the request is known to be HTTPS.
     */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.web.server.servlet.CookieSameSiteSupplier")
    @ConditionalOnMissingBean(name = "smartListsSessionCookieSameSite")
    CookieSameSiteSupplier smartListsSessionCookieSameSite(Environment environment) {
      String name = environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID");
      return CookieSameSiteSupplier.ofLax().whenHasName(name);
    }
  }

  /**
   * Makes the admin bundle resolvable whatever the host does with messages: added to the host's
   * resource-bundle {@code messageSource} when it has one (Boot's, from {@code
   * spring.messages.basename}, or its own), set as its parent when it is another hierarchical
   * source without a parent, and provided as the {@code messageSource} when the host has none.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(name = "smartlists.admin.enabled", matchIfMissing = true)
  public static class AdminMessages {

    @Bean
    static BeanPostProcessor smartListsAdminMessagesPostProcessor() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName)
            throws BeansException {
          if (!AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(beanName)) {
            return bean;
          }
          if (bean instanceof AbstractResourceBasedMessageSource resources) {
            if (!resources.getBasenameSet().contains(MESSAGES)) {
              resources.addBasenames(MESSAGES);
            }
          } else if (bean instanceof HierarchicalMessageSource hierarchical
              && hierarchical.getParentMessageSource() == null) {
            hierarchical.setParentMessageSource(adminBundle());
          }
          return bean;
        }
      };
    }

    @Bean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource() {
      return adminBundle();
    }

    static ResourceBundleMessageSource adminBundle() {
      ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
      bundle.setBasenames(MESSAGES);
      bundle.setDefaultEncoding("UTF-8");
      bundle.setFallbackToSystemLocale(false);
      return bundle;
    }
  }
}
