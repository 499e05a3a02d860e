package io.smartlists.stats;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic holdout assignment: a shopper's key — the customer id when signed in, else the
 * visitor id — is hashed with the store's salt into one of 10,000 buckets; buckets below {@code
 * share × 10,000} are the holdout. The same shopper always lands in the same bucket (on every node,
 * across sessions and restarts), and raising or lowering the share only moves the buckets at the
 * edge, never reshuffles everyone.
 *
 * <p>Sign-in rule: once signed in, the customer id decides, so a customer has one arm on every
 * device. A visitor who signs in may change arm at that moment; the comparison then counts the
 * shopper once, in the arm of their first recorded impression (see {@link HoldoutAnalysis}).
 *
 * <p>Hash: 64-bit FNV-1a over salt, a zero byte and the key, then MurmurHash3's 64-bit finaliser to
 * spread FNV's weak low bits before taking the bucket.
 */
public final class Holdout {

  /** Buckets of the assignment; the share's resolution is 0.01 %. */
  static final int BUCKETS = 10_000;

  private final byte[] salt;
  private final int holdoutBuckets;
  private final double share;

  /**
   * @param salt the store's salt
   * @param share the holdout share in [0, 1]; 0 turns the holdout off
   */
  public Holdout(byte[] salt, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("holdout share must be in [0, 1]: " + share);
    }
    this.salt = salt.clone();
    this.share = share;
    this.holdoutBuckets = (int) Math.round(share * BUCKETS);
  }

  /** The configured share. */
  public double share() {
    return share;
  }

  /** The arm of the shopper. */
  public Arm arm(String visitorId, @Nullable String customerId) {
    if (holdoutBuckets == 0) {
      return Arm.EXPOSED;
    }
    String key = customerId != null ? "c:" + customerId : "v:" + visitorId;
    return bucket(key) < holdoutBuckets ? Arm.HOLDOUT : Arm.EXPOSED;
  }

  /** The bucket of a shopper key, in [0, {@link #BUCKETS}). */
  int bucket(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : salt) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h = (h ^ 0) * 0x100000001b3L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) Long.remainderUnsigned(h, BUCKETS);
  }
}
