package io.smartlists.admin;

import static io.smartlists.engine.model.JourneyStage.ACQUISITION;
import static io.smartlists.engine.model.Placement.PRODUCT_PAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.smartlists.autoconfigure.AdminWebConfiguration;
import io.smartlists.autoconfigure.SmartListsAdminAutoConfiguration;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.DropRule;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.engine.model.Widget;
import io.smartlists.engine.model.WidgetRequest;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import io.smartlists.host.ProductInfo;
import io.smartlists.merchandising.CellView;
import io.smartlists.merchandising.Change;
import io.smartlists.merchandising.ConcurrentEditException;
import io.smartlists.merchandising.ConfigError;
import io.smartlists.merchandising.ConfigValidationException;
import io.smartlists.merchandising.MerchandisingEditor;
import io.smartlists.merchandising.Revision;
import io.smartlists.merchandising.RulesDraft;
import io.smartlists.merchandising.SlotDraft;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin's web layer with its real security chain, templates and message bundles; the
 * merchandising editor, the engine and the host ports are mocks.
 */
@WebMvcTest
@ContextConfiguration(
    classes = {
      AdminWebConfiguration.class,
      SmartListsAdminAutoConfiguration.AdminSecurity.class,
      SmartListsAdminAutoConfiguration.AdminMessages.class
    })
class AdminControllerTests {

  private static final String CELL = "/admin/smartlists/cells/PRODUCT_PAGE/ACQUISITION";

  @Autowired MockMvc mvc;
  @MockitoBean MerchandisingEditor editor;
  @MockitoBean SmartListsEngine engine;
  @MockitoBean CatalogPort catalog;
  @MockitoBean CustomerPort customers;
  @MockitoBean io.smartlists.mail.SmartListsMail mail;

  @BeforeEach
  void store() {
    AdminEditorStubs.shippedStore(editor, engine);
  }

  // ------------------------------------------------------------------ security

