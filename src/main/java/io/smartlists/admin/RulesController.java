package io.smartlists.admin;

import io.smartlists.config.ConcurrentEditException;
import io.smartlists.config.ConfigError;
import io.smartlists.config.ConfigService;
import io.smartlists.config.RulesForm;
import java.security.Principal;
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
  private static final String PATH = AdminWebConfiguration.BASE + "/rules";

  private final ConfigService config;
  private final Labels labels;

  RulesController(ConfigService config, MessageSource messages) {
    this.config = config;
    this.labels = new Labels(messages);
  }

  @InitBinder("rules")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields(
        "inactivityDays", "browsingThreshold", "b2bGroup", "bestsellerWindowDays",
        "bestsellerHalfLifeDays", "newArrivalMaxAgeDays", "excludeAlreadyBought",
        "allowRepeatBuy", "rulesVersion");
  }

  @GetMapping(PATH)
  String initRulesForm(Model model) {
    model.addAttribute("rules", RulesForm.of(config.rules()));
    return VIEW;
  }

  @PostMapping(PATH)
  String processRulesForm(
      @ModelAttribute("rules") RulesForm form,
      BindingResult result,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    for (ConfigError e : config.check(form)) {
      if (!result.hasFieldErrors(e.field())) {
        Object[] args = e.args().toArray();
        result.rejectValue(e.field(), e.code(), args, labels.get(e.code(), args));
      }
    }
    if (result.hasErrors()) {
      model.addAttribute("errorSummary", labels.get("sl.error.summary"));
      return VIEW;
    }
    try {
      config.updateRules(form, principal.getName());
    } catch (ConcurrentEditException e) {
      result.reject("sl.error.concurrentEdit", labels.get("sl.error.concurrentEdit"));
      model.addAttribute("errorSummary", labels.get("sl.error.concurrentEdit"));
      form.setRulesVersion(config.rules().version());
      return VIEW;
    }
    redirect.addFlashAttribute("message", labels.get("sl.flash.rulesSaved"));
    return "redirect:" + PATH;
  }
}
