package io.smartlists.demo.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Reads the parts of a received e-mail (the outbox page, the store's tests). */
public final class MimeParts {

  private MimeParts() {}

  /**
   * The decoded text of the first part of that MIME type ({@code text/html}, {@code text/plain}),
   * searching nested multiparts depth first, or null when there is none.
   */
  public static @Nullable String find(Part part, String mimeType)
      throws MessagingException, IOException {
    if (part.isMimeType(mimeType)) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = find(child, mimeType);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
