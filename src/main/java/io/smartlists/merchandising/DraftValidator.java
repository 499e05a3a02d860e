package io.smartlists.merchandising;

import io.smartlists.engine.model.ListType;
import io.smartlists.host.CatalogPort;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Every rule a slot or the rules must satisfy before they are saved, in one place: required fields,
 * ranges and lengths, and the cross-field rules (minimum above maximum, a list without the
 * parameter it needs, categories, manufacturers or products the catalogue does not know, an
 * unusable fallback, a half-life longer than its window). Error codes are the admin's message keys
 * ({@code sl.error.*}).
 */
final class DraftValidator {

  private static final String SIZE = "sl.error.Size";

  private final CatalogPort catalog;
  private final CatalogueLookups lookups;

  DraftValidator(CatalogPort catalog, CatalogueLookups lookups) {
    this.catalog = catalog;
    this.lookups = lookups;
  }

  List<ConfigError> check(SlotDraft slot) {
    List<ConfigError> errors = new ArrayList<>();
    ListType type = slot.type();
    ListType fallback = slot.fallback();
    if (type == null) {
      errors.add(ConfigError.of("type", "sl.error.NotNull"));
    }
    maxLength(errors, "titleEn", slot.titleEn(), 200);
    maxLength(errors, "titleFr", slot.titleFr(), 200);
    boolean minOk = range(errors, "minItems", slot.minItems(), 0, 50);
    boolean maxOk = range(errors, "maxItems", slot.maxItems(), 1, 50);
    Integer min = slot.minItems();
    Integer max = slot.maxItems();
    if (minOk && maxOk && min != null && max != null && min > max) {
      errors.add(ConfigError.of("minItems", "sl.error.minAboveMax", min, max));
    }
    if (type != null) {
      switch (type.param()) {
        case CATEGORIES ->
            parameter(
                errors,
                "categories",
                slot.categories(),
                lookups.categories()::containsKey,
                "sl.error.categoriesRequired",
                "sl.error.unknownCategory");
        case MANUFACTURERS ->
            parameter(
                errors,
                "manufacturers",
                slot.manufacturers(),
                lookups.manufacturers()::contains,
                "sl.error.manufacturersRequired",
                "sl.error.unknownManufacturer");
        case PRODUCTS ->
            parameter(
                errors,
                "products",
                slot.products(),
                id -> catalog.product(id) != null,
                "sl.error.productsRequired",
                "sl.error.unknownProduct");
        case NONE -> {}
      }
    }
    if (fallback != null) {
      if (fallback == type) {
        errors.add(ConfigError.of("fallback", "sl.error.fallbackSameAsList"));
      } else if (fallback.param() != ListType.Param.NONE) {
        errors.add(ConfigError.of("fallback", "sl.error.fallbackNeedsParameter"));
      }
    }
    return errors;
  }

  List<ConfigError> check(RulesDraft rules) {
    List<ConfigError> errors = new ArrayList<>();
    range(errors, "inactivityDays", rules.inactivityDays(), 1, 3650);
    range(errors, "browsingThreshold", rules.browsingThreshold(), 1, 1000);
    if (rules.b2bGroup().isBlank()) {
      errors.add(ConfigError.of("b2bGroup", "sl.error.NotBlank"));
    }
    maxLength(errors, "b2bGroup", rules.b2bGroup(), 100);
    range(errors, "bestsellerWindowDays", rules.bestsellerWindowDays(), 1, 3650);
    range(errors, "bestsellerHalfLifeDays", rules.bestsellerHalfLifeDays(), 1, 3650);
    range(errors, "newArrivalMaxAgeDays", rules.newArrivalMaxAgeDays(), 1, 3650);
    Integer window = rules.bestsellerWindowDays();
    Integer halfLife = rules.bestsellerHalfLifeDays();
    if (errors.isEmpty() && window != null && halfLife != null && halfLife > window) {
      errors.add(ConfigError.of("bestsellerHalfLifeDays", "sl.error.halfLifeAboveWindow", window));
    }
    return errors;
  }

  /** A required whole number within [min, max]; false when it is not. */
  private static boolean range(
      List<ConfigError> errors, String field, @Nullable Integer value, long min, long max) {
    if (value == null) {
      errors.add(ConfigError.of(field, "sl.error.NotNull"));
    } else if (value < min) {
      errors.add(ConfigError.of(field, "sl.error.Min", min));
    } else if (value > max) {
      errors.add(ConfigError.of(field, "sl.error.Max", max));
    } else {
      return true;
    }
    return false;
  }

  private static void maxLength(List<ConfigError> errors, String field, String value, int max) {
    if (value.length() > max) {
      errors.add(ConfigError.of(field, SIZE, max));
    }
  }

  /** A list's parameter: at least one value, each known to the catalogue. */
  private static void parameter(
      List<ConfigError> errors,
      String field,
      List<String> values,
      Predicate<String> known,
      String requiredKey,
      String unknownKey) {
    if (values.isEmpty()) {
      errors.add(ConfigError.of(field, requiredKey));
    }
    for (String value : values) {
      if (!known.test(value)) {
        errors.add(ConfigError.of(field, unknownKey, value));
      }
    }
  }
}
