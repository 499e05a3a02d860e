/**
 * The reference store: a small Broadleaf-style shop (Spring MVC, Thymeleaf, JPA) that installs
 * Smart Lists, started by {@code mvn spring-boot:test-run}.
 */
@NullMarked
package io.smartlists.demo;

import org.jspecify.annotations.NullMarked;