  @Test
  void matrixRedirectsAnonymousToTheSignInPage() throws Exception {
    mvc.perform(get("/admin/smartlists"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/smartlists/login"));
  }

  @Test
  @WithMockUser(username = "merchant", roles = "MERCHANT")
  void matrixDeniedWithoutRole() throws Exception {
    mvc.perform(get("/admin/smartlists"))
        .andExpect(status().isForbidden())
        .andExpect(forwardedUrl("/admin/smartlists/denied"));
    verify(editor, never()).cells();
  }

  @Test
  void loginPageIsPublicAndCarriesACsrfToken() throws Exception {
    mvc.perform(get("/admin/smartlists/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Sign in to Smart Lists")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processSlotFormRejectsWithoutCsrf() throws Exception {
    mvc.perform(
            post(CELL + "/slots/0")
                .param("type", "BESTSELLERS_CATALOG")
                .param("minItems", "2")
                .param("maxItems", "6")
                .param("cellVersion", "7"))
        .andExpect(status().isForbidden());
    verify(editor, never()).updateSlot(any(), any(), anyInt(), any(), anyLong(), anyString());
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processMoveRejectsWithoutCsrf() throws Exception {
    mvc.perform(post(CELL + "/slots/1/move").param("direction", "up").param("cellVersion", "7"))
        .andExpect(status().isForbidden());
    verify(editor, never()).moveSlot(any(), any(), anyInt(), anyInt(), anyLong(), anyString());
  }

  // ------------------------------------------------------------------ matrix

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void showMatrixListsEveryCellWithRecommendationsAndAdvice() throws Exception {
    mvc.perform(get("/admin/smartlists"))
        .andExpect(status().isOk())
        .andExpect(view().name("smartlists/admin/matrix"))
        .andExpect(content().string(containsString("Journey matrix")))
        .andExpect(content().string(containsString("id=\"cell-PRODUCT_PAGE-ACQUISITION\"")))
        .andExpect(content().string(containsString("id=\"cell-ORDER_CONFIRMATION-B2B\"")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "A first visit: use cross-selling sparingly; bestsellers first, they reassure.")))
        .andExpect(content().string(containsString("data-sl-list=\"SMART_CROSS_SELLING\"")))
        .andExpect(content().string(containsString("aria-label=\"Move Smart cross-selling up\"")))
        .andExpect(content().string(containsString("recommended")))
        .andExpect(content().string(containsString("Signed in as admin")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void showMatrixInFrench() throws Exception {
    mvc.perform(get("/admin/smartlists").locale(Locale.FRENCH))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Matrice du parcours")))
        .andExpect(content().string(containsString("Vente croisée intelligente")))
        .andExpect(content().string(containsString("Page produit")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processMoveSavesAndRedirectsToTheCell() throws Exception {
    mvc.perform(
            post(CELL + "/slots/1/move")
                .with(csrf())
                .param("direction", "up")
                .param("cellVersion", "7"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/smartlists#cell-PRODUCT_PAGE-ACQUISITION"))
        .andExpect(flash().attribute("message", "Order saved in Product page × Acquisition."));
    verify(editor).moveSlot(PRODUCT_PAGE, ACQUISITION, 1, -1, 7L, "admin");
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processMoveReportsConcurrentEdit() throws Exception {
    given(editor.moveSlot(PRODUCT_PAGE, ACQUISITION, 1, -1, 6L, "admin"))
        .willThrow(new ConcurrentEditException("PRODUCT_PAGE/ACQUISITION"));
    mvc.perform(
            post(CELL + "/slots/1/move")
                .with(csrf())
                .param("direction", "up")
                .param("cellVersion", "6"))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            flash().attribute("error", containsString("Another administrator changed this")));
  }

  // ------------------------------------------------------------------ slot editor

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void initSlotFormShowsTheSlot() throws Exception {
    mvc.perform(get(CELL + "/slots/0"))
        .andExpect(status().isOk())
        .andExpect(view().name("smartlists/admin/slot"))
        .andExpect(content().string(containsString("value=\"Our bestsellers\"")))
        .andExpect(content().string(containsString("name=\"cellVersion\" value=\"7\"")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void initSlotFormUnknownSlotIsNotFound() throws Exception {
    mvc.perform(get(CELL + "/slots/42"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("This page does not exist.")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processSlotFormHasErrors() throws Exception {
    given(editor.updateSlot(eq(PRODUCT_PAGE), eq(ACQUISITION), eq(0), any(), eq(7L), eq("admin")))
        .willThrow(
            new ConfigValidationException(
                List.of(new ConfigError("minItems", "sl.error.minAboveMax", List.of(6, 4)))));

    mvc.perform(
            post(CELL + "/slots/0")
                .with(csrf())
                .param("type", "BESTSELLERS_CATALOG")
                .param("titleEn", "Top sellers")
                .param("minItems", "6")
                .param("maxItems", "4")
                .param("cellVersion", "7"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrorCode("slot", "minItems", "sl.error.minAboveMax"))
        .andExpect(content().string(containsString("The minimum (6) is above the maximum (4).")))
        .andExpect(content().string(containsString("value=\"Top sellers\"")))
        .andExpect(content().string(not(containsString("Exception"))));
    // validated once, by the command itself
    verify(editor, never()).check(any(SlotDraft.class));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processSlotFormHasErrorsForLettersInANumber() throws Exception {
    mvc.perform(
            post(CELL + "/slots/0")
                .with(csrf())
                .param("type", "BESTSELLERS_CATALOG")
                .param("minItems", "four")
                .param("maxItems", "6")
                .param("cellVersion", "7"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrorCode("slot", "minItems", "typeMismatch"))
        .andExpect(content().string(containsString("Please enter a whole number.")));
    verify(editor, never()).updateSlot(any(), any(), anyInt(), any(), anyLong(), anyString());
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processSlotFormHasErrorsInFrench() throws Exception {
    given(editor.addSlot(eq(PRODUCT_PAGE), eq(ACQUISITION), any(), eq(7L), eq("admin")))
        .willThrow(
            new ConfigValidationException(
                List.of(new ConfigError("products", "sl.error.productsRequired", List.of()))));
    mvc.perform(
            post(CELL + "/slots/new")
                .with(csrf())
                .locale(Locale.FRENCH)
                .param("type", "MANUAL_SELECTION")
                .param("minItems", "1")
                .param("maxItems", "4")
                .param("cellVersion", "7"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(containsString("Une sélection manuelle a besoin d’au moins un produit.")));
    verify(editor, never()).check(any(SlotDraft.class));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processSlotFormSavesAndRedirects() throws Exception {
    mvc.perform(
            post(CELL + "/slots/0")
                .with(csrf())
                .param("type", "NEW_ARRIVALS_CATALOG")
                .param("titleEn", "Just in")
                .param("titleFr", "Tout juste arrivés")
                .param("minItems", "2")
                .param("maxItems", "6")
                .param("cellVersion", "7"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/smartlists#cell-PRODUCT_PAGE-ACQUISITION"))
        .andExpect(
            flash()
                .attribute(
                    "message",
                    "New arrivals from my catalog saved in Product page × Acquisition."));
    ArgumentCaptor<SlotDraft> saved = ArgumentCaptor.forClass(SlotDraft.class);
    verify(editor)
        .updateSlot(eq(PRODUCT_PAGE), eq(ACQUISITION), eq(0), saved.capture(), eq(7L), eq("admin"));
    assertThat(saved.getValue().type()).isEqualTo(ListType.NEW_ARRIVALS_CATALOG);
    assertThat(saved.getValue().titleFr()).isEqualTo("Tout juste arrivés");
    assertThat(saved.getValue().maxItems()).isEqualTo(6);
    verify(editor, never()).check(any(SlotDraft.class));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processSlotFormReportsConcurrentEdit() throws Exception {
    given(editor.updateSlot(eq(PRODUCT_PAGE), eq(ACQUISITION), eq(0), any(), eq(7L), eq("admin")))
        .willThrow(new ConcurrentEditException("PRODUCT_PAGE/ACQUISITION"));
    given(editor.cell(PRODUCT_PAGE, ACQUISITION))
        .willReturn(
            new CellView(
                PRODUCT_PAGE,
                ACQUISITION,
                8,
                List.of(SlotConfig.of(ListType.SMART_CROSS_SELLING))));

    mvc.perform(
            post(CELL + "/slots/0")
                .with(csrf())
                .param("type", "BESTSELLERS_CATALOG")
                .param("titleEn", "Mine")
                .param("minItems", "2")
                .param("maxItems", "6")
                .param("cellVersion", "7"))
        .andExpect(status().isOk())
        .andExpect(view().name("smartlists/admin/slot"))
        .andExpect(
            content()
                .string(
                    containsString(
                        "Another administrator changed this while you were editing it. Your change was not saved")))
        .andExpect(content().string(containsString("value=\"Mine\"")))
        // the cell as the other administrator left it, and the newer version to save over it
        .andExpect(content().string(containsString("data-sl-list=\"SMART_CROSS_SELLING\"")))
        .andExpect(content().string(containsString("name=\"cellVersion\" value=\"8\"")));
  }

  // ------------------------------------------------------------------ rules

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processRulesFormHasErrors() throws Exception {
    given(editor.updateRules(any(), eq(3L), eq("admin")))
        .willThrow(
            new ConfigValidationException(
                List.of(new ConfigError("inactivityDays", "sl.error.Min", List.of(1)))));
    mvc.perform(
            post("/admin/smartlists/rules")
                .with(csrf())
                .param("inactivityDays", "0")
                .param("browsingThreshold", "2")
                .param("b2bGroup", "B2B")
                .param("bestsellerWindowDays", "90")
                .param("bestsellerHalfLifeDays", "30")
                .param("newArrivalMaxAgeDays", "60")
                .param("rulesVersion", "3"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrorCode("rules", "inactivityDays", "sl.error.Min"))
        .andExpect(content().string(containsString("Must be at least 1.")));
    verify(editor, never()).check(any(RulesDraft.class));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processRulesFormHasErrorsForLettersInANumber() throws Exception {
    given(editor.check(any(RulesDraft.class)))
        .willReturn(
            List.of(
                new ConfigError("inactivityDays", "sl.error.NotNull", List.of()),
                new ConfigError("b2bGroup", "sl.error.NotBlank", List.of())));
    mvc.perform(
            post("/admin/smartlists/rules")
                .with(csrf())
                .param("inactivityDays", "ninety")
                .param("browsingThreshold", "2")
                .param("b2bGroup", "")
                .param("bestsellerWindowDays", "90")
                .param("bestsellerHalfLifeDays", "30")
                .param("newArrivalMaxAgeDays", "60")
                .param("rulesVersion", "3"))
        .andExpect(status().isOk())
        .andExpect(model().attributeHasFieldErrorCode("rules", "inactivityDays", "typeMismatch"))
        .andExpect(model().attributeHasFieldErrorCode("rules", "b2bGroup", "sl.error.NotBlank"));
    verify(editor, never()).updateRules(any(), anyLong(), anyString());
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processRulesFormReportsConcurrentEdit() throws Exception {
    given(editor.updateRules(any(), eq(2L), eq("admin")))
        .willThrow(new ConcurrentEditException("rules"));
    mvc.perform(
            post("/admin/smartlists/rules")
                .with(csrf())
                .param("inactivityDays", "120")
                .param("browsingThreshold", "3")
                .param("b2bGroup", "WHOLESALE")
                .param("bestsellerWindowDays", "90")
                .param("bestsellerHalfLifeDays", "30")
                .param("newArrivalMaxAgeDays", "60")
                .param("rulesVersion", "2"))
        .andExpect(status().isOk())
        .andExpect(view().name("smartlists/admin/rules"))
        .andExpect(
            content().string(containsString("Another administrator changed this while you were")))
        .andExpect(content().string(containsString("value=\"WHOLESALE\"")))
        // the version now stored, so saving again is a deliberate choice over the newer rules
        .andExpect(content().string(containsString("name=\"rulesVersion\" value=\"3\"")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processRulesFormSavesAndRedirects() throws Exception {
    mvc.perform(
            post("/admin/smartlists/rules")
                .with(csrf())
                .param("inactivityDays", "120")
                .param("browsingThreshold", "3")
                .param("b2bGroup", "WHOLESALE")
                .param("bestsellerWindowDays", "90")
                .param("bestsellerHalfLifeDays", "30")
                .param("newArrivalMaxAgeDays", "60")
                .param("excludeAlreadyBought", "true")
                .param("rulesVersion", "3"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/smartlists/rules"))
        .andExpect(flash().attribute("message", "Rules saved."));
    ArgumentCaptor<RulesDraft> saved = ArgumentCaptor.forClass(RulesDraft.class);
    verify(editor).updateRules(saved.capture(), eq(3L), eq("admin"));
    assertThat(saved.getValue().b2bGroup()).isEqualTo("WHOLESALE");
    assertThat(saved.getValue().excludeAlreadyBought()).isTrue();
    assertThat(saved.getValue().allowRepeatBuy()).isFalse();
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processRebuildStartsARebuildInTheBackground() throws Exception {
    mvc.perform(post("/admin/smartlists/rules/rebuild").with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/smartlists/rules"))
        .andExpect(flash().attribute("message", containsString("Rebuilding the signals")));
    verify(engine, timeout(5000)).rebuild();
  }

  // ------------------------------------------------------------------ preview

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void showPreviewExplainsStageReasonsAndDroppedCandidates() throws Exception {
    ProductInfo boots = product("p1", "Leather boots");
    ProductInfo socks = product("p2", "Wool socks");
    ProductInfo laces = product("p3", "Laces");
    given(catalog.product("p1")).willReturn(boots);
    given(catalog.product("p3")).willReturn(laces);
    given(customers.customer("c7"))
        .willReturn(new CustomerInfo("c7", "Ada Lovelace", false, Set.of(), Locale.ENGLISH));
    StageDecision stage =
        new StageDecision(JourneyStage.REACTIVATION, Reason.of("stage.reactivation", 3, 200, 180));
    Widget widget =
        new Widget(
            Placement.PRODUCT_PAGE,
            stage,
            List.of(
                new Widget.Slot(
                    0,
                    new SlotConfig(
                        ListType.ORDER_PRODUCT_REMINDERS,
                        Map.of("en", "Time to re-order?"),
                        1,
                        4,
                        null,
                        List.of(),
                        List.of(),
                        List.of()),
                    List.of(
                        new Widget.Item(
                            socks,
                            ListType.ORDER_PRODUCT_REMINDERS,
                            Reason.of("reminder", 41, 35))))),
            Widget.Outcome.OK,
            List.of(
                new Widget.Dropped("p3", 0, ListType.ORDER_PRODUCT_REMINDERS, DropRule.INELIGIBLE)),
            12);
    given(engine.compose(any())).willReturn(widget);

    mvc.perform(
            get("/admin/smartlists/preview")
                .param("placement", "PRODUCT_PAGE")
                .param("customer", "c7")
                .param("products", "p1"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Composed for Ada Lovelace")))
        .andExpect(content().string(containsString("Reactivation")))
        .andExpect(
            content()
                .string(
                    containsString("3 orders, the last one 200 days ago (lapsed after 180 days)")))
        .andExpect(content().string(containsString("Time to re-order?")))
        .andExpect(
            content()
                .string(
                    containsString("last bought 41 days ago, usually re-ordered every 35 days")))
        .andExpect(content().string(containsString("Laces")))
        .andExpect(
            content()
                .string(
                    containsString("Not eligible (inactive, hidden, sold out or not entitled)")));
    ArgumentCaptor<WidgetRequest> request = ArgumentCaptor.forClass(WidgetRequest.class);
    verify(engine).compose(request.capture());
    assertThat(request.getValue().trace()).isTrue();
    assertThat(request.getValue().customerId()).isEqualTo("c7");
    assertThat(request.getValue().contextProductIds()).containsExactly("p1");
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void showPreview_emailPlacement_offersTheEmailAsTheCustomerReceivesIt() throws Exception {
    given(catalog.product("p1")).willReturn(product("p1", "Leather boots"));
    given(customers.customer("c7"))
        .willReturn(new CustomerInfo("c7", "Ada Lovelace", false, Set.of(), Locale.ENGLISH));
    given(engine.compose(any()))
        .willReturn(Widget.empty(Placement.EMAIL_POST_PURCHASE, Widget.Outcome.OK, 3));
    io.smartlists.mail.MailBlock block =
        new io.smartlists.mail.MailBlock(
            "EMAIL_POST_PURCHASE",
            "RETENTION_FIRST_PURCHASE",
            "en",
            "preview",
            "To go with your order: Wool socks",
            "Goes well with",
            "<!doctype html><html><body><table role=\"presentation\"></table></body></html>",
            "Goes well with",
            "https://shop.example/smartlists/for-you?t=x.y",
            List.of(
                new io.smartlists.mail.MailBlock.Slot(
                    0, "SMART_CROSS_SELLING", "Goes well with", List.of())));
    given(mail.preview(any())).willReturn(block);
    given(mail.links())
        .willReturn(
            new io.smartlists.mail.MailLinks(
                new io.smartlists.stats.ClickSigner(new byte[32]),
                "https://shop.example",
                "/smartlists",
                java.time.Duration.ofDays(30),
                java.util.Map.of("utm_medium", "email"),
                java.time.Clock.systemUTC()));

    mvc.perform(
            get("/admin/smartlists/preview")
                .param("placement", "EMAIL_POST_PURCHASE")
                .param("customer", "c7")
                .param("products", "p1"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("To go with your order: Wool socks")))
        // the UTM parameters its links carry
        .andExpect(content().string(containsString("<code>utm_medium=email</code>")))
        .andExpect(
            content()
                .string(
                    containsString(
                        "/admin/smartlists/preview/mail?placement=EMAIL_POST_PURCHASE&amp;customer=c7&amp;products=p1")));
    mvc.perform(
            get("/admin/smartlists/preview/mail")
                .param("placement", "EMAIL_POST_PURCHASE")
                .param("customer", "c7")
                .param("products", "p1"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("role=\"presentation\"")))
        .andExpect(
            header().string("Content-Security-Policy", PreviewController.MAIL_PREVIEW_POLICY));
    ArgumentCaptor<io.smartlists.mail.MailRequest> request =
        ArgumentCaptor.forClass(io.smartlists.mail.MailRequest.class);
    verify(mail, org.mockito.Mockito.times(2)).preview(request.capture());
    assertThat(request.getValue().customerId()).isEqualTo("c7");
    assertThat(request.getValue().orderProductIds()).containsExactly("p1");
    verify(mail, never()).render(any());
    // not an e-mail placement, or an unknown customer: nothing to open
    mvc.perform(
            get("/admin/smartlists/preview/mail")
                .param("placement", "CART")
                .param("customer", "c7"))
        .andExpect(status().isNotFound());
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void showPreviewUnknownProductIsExplained() throws Exception {
    mvc.perform(
            get("/admin/smartlists/preview").param("placement", "CART").param("products", "nope"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Unknown product: nope.")));
    verify(engine, never()).compose(any());
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void showPreviewSaysWhichCrossSellingModelTheBuildChose() throws Exception {
    given(engine.crossSellingModel())
        .willReturn(
            new io.smartlists.engine.signals.copurchase.ModelSelection(
                io.smartlists.engine.signals.copurchase.Family.EASE_HEAD_BLEND,
                0.3f,
                0f,
                55.6f,
                0.5f,
                3000,
                2589,
                30002,
                0.2193f,
                0.2716f,
                0.2624f,
                0.2837f,
                3000,
                0.2837f));
    mvc.perform(get("/admin/smartlists/preview"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("EASE blended with bought together")))
        .andExpect(
            content().string(containsString("50 % EASE over the 3,000 best-selling products")))
        .andExpect(content().string(containsString("your newest 2,589 orders (30,002 products")))
        .andExpect(content().string(containsString("0.2716")));
    mvc.perform(get("/admin/smartlists/preview").locale(Locale.FRENCH))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Cosinus asymétrique")))
        .andExpect(content().string(containsString("EASE sur les 3")));
  }

  // ------------------------------------------------------------------ history and search

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void showHistoryTranslatesEachChange() throws Exception {
    given(editor.history(anyInt()))
        .willReturn(
            List.of(
                new Revision(
                    12346,
                    "bob",
                    Instant.parse("2026-11-23T11:00:00Z"),
                    new Change.Restored(12345)),
                new Revision(
                    2,
                    "alice",
                    Instant.parse("2026-11-23T10:00:00Z"),
                    new Change.SlotChanged(
                        Change.SlotAction.MOVED_UP,
                        ListType.SMART_CROSS_SELLING,
                        PRODUCT_PAGE,
                        ACQUISITION)),
                new Revision(
                    1, "system", Instant.parse("2026-11-22T10:00:00Z"), new Change.Seeded())));
    mvc.perform(get("/admin/smartlists/history"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString("Moved Smart cross-selling up in Product page, Acquisition")))
        .andExpect(content().string(containsString("Restored version 12345")))
        .andExpect(content().string(containsString("Shipped default configuration")))
        .andExpect(content().string(containsString("aria-label=\"Restore version 1\"")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void processRestoreSavesANewVersion() throws Exception {
    given(editor.restore(1, "admin")).willReturn(5L);
    mvc.perform(post("/admin/smartlists/history/1/restore").with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("message", "Version 1 restored as version 5."));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void searchProductsAnswersThePicker() throws Exception {
    given(catalog.searchProducts("boot", 20)).willReturn(List.of(product("p1", "Leather boots")));
    mvc.perform(get("/admin/smartlists/api/products").param("q", "boot"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].value").value("p1"))
        .andExpect(jsonPath("$[0].label").value("Leather boots"));
  }

  private static ProductInfo product(String id, String name) {
    return new ProductInfo(
        id,
        name,
        List.of("c1"),
        "Acme",
        null,
        new BigDecimal("19.90"),
        null,
        "/product/" + id,
        null);
  }
}
