package io.smartlists.engine.model;

import java.util.ArrayList;
import java.util.List;

/** Where a widget renders: a storefront page or an e-mail. */
public enum Placement {
  PRODUCT_PAGE,
  CART,
  ORDER_CONFIRMATION,
  /** The e-mail sent after an order: the order's lines are the context. */
  EMAIL_POST_PURCHASE,
  /** The e-mail that brings a lapsed customer back: reminders and new arrivals first. */
  EMAIL_REACTIVATION,
  /** The block of a newsletter: each recipient's stage chooses the lists. */
  EMAIL_NEWSLETTER;

  /** True for the e-mail placements (rendered as e-mail HTML and text, never on a page). */
  public boolean email() {
    return name().startsWith("EMAIL_");
  }

  /** The storefront placements, in enum order. */
  public static List<Placement> onSite() {
    List<Placement> site = new ArrayList<>();
    for (Placement p : values()) {
      if (!p.email()) {
        site.add(p);
      }
    }
    return List.copyOf(site);
  }

  /** The e-mail placements, in enum order. */
  public static List<Placement> emails() {
    List<Placement> mails = new ArrayList<>();
    for (Placement p : values()) {
      if (p.email()) {
        mails.add(p);
      }
    }
    return List.copyOf(mails);
  }
}
