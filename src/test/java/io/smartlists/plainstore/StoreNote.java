package io.smartlists.plainstore;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The store's own entity (table {@code STORE_NOTE}), created by Hibernate's ddl-auto. */
@Entity
@Table(name = "STORE_NOTE")
public class StoreNote {
  @Id Long id;
}
