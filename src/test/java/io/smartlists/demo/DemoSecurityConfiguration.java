package io.smartlists.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * The store's security: every storefront page is public (CSRF protection stays on: every form
 * carries the token), and two back-office users for the Smart Lists admin, which the module
 * protects with its own filter chain on {@code /admin/smartlists/**} and the role {@code
 * SMARTLISTS_ADMIN}:
 *
 * <ul>
 *   <li>{@code admin} / {@code admin}: a merchandiser with the role;
 *   <li>{@code merchant} / {@code merchant}: a store user without it (the admin refuses them).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class DemoSecurityConfiguration {

  /**
   * The storefront's chain matches every request, so it comes after the module's admin chain.
   *
   * <p>The storefront's CSRF token lives in a cookie ({@code XSRF-TOKEN}, HttpOnly, SameSite=Lax,
   * Secure behind HTTPS), not in the HTTP session: with the session repository every page that
   * renders a form (the product page's add-to-cart) created a session for a cookie-less visitor,
   * kept 30 minutes, and a crawler or a load test filled the heap (the issue-14 soak). Sessions are
   * now created only by what needs them: a cart, a signed-in customer, the admin.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain storefrontSecurityFilterChain(HttpSecurity http) throws Exception {
    CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
    tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.csrfTokenRepository(tokens))
        .headers(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  InMemoryUserDetailsManager demoUsers() {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    return new InMemoryUserDetailsManager(
        User.withUsername("admin")
            .password(encoder.encode("admin"))
            .roles("SMARTLISTS_ADMIN")
            .build(),
        User.withUsername("merchant")
            .password(encoder.encode("merchant"))
            .roles("MERCHANT")
            .build());
  }
}
