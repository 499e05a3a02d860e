package io.smartlists.stats;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies tracked links: HMAC-SHA256 with the store's secret over a link's fields (for a
 * widget link: widget id, placement, stage, list, slot, position, product and issue time; an e-mail
 * link signs its own fields the same way). A link whose signature does not verify was not issued by
 * this store and counts nothing.
 *
 * <p>Fields are joined with a separator that cannot occur in them ({@code \u0000}), so two
 * different field lists never sign the same bytes. The signature is base64url without padding (43
 * characters). Thread-safe: each thread signs with its own {@link Mac}.
 */
public final class ClickSigner {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /** One initialised {@link Mac} per thread: looking one up costs more than signing a link. */
  private final ThreadLocal<Mac> macs;

  /**
   * @param secret the store's secret (at least 16 bytes)
   */
  public ClickSigner(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the click-token secret needs at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** The signature of {@code fields}. */
  public String sign(List<String> fields) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(fields));
  }

  /**
   * True when {@code signature} is the signature of {@code fields} (constant-time comparison), in
   * exactly the form {@link #sign} writes it. The decoder alone would also accept variants (a last
   * character differing in its unused low bits, padding): each would then pass as a new link, and a
   * replay check keyed by the signature would count one click several times.
   */
  public boolean verify(List<String> fields, String signature) {
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(given).equals(signature)) {
      return false; // not the canonical form (says nothing about the secret)
    }
    return MessageDigest.isEqual(mac(fields), given);
  }

  private byte[] mac(List<String> fields) {
    Mac mac = macs.get();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        mac.update((byte) 0);
      }
      mac.update(fields.get(i).getBytes(StandardCharsets.UTF_8));
    }
    return mac.doFinal();
  }
}
