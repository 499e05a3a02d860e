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

  /** The storefront's chain matches every request, so it comes after the module's admin chain. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain storefrontSecurityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(Customizer.withDefaults())
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
