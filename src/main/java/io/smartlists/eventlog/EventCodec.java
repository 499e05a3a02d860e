package io.smartlists.eventlog;

import io.smartlists.host.CartChanged;
import io.smartlists.host.CategoryViewed;
import io.smartlists.host.CustomerLoggedIn;
import io.smartlists.host.OrderCancelled;
import io.smartlists.host.OrderConfirmed;
import io.smartlists.host.OrderReturned;
import io.smartlists.host.ProductChanged;
import io.smartlists.host.ProductViewed;
import io.smartlists.host.SmartListsEvent;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of an event: its record's simple name in {@code SL_EVENT.TYPE} and the record as
 * JSON in {@code PAYLOAD}. A private mapper, so a store's Jackson customisations cannot change the
 * format the other nodes read.
 */
public final class EventCodec {

  private static final Map<String, Class<? extends SmartListsEvent>> TYPES =
      Map.of(
          "ProductViewed", ProductViewed.class,
          "CategoryViewed", CategoryViewed.class,
          "CartChanged", CartChanged.class,
          "OrderConfirmed", OrderConfirmed.class,
          "OrderCancelled", OrderCancelled.class,
          "OrderReturned", OrderReturned.class,
          "CustomerLoggedIn", CustomerLoggedIn.class,
          "ProductChanged", ProductChanged.class);

  private final JsonMapper json = JsonMapper.builder().build();

  static String type(SmartListsEvent event) {
    return event.getClass().getSimpleName();
  }

  static @Nullable String customerId(SmartListsEvent event) {
    if (event instanceof ProductViewed e) {
      return e.customerId();
    } else if (event instanceof CategoryViewed e) {
      return e.customerId();
    } else if (event instanceof CartChanged e) {
      return e.customerId();
    } else if (event instanceof OrderConfirmed e) {
      return e.order().customerId();
    } else if (event instanceof OrderCancelled e) {
      return e.order().customerId();
    } else if (event instanceof OrderReturned e) {
      return e.order().customerId();
    } else if (event instanceof CustomerLoggedIn e) {
      return e.customerId();
    }
    return null;
  }

  String write(SmartListsEvent event) {
    return json.writeValueAsString(event);
  }

  /** The event, or null when the type is unknown to this version of the module. */
  @Nullable SmartListsEvent read(String type, String payload) {
    Class<? extends SmartListsEvent> cls = TYPES.get(type);
    return cls == null ? null : json.readValue(payload, cls);
  }
}
