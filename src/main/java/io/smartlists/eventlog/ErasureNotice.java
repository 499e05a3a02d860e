package io.smartlists.eventlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every node to forget a shopper that was erased ({@code SmartListsPrivacy}): a row of type
 * {@value #TYPE} in the event log, which each node's tailer hands to its engine, so that browsing
 * and the purchase history in every node's memory go, not only on the node that ran the erasure.
 *
 * <p>The row holds no id: the customer id and the visitor ids travel as SHA-256 hashes salted with
 * a random salt of this notice, and its visitor and customer columns are empty. A node forgets the
 * entries whose ids hash to one of them (a scan of its in-memory keys; erasures are rare). The row
 * is purged with the browsing events, past the replay window.
 *
 * @param salt random, hex
 * @param customers hashes of the customer ids to forget
 * @param visitors hashes of the visitor ids to forget
 */
public record ErasureNotice(String salt, List<String> customers, List<String> visitors) {

  /** The notice's {@code SL_EVENT.TYPE}. */
  public static final String TYPE = "ShopperErased";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  public ErasureNotice {
    customers = List.copyOf(customers);
    visitors = List.copyOf(visitors);
  }

  /** A notice for this customer (or none) and these visitor ids, with a fresh salt. */
  public static ErasureNotice of(@Nullable String customerId, Collection<String> visitorIds) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String salt = HexFormat.of().formatHex(bytes);
    List<String> visitors = new ArrayList<>();
    for (String v : visitorIds) {
      visitors.add(hash(salt, v));
    }
    return new ErasureNotice(
        salt, customerId == null ? List.of() : List.of(hash(salt, customerId)), visitors);
  }

  /** True when this notice erases the customer with this id. */
  public boolean erasesCustomer(String customerId) {
    return !customers.isEmpty() && customers.contains(hash(salt, customerId));
  }

  /** True when this notice erases the visitor with this id. */
  public boolean erasesVisitor(String visitorId) {
    return !visitors.isEmpty() && visitors.contains(hash(salt, visitorId));
  }

  /** Writes the notice to the event log; every node's tailer applies it. */
  public void publish(JdbcTemplate jdbc, Instant at) {
    jdbc.update(
        "INSERT INTO SL_EVENT (TYPE, VISITOR_ID, CUSTOMER_ID, PAYLOAD, OCCURRED_AT)"
            + " VALUES (?, '', NULL, ?, ?)",
        TYPE,
        JSON.writeValueAsString(this),
        OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  static ErasureNotice read(String payload) {
    return JSON.readValue(payload, ErasureNotice.class);
  }

  private static String hash(String salt, String id) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
