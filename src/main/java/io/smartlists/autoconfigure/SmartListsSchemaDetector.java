package io.smartlists.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link SmartListsSchema} initialises the database, so JPA and JDBC beans are
 * created after the module's migrations ran (registered in {@code META-INF/spring.factories}).
 *
 * <p>Ordered after the store's own Flyway or Liquibase (detector orders 0 and 1): on a fresh
 * database the store's migrations must see an empty schema, or its Flyway refuses to start without
 * a baseline; the module's Flyway baselines at version 0 over the store's tables instead.
 */
final class SmartListsSchemaDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  public int getOrder() {
    return 10;
  }

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(SmartListsSchema.class);
  }
}
