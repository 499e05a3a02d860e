package io.smartlists.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the widgets of a rendered page through the module's markup contract only: the root's {@code
 * data-sl-placement} and {@code data-sl-stage}, each slot's {@code data-sl-list}, each item's
 * {@code data-sl-product} and the product page it links to ({@code data-sl-url}, the target of the
 * tracked {@code a.sl-link}).
 */
record WidgetMarkup(String placement, String stage, List<Slot> slots) {

  record Slot(String list, List<Item> items) {}

  record Item(String productId, @Nullable String url, boolean linked) {}

  private static final Pattern TOKEN =
      Pattern.compile(
          "data-sl-(placement|stage|list|product|url)=\"([^\"]*)\"|(class=\"sl-link\"[^>]*href=\"[^\"]+\"|href=\"[^\"]+\"[^>]*class=\"sl-link\")");

  /** Every widget on the page, in document order. */
  static List<WidgetMarkup> parse(String html) {
    List<WidgetMarkup> widgets = new ArrayList<>();
    String placement = null;
    String stage = "";
    List<Slot> slots = null;
    String list = null;
    List<Item> items = null;
    String product = null;
    String url = null;
    Matcher m = TOKEN.matcher(html);
    while (m.find()) {
      if (m.group(3) != null) {
        if (items != null && !items.isEmpty()) {
          Item last = items.remove(items.size() - 1);
          items.add(new Item(last.productId(), last.url(), true));
        }
        continue;
      }
      String value = unescape(m.group(2));
      switch (m.group(1)) {
        case "placement" -> {
          if (placement != null) {
            widgets.add(new WidgetMarkup(placement, stage, slots));
          }
          placement = value;
          stage = "";
          slots = new ArrayList<>();
        }
        case "stage" -> stage = value;
        case "list" -> {
          if (slots != null) {
            items = new ArrayList<>();
            slots.add(new Slot(value, items));
          }
        }
        case "product" -> {
          if (items != null) {
            items.add(new Item(value, null, false));
          }
        }
        case "url" -> {
          if (items != null && !items.isEmpty()) {
            Item last = items.remove(items.size() - 1);
            items.add(new Item(last.productId(), value, last.linked()));
          }
        }
        default -> throw new IllegalStateException(m.group(1));
      }
    }
    if (placement != null) {
      widgets.add(new WidgetMarkup(placement, stage, slots));
    }
    return widgets;
  }

  /** The only widget of this placement on the page; fails when there is none or several. */
  static WidgetMarkup only(String html, String placement) {
    List<WidgetMarkup> found = new ArrayList<>();
    for (WidgetMarkup w : parse(html)) {
      if (w.placement().equals(placement)) {
        found.add(w);
      }
    }
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + placement + " widget on the page but found " + found.size());
    }
    return found.get(0);
  }

  /** Every item of every slot, in order. */
  List<Item> items() {
    List<Item> all = new ArrayList<>();
    for (Slot s : slots) {
      all.addAll(s.items());
    }
    return all;
  }

  Set<String> productIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Item i : items()) {
      ids.add(i.productId());
    }
    return ids;
  }

  List<String> lists() {
    List<String> lists = new ArrayList<>();
    for (Slot s : slots) {
      lists.add(s.list());
    }
    return lists;
  }

  /** The products of the slots of this list type. */
  Set<String> productIds(String listType) {
    Set<String> ids = new LinkedHashSet<>();
    for (Slot s : slots) {
      if (s.list().equals(listType)) {
        for (Item i : s.items()) {
          ids.add(i.productId());
        }
      }
    }
    return ids;
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
