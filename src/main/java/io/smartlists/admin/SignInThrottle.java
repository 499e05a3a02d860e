package io.smartlists.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Counts failed admin sign-ins per account and per client address over a sliding lock period: past
 * {@code perAccount} failures for one user name, or {@code perAddress} failures from one address,
 * further attempts are refused without checking the password (the right one included) until the
 * lock period has passed since the last failure. A successful sign-in clears the account's count.
 * Memory is bounded (at most 10,000 accounts and 10,000 addresses are tracked).
 */
public final class SignInThrottle {

  private static final int TRACKED = 10_000;

  private final int perAccount;
  private final int perAddress;
  private final Duration lock;
  private final Cache<String, AtomicInteger> accounts;
  private final Cache<String, AtomicInteger> addresses;

  public SignInThrottle(int perAccount, int perAddress, Duration lock) {
    this(perAccount, perAddress, lock, Ticker.systemTicker());
  }

  SignInThrottle(int perAccount, int perAddress, Duration lock, Ticker ticker) {
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.lock = lock;
    this.accounts = counter(lock, ticker);
    this.addresses = counter(lock, ticker);
  }

  private static Cache<String, AtomicInteger> counter(Duration lock, Ticker ticker) {
    return Caffeine.newBuilder()
        .maximumSize(TRACKED)
        .expireAfterWrite(lock)
        .ticker(ticker)
        .executor(Runnable::run)
        .build();
  }

  /** How long attempts are refused after the limit is reached. */
  public Duration lock() {
    return lock;
  }

  /** True when this account or this address has failed too often recently. */
  public boolean blocked(@Nullable String username, String address) {
    AtomicInteger a = username == null ? null : accounts.getIfPresent(key(username));
    AtomicInteger b = addresses.getIfPresent(address);
    return (a != null && a.get() >= perAccount) || (b != null && b.get() >= perAddress);
  }

  /** A wrong password (or unknown user) for this account from this address. */
  public void failed(@Nullable String username, String address) {
    if (username != null) {
      bump(accounts, key(username));
    }
    bump(addresses, address);
  }

  /** The account signed in: its failures are forgotten (the address keeps its count). */
  public void succeeded(String username) {
    accounts.invalidate(key(username));
  }

  private static void bump(Cache<String, AtomicInteger> cache, String key) {
    // compute counts as a write, so the lock period runs from the last failure
    cache
        .asMap()
        .compute(
            key,
            (k, n) -> {
              AtomicInteger next = n == null ? new AtomicInteger() : n;
              next.incrementAndGet();
              return next;
            });
  }

  private static String key(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }
}
