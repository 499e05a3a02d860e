package io.smartlists.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an e-mail link says, signed: the link of one recommended product (a click) or the call to
 * action to the personalised landing page. Carried as one opaque query parameter {@code t}: the
 * fields (UTF-8, joined by {@code \u0000}) in base64url, a dot, and their HMAC signature by the
 * store's {@link io.smartlists.stats.ClickSigner}. The first field names the format ({@code m1}),
 * so an e-mail token never verifies as a storefront click token nor the other way round.
 *
 * @param kind {@code c} for a product link, {@code l} for the landing page
 * @param placement the e-mail placement ({@code EMAIL_POST_PURCHASE}...)
 * @param stage the journey stage the block was composed for
 * @param list the list type of the item's slot ("" for the landing page)
 * @param slot the slot's position in the block (-1 for the landing page)
 * @param position the item's position in the slot (-1 for the landing page)
 * @param productId the product the link leads to ("" for the landing page)
 * @param customerId the recipient
 * @param sendId the send (one e-mail to one recipient) the link belongs to
 * @param issuedAt when the block was rendered, epoch seconds (e-mail links expire too)
 */
public record MailToken(
    String kind,
    String placement,
    String stage,
    String list,
    int slot,
    int position,
    String productId,
    String customerId,
    String sendId,
    long issuedAt) {

  static final String FORMAT = "m1";
  static final String CLICK = "c";
  static final String LANDING = "l";

  /** A token for the landing page of this send. */
  static MailToken landing(
      String placement, String stage, String customerId, String sendId, long issuedAt) {
    return new MailToken(LANDING, placement, stage, "", -1, -1, "", customerId, sendId, issuedAt);
  }

  /** True for a product link. */
  public boolean click() {
    return CLICK.equals(kind);
  }

  /** The signed fields, in order. */
  List<String> fields() {
    return List.of(
        FORMAT,
        kind,
        placement,
        stage,
        list,
        Integer.toString(slot),
        Integer.toString(position),
        productId,
        customerId,
        sendId,
        Long.toString(issuedAt));
  }

  /** The value of the {@code t} parameter: payload, a dot, {@code signature}. */
  String encode(String signature) {
    byte[] payload = String.join("\u0000", fields()).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + signature;
  }

  /**
   * The token and its signature read from a {@code t} parameter, or null when it is malformed (it
   * then personalises nothing). The signature is checked by {@link MailLinks}.
   */
  static @Nullable Signed decode(@Nullable String value) {
    if (value == null || value.length() > 4_096) {
      return null;
    }
    int dot = value.lastIndexOf('.');
    if (dot <= 0 || dot == value.length() - 1) {
      return null;
    }
    String[] f;
    try {
      byte[] payload = Base64.getUrlDecoder().decode(value.substring(0, dot));
      f = new String(payload, StandardCharsets.UTF_8).split("\u0000", -1);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (f.length != 11 || !FORMAT.equals(f[0]) || !(CLICK.equals(f[1]) || LANDING.equals(f[1]))) {
      return null;
    }
    try {
      MailToken token =
          new MailToken(
              f[1],
              f[2],
              f[3],
              f[4],
              Integer.parseInt(f[5]),
              Integer.parseInt(f[6]),
              f[7],
              f[8],
              f[9],
              Long.parseLong(f[10]));
      return token.fields().equals(Arrays.asList(f))
          ? new Signed(token, value.substring(dot + 1))
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A decoded token with the signature it came with (not yet verified). */
  record Signed(MailToken token, String signature) {}
}
