package io.smartlists.demo;

import io.smartlists.demo.catalog.DemoCatalog;
import io.smartlists.demo.catalog.Product;
import io.smartlists.engine.SmartListsEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Waiting and picking helpers shared by the store's tests. */
final class StoreTesting {

  /**
   * The store tests' only setting: these tests check what the widgets show, not how fast (the JMH
   * benchmarks measure that), and a first widget composed while the JIT is cold on a busy 2-core CI
   * machine can exceed the shipped 50 ms budget and render empty. Every store test uses the same
   * string, so they share one application context.
   */
  static final String TEST_PROPERTIES = "smartlists.time-budget=2s";

  /**
   * For tests that expect a given shopper to see widgets: the holdout (10 % by default, drawn from
   * a salt generated per store) would hide them from a random tenth of the test shoppers.
   */
  static final String NO_HOLDOUT = "smartlists.stats.holdout.share=0";

  private StoreTesting() {}

  /** Waits until the module's start-up rebuild has learnt the shipped order history. */
  static void awaitSignals(SmartListsEngine engine) {
    await(Duration.ofMinutes(3), () -> engine.signals().productCount() > 0, "signals never built");
  }

  static void await(Duration timeout, BooleanSupplier condition, String message) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(message + " within " + timeout);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(message, e);
      }
    }
  }

  /** The products every visitor may buy, best sellers of the shipped history first. */
  static List<Product> eligibleByUnitsSold(DemoCatalog catalog) {
    List<Product> products = new ArrayList<>();
    for (var info : catalog.allProducts()) {
      Product p = catalog.find(info.id());
      if (p != null && catalog.isEligible(p.getId(), null)) {
        products.add(p);
      }
    }
    products.sort(
        Comparator.comparingLong((Product p) -> -catalog.unitsSold(p.getId()))
            .thenComparing(Product::getId));
    return products;
  }

  /** Products a widget must never show to an anonymous visitor (sold out, hidden, B2B-only). */
  static List<String> ineligibleForAnonymous(DemoCatalog catalog) {
    List<String> ids = new ArrayList<>();
    for (var info : catalog.allProducts()) {
      if (!catalog.isEligible(info.id(), null)) {
        ids.add(info.id());
      }
    }
    return ids;
  }

  /**
   * The fields of an e-mail link's token ({@code t=}, docs/EMAIL.md "Links that never dead-end"):
   * format, kind, placement, stage, list, slot, position, product, customer (empty for a guest),
   * send id, issue time. Decoded only: the signature is not checked.
   */
  static List<String> mailTokenFields(String href) {
    int t = href.indexOf("t=") + 2;
    int end = href.indexOf('&', t);
    String token = end < 0 ? href.substring(t) : href.substring(t, end);
    String payload = token.substring(0, token.lastIndexOf('.'));
    String fields = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    return List.of(fields.split("\u0000", -1));
  }
}
