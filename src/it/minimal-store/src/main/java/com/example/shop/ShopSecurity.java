package com.example.shop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The store's own security: its storefront is public, including the module's storefront endpoints
 * under {@code /smartlists/**} (click tracking, the JSON widget, the stylesheet); CSRF protection
 * stays on (Thymeleaf adds the token to every form). Without a chain of its own, Spring Boot's
 * default chain would require a login for every page: the module's only chain is its admin's, which
 * matches {@code /admin/smartlists/**} alone, and exists only with {@code
 * thymeleaf-extras-springsecurity6}, which this store does not add (so it has no admin).
 */
@Configuration(proxyBeanMethods = false)
public class ShopSecurity {

  @Bean
  SecurityFilterChain storefront(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(Customizer.withDefaults());
    return http.build();
  }
}
