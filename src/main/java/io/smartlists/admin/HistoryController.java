package io.smartlists.admin;

import io.smartlists.merchandising.ConcurrentEditException;
import io.smartlists.merchandising.ConfigValidationException;
import io.smartlists.merchandising.MerchandisingEditor;
import io.smartlists.merchandising.Revision;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Who changed what and when; any earlier version can be restored (as a new version). */
@Controller
final class HistoryController {

  private static final String PATH = AdminPaths.BASE + "/history";

  private final MerchandisingEditor editor;
  private final Labels labels;

  HistoryController(MerchandisingEditor editor, MessageSource messages) {
    this.editor = editor;
    this.labels = new Labels(messages);
  }

  /** One history line, translated. */
  record Entry(long version, String author, Instant at, String what, boolean current) {}

  @GetMapping(PATH)
  String showHistory(Model model) {
    List<Revision> revisions = editor.history(200);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < revisions.size(); i++) {
      Revision r = revisions.get(i);
      entries.add(new Entry(r.version(), r.author(), r.at(), labels.history(r.change()), i == 0));
    }
    model.addAttribute("entries", entries);
    return "smartlists/admin/history";
  }

  @PostMapping(PATH + "/{version}/restore")
  String processRestore(
      @PathVariable long version, Principal principal, RedirectAttributes redirect) {
    try {
      long now = editor.restore(version, principal.getName());
      redirect.addFlashAttribute("message", labels.get("sl.flash.restored", version, now));
    } catch (ConfigValidationException | ConcurrentEditException e) {
      redirect.addFlashAttribute("error", labels.get("sl.error.unknownVersion", version));
    }
    return "redirect:" + PATH;
  }
}
