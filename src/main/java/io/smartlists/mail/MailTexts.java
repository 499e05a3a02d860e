package io.smartlists.mail;

import io.smartlists.engine.model.Placement;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The e-mail block's own words in English and French (subject lines, the call to action). */
final class MailTexts {

  private MailTexts() {}

  static String subject(Placement placement, String language, @Nullable String firstName) {
    boolean fr = "fr".equals(language);
    String name = firstName == null ? "" : firstName;
    return switch (placement) {
      case EMAIL_POST_PURCHASE ->
          fr ? "Pour compléter votre commande : " + name : "To go with your order: " + name;
      case EMAIL_REACTIVATION ->
          fr
              ? "Vous nous manquez : " + name + " et nos nouveautés"
              : "We miss you: " + name + " and what is new";
      default -> fr ? "Sélectionné pour vous : " + name : "Picked for you: " + name;
    };
  }

  static Map<String, String> texts(String language) {
    return "fr".equals(language)
        ? Map.of("more", "Voir plus de suggestions pour vous")
        : Map.of("more", "See more picked for you");
  }
}
