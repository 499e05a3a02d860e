package io.smartlists.admin;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.merchandising.ConcurrentEditException;
import io.smartlists.merchandising.ConfigError;
import io.smartlists.merchandising.ConfigValidationException;
import io.smartlists.merchandising.MerchandisingEditor;
import io.smartlists.merchandising.RulesDraft;
import java.security.Principal;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Stage thresholds (inactivity, browsing, B2B group) and global rules (windows, exclusions). */
@Controller
final class RulesController {

  private static final String VIEW = "smartlists/admin/rules";
  private static final String PATH = AdminPaths.BASE + "/rules";

  private final MerchandisingEditor editor;
  private final Labels labels;
  private final RebuildCoalescer rebuilds;

  RulesController(MerchandisingEditor editor, SmartListsEngine engine, MessageSource messages) {
    this.editor = editor;
    this.labels = new Labels(messages);
    this.rebuilds = new RebuildCoalescer(engine::rebuild);
  }

  @InitBinder("rules")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields(
        "inactivityDays",
        "browsingThreshold",
        "b2bGroup",
        "bestsellerWindowDays",
        "bestsellerHalfLifeDays",
        "newArrivalMaxAgeDays",
        "excludeAlreadyBought",
        "allowRepeatBuy",
        "rulesVersion");
  }

  @GetMapping(PATH)
  String initRulesForm(Model model) {
    model.addAttribute("rules", RulesForm.of(editor.rules()));
    return VIEW;
  }

  @PostMapping(PATH)
  String processRulesForm(
      @ModelAttribute("rules") RulesForm form,
      BindingResult result,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    RulesDraft draft = form.toDraft();
    if (result.hasErrors()) {
      // type mismatches (letters in a number field) are reported by the binder; add the rest
      return showErrors(editor.check(draft), result, model);
    }
    try {
      editor.updateRules(draft, form.getRulesVersion(), principal.getName());
    } catch (ConfigValidationException e) {
      return showErrors(e.errors(), result, model);
    } catch (ConcurrentEditException e) {
      result.reject("sl.error.concurrentEdit", labels.get("sl.error.concurrentEdit"));
      model.addAttribute("errorSummary", labels.get("sl.error.concurrentEdit"));
      form.setRulesVersion(editor.rules().version());
      return VIEW;
    }
    redirect.addFlashAttribute("message", labels.get("sl.flash.rulesSaved"));
    return "redirect:" + PATH;
  }

  private String showErrors(List<ConfigError> errors, BindingResult result, Model model) {
    for (ConfigError e : errors) {
      if (!result.hasFieldErrors(e.field())) {
        Object[] args = e.args().toArray();
        result.rejectValue(e.field(), e.code(), args, labels.get(e.code(), args));
      }
    }
    model.addAttribute("errorSummary", labels.get("sl.error.summary"));
    return VIEW;
  }

  /**
   * Rebuilds the signals from the order history in the background, so that a new bestseller window
   * or half-life applies now rather than at the next scheduled rebuild; widgets keep being served
   * from the previous signals meanwhile. Clicks are coalesced: one rebuild runs, at most one more
   * waits.
   */
  @PostMapping(PATH + "/rebuild")
  String processRebuild(RedirectAttributes redirect) {
    RebuildCoalescer.Outcome outcome = rebuilds.request();
    redirect.addFlashAttribute(
        "message",
        labels.get(
            outcome == RebuildCoalescer.Outcome.STARTED
                ? "sl.flash.rebuilding"
                : "sl.flash.rebuildQueued"));
    return "redirect:" + PATH;
  }
}
