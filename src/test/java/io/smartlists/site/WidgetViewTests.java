package io.smartlists.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.Widget;
import io.smartlists.host.ProductInfo;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a composed widget is resolved for a request: titles and prices. */
class WidgetViewTests {

  /** Links without a click token: these tests read titles and prices only. */
  private static final WidgetView.ClickQuery UNSIGNED =
      (slot, position, list, product) -> "p=" + product;

  private static final ProductInfo EURO_BOOTS =
      new ProductInfo(
          "p1",
          "Boots",
          List.of(),
          null,
          null,
          new BigDecimal("1234.5"),
          null,
          "/p1",
          null,
          Currency.getInstance("EUR"));

  private static Widget widget(List<Widget.Item> items) {
    SlotConfig reminders =
        new SlotConfig(
            ListType.ORDER_PRODUCT_REMINDERS,
            Map.of("en", "Time to re-order?", "fr", "À racheter ?"),
            2,
            4,
            null,
            List.of(),
            List.of(),
            List.of());
    return new Widget(
        Placement.PRODUCT_PAGE,
        new StageDecision(JourneyStage.RETENTION_FIRST_PURCHASE, Reason.of("stage.conversion", 1)),
        List.of(new Widget.Slot(0, reminders, items)),
        Widget.Outcome.OK,
        List.of(),
        1);
  }

  @Test
  void aSlotFilledOnlyByFallbackIsTitledByWhatItShows() {
    Widget w =
        widget(
            List.of(
                new Widget.Item(
                    EURO_BOOTS,
                    ListType.BESTSELLERS_CATALOG,
                    Reason.of("manual", 1).asFallback())));

    assertThat(
            WidgetView.of(w, Locale.ENGLISH, "", "/smartlists/click", UNSIGNED)
                .slots()
                .get(0)
                .title())
        .isEqualTo("Bestsellers");
    assertThat(
            WidgetView.of(w, Locale.FRENCH, "", "/smartlists/click", UNSIGNED)
                .slots()
                .get(0)
                .title())
        .isEqualTo("Meilleures ventes");
  }

  @Test
  void aSlotWithItsOwnItemsKeepsTheMerchantsTitle() {
    Widget w =
        widget(
            List.of(
                new Widget.Item(
                    EURO_BOOTS, ListType.ORDER_PRODUCT_REMINDERS, Reason.of("manual", 1)),
                new Widget.Item(
                    EURO_BOOTS,
                    ListType.BESTSELLERS_CATALOG,
                    Reason.of("manual", 2).asFallback())));

    assertThat(
            WidgetView.of(w, Locale.ENGLISH, "", "/smartlists/click", UNSIGNED)
                .slots()
                .get(0)
                .title())
        .isEqualTo("Time to re-order?");
  }

  @Test
  void pricesCarryTheHostsCurrencyInTheShoppersLocale() {
    Widget w =
        widget(
            List.of(
                new Widget.Item(
                    EURO_BOOTS, ListType.ORDER_PRODUCT_REMINDERS, Reason.of("manual", 1))));

    WidgetView.ItemView en =
        WidgetView.of(w, Locale.US, "", "/smartlists/click", UNSIGNED)
            .slots()
            .get(0)
            .items()
            .get(0);
    WidgetView.ItemView fr =
        WidgetView.of(w, Locale.FRANCE, "", "/smartlists/click", UNSIGNED)
            .slots()
            .get(0)
            .items()
            .get(0);

    assertThat(en.currency()).isEqualTo("EUR");
    assertThat(en.priceText()).isEqualTo("€1,234.50");
    assertThat(fr.priceText().replace('\u202f', ' ').replace('\u00a0', ' '))
        .isEqualTo("1 234,50 €");
  }
}
