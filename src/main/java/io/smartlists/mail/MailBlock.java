package io.smartlists.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recipient's e-mail block, ready to send: a subject line suggestion, e-mail-safe HTML, the
 * plain-text alternative, and the same content as data (the JSON of the REST endpoint). Every link
 * is absolute and carries a signed token. Empty ({@link #isEmpty()}, no HTML, no text) when there
 * is nothing eligible to recommend, when the engine failed, or when the recipient is in the
 * holdout: the mailer then sends its e-mail without the block.
 *
 * @param placement the e-mail placement
 * @param stage the recipient's journey stage, or null when the engine failed
 * @param language the language it is written in ({@code en}, {@code fr})
 * @param sendId the send the links belong to
 * @param subject a subject line suggestion
 * @param preheader the preview text mail clients show after the subject
 * @param html the e-mail HTML document
 * @param text the plain-text alternative
 * @param landingUrl the call to action: the personalised landing page
 * @param slots the lists, as data
 */
public record MailBlock(
    String placement,
    @Nullable String stage,
    String language,
    String sendId,
    String subject,
    String preheader,
    String html,
    String text,
    String landingUrl,
    List<Slot> slots) {

  public MailBlock {
    slots = List.copyOf(slots);
  }

  /** One list of the block. */
  public record Slot(int position, String list, String title, List<Item> items) {
    public Slot {
      items = List.copyOf(items);
    }
  }

  /**
   * One recommended product.
   *
   * @param url the tracked link (through the store, signed)
   * @param imageUrl the absolute image URL, or null
   */
  public record Item(
      String productId,
      String name,
      String url,
      @Nullable String imageUrl,
      String priceText,
      String reason,
      String list,
      boolean fallback) {}

  /** True when there is no block to put in the e-mail. */
  public boolean isEmpty() {
    return slots.isEmpty();
  }
}
