package io.smartlists.demo.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A node of the category tree: a department (root) or a category under it (Broadleaf {@code
 * Category}).
 */
@Entity
@Table(name = "STORE_CATEGORY")
public class Category {

  @Id private String id = "";

  @Column(nullable = false)
  private String name = "";

  @Column(name = "PARENT_ID")
  private @Nullable String parentId;

  protected Category() {}

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public @Nullable String getParentId() {
    return parentId;
  }
}
