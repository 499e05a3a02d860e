package io.smartlists.eventlog;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Boot that {@link SmartListsSchema} initialises the database, so JPA and JDBC beans are
 * created after the module's migrations ran (registered in {@code META-INF/spring.factories}).
 */
final class SmartListsSchemaDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(SmartListsSchema.class);
  }
}
