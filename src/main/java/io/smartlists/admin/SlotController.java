package io.smartlists.admin;

import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.ProductInfo;
import io.smartlists.merchandising.CatalogueLookups;
import io.smartlists.merchandising.CellView;
import io.smartlists.merchandising.ConcurrentEditException;
import io.smartlists.merchandising.ConfigError;
import io.smartlists.merchandising.ConfigValidationException;
import io.smartlists.merchandising.MerchandisingEditor;
import io.smartlists.merchandising.SlotDraft;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The slot editor: list type, titles in English and French, item counts, the parameter the list
 * needs (categories, manufacturers or products, with pickers that search the catalogue) and the
 * fallback. Invalid input comes back with a message next to the field; a cell another administrator
 * saved meanwhile is reported, never overwritten.
 */
@Controller
final class SlotController {

  private static final String VIEW = "smartlists/admin/slot";
  private static final String CELL = AdminPaths.BASE + "/cells/{placement}/{stage}";

  private final MerchandisingEditor editor;
  private final CatalogueLookups lookups;
  private final CatalogPort catalog;
  private final Labels labels;

  SlotController(
      MerchandisingEditor editor,
      CatalogueLookups lookups,
      CatalogPort catalog,
      MessageSource messages) {
    this.editor = editor;
    this.lookups = lookups;
    this.catalog = catalog;
    this.labels = new Labels(messages);
  }

  @InitBinder("slot")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields(
        "type",
        "titleEn",
        "titleFr",
        "minItems",
        "maxItems",
        "fallback",
        "categories",
        "manufacturers",
        "products",
        "cellVersion");
  }

  @GetMapping(CELL + "/slots/new")
  String initNewSlotForm(
      @PathVariable Placement placement, @PathVariable JourneyStage stage, Model model) {
    CellView cell = editor.cell(placement, stage);
    SlotForm form = new SlotForm();
    form.setCellVersion(cell.version());
    return show(model, cell, null, form);
  }

  @PostMapping(CELL + "/slots/new")
  String processNewSlotForm(
      @PathVariable Placement placement,
      @PathVariable JourneyStage stage,
      @ModelAttribute("slot") SlotForm form,
      BindingResult result,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return save(placement, stage, null, form, result, principal, model, redirect);
  }

  @GetMapping(CELL + "/slots/{index}")
  String initSlotForm(
      @PathVariable Placement placement,
      @PathVariable JourneyStage stage,
      @PathVariable int index,
      Model model) {
    CellView cell = editor.cell(placement, stage);
    if (index < 0 || index >= cell.slots().size()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return show(model, cell, index, SlotForm.of(cell.slots().get(index), cell.version()));
  }

  @PostMapping(CELL + "/slots/{index}")
  String processSlotForm(
      @PathVariable Placement placement,
      @PathVariable JourneyStage stage,
      @PathVariable int index,
      @ModelAttribute("slot") SlotForm form,
      BindingResult result,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    return save(placement, stage, index, form, result, principal, model, redirect);
  }

  private String save(
      Placement placement,
      JourneyStage stage,
      @Nullable Integer index,
      SlotForm form,
      BindingResult result,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    SlotDraft draft = form.toDraft();
    if (result.hasErrors()) {
      // type mismatches (letters in a number field) are reported by the binder; add the rest
      for (ConfigError e : editor.check(draft)) {
        if (!result.hasFieldErrors(e.field())) {
          reject(result, e);
        }
      }
      model.addAttribute("errorSummary", labels.get("sl.error.summary"));
      return show(model, editor.cell(placement, stage), index, form);
    }
    try {
      if (index == null) {
        editor.addSlot(placement, stage, draft, form.getCellVersion(), principal.getName());
      } else {
        editor.updateSlot(
            placement, stage, index, draft, form.getCellVersion(), principal.getName());
      }
    } catch (ConcurrentEditException e) {
      CellView now = editor.cell(placement, stage);
      result.reject("sl.error.concurrentEdit", labels.get("sl.error.concurrentEdit"));
      model.addAttribute("errorSummary", labels.get("sl.error.concurrentEdit"));
      // the merchant's input stays; saving again is a deliberate choice over the newer cell
      form.setCellVersion(now.version());
      return show(model, now, index, form);
    } catch (ConfigValidationException e) {
      for (ConfigError err : e.errors()) {
        reject(result, err);
      }
      model.addAttribute("errorSummary", labels.get("sl.error.summary"));
      return show(model, editor.cell(placement, stage), index, form);
    }
    ListType type = form.getType();
    redirect.addFlashAttribute(
        "message",
        labels.get(
            "sl.flash.slotSaved",
            type == null ? "" : labels.list(type),
            labels.placement(placement) + " × " + labels.stage(stage)));
    return MatrixController.redirectToCell(placement, stage);
  }

  private void reject(BindingResult result, ConfigError e) {
    Object[] args = e.args().toArray();
    String text = labels.get(e.code(), args);
    if (e.field().isEmpty()) {
      result.reject(e.code(), args, text);
    } else {
      result.rejectValue(e.field(), e.code(), args, text);
    }
  }

  /** A chosen parameter value with the name a merchant recognises (or a warning when unknown). */
  record Chosen(String value, @Nullable String name) {}

  private String show(Model model, CellView cell, @Nullable Integer index, SlotForm form) {
    List<ListType> recommended = DefaultConfiguration.recommended(cell.stage());
    List<ListType> fallbacks = new ArrayList<>();
    Map<ListType, String> needs = new EnumMap<>(ListType.class);
    for (ListType t : ListType.values()) {
      needs.put(t, t.param().name());
      if (t.param() == ListType.Param.NONE) {
        fallbacks.add(t);
      }
    }
    List<Chosen> categories = new ArrayList<>();
    for (String id : form.categoryList()) {
      categories.add(new Chosen(id, lookups.categoryPath(id)));
    }
    List<Chosen> products = new ArrayList<>();
    for (String id : form.productList()) {
      ProductInfo p = catalog.product(id);
      products.add(new Chosen(id, p == null ? null : p.name()));
    }
    List<SlotConfig> others = cell.slots();
    model.addAttribute("cell", cell);
    model.addAttribute("index", index);
    model.addAttribute("slot", form);
    model.addAttribute("types", ListType.values());
    model.addAttribute("recommended", recommended);
    model.addAttribute("fallbacks", fallbacks);
    model.addAttribute("needs", needs);
    model.addAttribute("chosenCategories", categories);
    model.addAttribute("chosenProducts", products);
    model.addAttribute("others", others);
    model.addAttribute(
        "action",
        AdminPaths.BASE
            + "/cells/"
            + cell.placement()
            + "/"
            + cell.stage()
            + "/slots/"
            + (index == null ? "new" : index));
    return VIEW;
  }
}
