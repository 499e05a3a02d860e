package io.smartlists.admin;

import io.smartlists.engine.model.DefaultConfiguration;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.SlotConfig;
import io.smartlists.merchandising.CellView;
import io.smartlists.merchandising.ConcurrentEditException;
import io.smartlists.merchandising.ConfigValidationException;
import io.smartlists.merchandising.MerchandisingEditor;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The journey matrix: for every stage (rows) and placement (columns) the ordered slots, with the
 * lists DESIGN.md §4 recommends for the stage marked and one line of advice; slots move up and down
 * and are removed right here, each action a small form so it works with the keyboard alone.
 */
@Controller
final class MatrixController {

  private final MerchandisingEditor editor;
  private final Labels labels;

  MatrixController(MerchandisingEditor editor, MessageSource messages) {
    this.editor = editor;
    this.labels = new Labels(messages);
  }

  /** One row of the matrix: a stage, its recommended palette and its cells per placement. */
  record StageRow(JourneyStage stage, List<ListType> recommended, List<CellView> cells) {

    /** True when the slot's list is in the stage's recommended palette. */
    boolean isRecommended(SlotConfig slot) {
      return recommended.contains(slot.type());
    }
  }

  @GetMapping(AdminPaths.BASE)
  String showMatrix(Model model) {
    List<CellView> all = editor.cells();
    List<StageRow> rows = new ArrayList<>();
    for (JourneyStage stage : JourneyStage.values()) {
      List<CellView> cells = new ArrayList<>();
      for (Placement p : Placement.values()) {
        for (CellView c : all) {
          if (c.placement() == p && c.stage() == stage) {
            cells.add(c);
          }
        }
      }
      rows.add(new StageRow(stage, DefaultConfiguration.recommended(stage), cells));
    }
    model.addAttribute("placements", Placement.values());
    model.addAttribute("rows", rows);
    model.addAttribute("version", editor.currentVersion());
    return "smartlists/admin/matrix";
  }

  @PostMapping(AdminPaths.BASE + "/cells/{placement}/{stage}/slots/{index}/move")
  String processMove(
      @PathVariable Placement placement,
      @PathVariable JourneyStage stage,
      @PathVariable int index,
      @RequestParam String direction,
      @RequestParam long cellVersion,
      Principal principal,
      RedirectAttributes redirect) {
    int delta;
    if ("up".equals(direction)) {
      delta = -1;
    } else if ("down".equals(direction)) {
      delta = 1;
    } else {
      throw new BadAdminRequestException("move direction must be up or down");
    }
    try {
      editor.moveSlot(placement, stage, index, delta, cellVersion, principal.getName());
      redirect.addFlashAttribute(
          "message", labels.get("sl.flash.moved", cellName(placement, stage)));
      redirect.addFlashAttribute(
          "focus", "move-" + direction + "-" + placement + "-" + stage + "-" + (index + delta));
    } catch (ConcurrentEditException e) {
      redirect.addFlashAttribute("error", labels.get("sl.error.concurrentEdit"));
    } catch (ConfigValidationException e) {
      redirect.addFlashAttribute("error", labels.get("sl.error.cannotMove"));
    }
    return redirectToCell(placement, stage);
  }

  @PostMapping(AdminPaths.BASE + "/cells/{placement}/{stage}/slots/{index}/remove")
  String processRemove(
      @PathVariable Placement placement,
      @PathVariable JourneyStage stage,
      @PathVariable int index,
      @RequestParam long cellVersion,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      editor.removeSlot(placement, stage, index, cellVersion, principal.getName());
      redirect.addFlashAttribute(
          "message", labels.get("sl.flash.removed", cellName(placement, stage)));
    } catch (ConcurrentEditException e) {
      redirect.addFlashAttribute("error", labels.get("sl.error.concurrentEdit"));
    }
    return redirectToCell(placement, stage);
  }

  private String cellName(Placement placement, JourneyStage stage) {
    return labels.placement(placement) + " × " + labels.stage(stage);
  }

  static String redirectToCell(Placement placement, JourneyStage stage) {
    return "redirect:" + AdminPaths.BASE + "#cell-" + placement + "-" + stage;
  }
}
