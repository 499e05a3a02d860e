package io.smartlists.autoconfigure;

import io.smartlists.host.CatalogPort;
import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.EligibilityPort;
import io.smartlists.host.OrderHistoryPort;
import java.util.Map;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link MissingPortException} into a start-up report that names each missing port, what
 * the module reads from it, and how to provide it (registered in {@code
 * META-INF/spring.factories}).
 */
final class MissingPortFailureAnalyzer extends AbstractFailureAnalyzer<MissingPortException> {

  private static final Map<Class<?>, String> PURPOSE =
      Map.of(
          CatalogPort.class,
          "the catalogue: products and categories (product, allProducts, categories, searchProducts)",
          OrderHistoryPort.class,
          "the order history the signals are built from (readBatchOrdersFromLastId)",
          CustomerPort.class,
          "the customer directory: groups and B2B flag for the journey stage (customer, search)",
          EligibilityPort.class,
          "which products may be shown to a customer (isEligible)",
          CurrentCustomerPort.class,
          "the customer signed in on the current request (currentCustomerId)");

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingPortException cause) {
    StringBuilder description =
        new StringBuilder(
            "Smart Lists is on (smartlists.enabled is not false) but the store provides no bean for"
                + " these host ports:\n");
    for (Class<?> port : cause.missing()) {
      description
          .append("\n    - ")
          .append(port.getName())
          .append(": ")
          .append(PURPOSE.getOrDefault(port, "a host port"));
    }
    StringBuilder action = new StringBuilder("Provide each missing port as a Spring bean, e.g.\n");
    for (Class<?> port : cause.missing()) {
      action
          .append("\n    @Component class Store")
          .append(port.getSimpleName())
          .append(" implements ")
          .append(port.getName())
          .append(" { ... }");
    }
    action.append(
        "\n\n(the README's \"Installing Smart Lists into a store\" shows each port), or set"
            + " smartlists.enabled=false to start the store without Smart Lists.");
    return new FailureAnalysis(description.toString(), action.toString(), cause);
  }
}
