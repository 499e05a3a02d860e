package io.smartlists.demo.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A registered customer (Broadleaf {@code Customer}); one household of the data set. */
@Entity
@Table(name = "STORE_CUSTOMER")
public class Customer {

  @Id private String id = "";

  @Column(name = "DISPLAY_NAME", nullable = false)
  private String displayName = "";

  @Column(name = "CUSTOMER_GROUP", nullable = false)
  private String customerGroup = "";

  private @Nullable String persona;

  protected Customer() {}

  public String getId() {
    return id;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getCustomerGroup() {
    return customerGroup;
  }

  /** The featured role in the "Browse as" switch, e.g. "lapsed buyer", or null. */
  public @Nullable String getPersona() {
    return persona;
  }
}
