package io.smartlists.autoconfigure;

import java.util.Locale;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

/**
 * Keeps Hibernate's schema tool ({@code spring.jpa.hibernate.ddl-auto}) away from the module's own
 * tables ({@code SL_*}), which the module's Flyway owns: a store on an embedded database keeps
 * Hibernate's default {@code create-drop} for its own entities without the admin's tables being
 * dropped and recreated from the entity mappings. {@code validate} still checks them.
 */
final class ModuleTablesSchemaFilter implements SchemaFilterProvider {

  private static final SchemaFilter HOST_TABLES_ONLY =
      new SchemaFilter() {
        @Override
        public boolean includeNamespace(Namespace namespace) {
          return true;
        }

        @Override
        public boolean includeTable(Table table) {
          return !table.getName().toUpperCase(Locale.ROOT).startsWith("SL_");
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
          return true;
        }
      };

  @Override
  public SchemaFilter getCreateFilter() {
    return HOST_TABLES_ONLY;
  }

  @Override
  public SchemaFilter getDropFilter() {
    return HOST_TABLES_ONLY;
  }

  @Override
  public SchemaFilter getTruncatorFilter() {
    return HOST_TABLES_ONLY;
  }

  @Override
  public SchemaFilter getMigrateFilter() {
    return HOST_TABLES_ONLY;
  }

  @Override
  public SchemaFilter getValidateFilter() {
    return SchemaFilter.ALL;
  }
}
