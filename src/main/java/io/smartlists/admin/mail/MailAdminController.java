package io.smartlists.admin.mail;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import io.smartlists.host.CustomerDirectoryPort;
import io.smartlists.mail.MailUtm;
import io.smartlists.mail.NewsletterJobs;
import io.smartlists.mail.NewsletterSegment;
import io.smartlists.mail.SmartListsMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The E-mail screen: start a newsletter job for a journey stage or pasted customer ids (placement
 * {@code EMAIL_NEWSLETTER}, a language, JSON Lines or CSV), follow it (a progress bar polled from
 * {@link #status}), cancel it, download its result; and the UTM parameters of every e-mail
 * placement. Behind the admin's role and CSRF like every admin path.
 */
@Controller
public final class MailAdminController {

  static final String PATH = "/admin/smartlists/mail";

  /** Most ids a pasted list may hold. */
  static final int MAX_IDS = 200_000;

  private final NewsletterJobs jobs;
  private final SmartListsMail mail;
  private final SmartListsEngine engine;
  private final @Nullable CustomerDirectoryPort directory;
  private final MessageSource messages;

  public MailAdminController(
      NewsletterJobs jobs,
      SmartListsMail mail,
      SmartListsEngine engine,
      @Nullable CustomerDirectoryPort directory,
      MessageSource messages) {
    this.jobs = jobs;
    this.mail = mail;
    this.engine = engine;
    this.directory = directory;
    this.messages = messages;
  }

  /** One placement's row of the UTM form. */
  record UtmRow(
      Placement placement,
      MailUtm.Setting setting,
      boolean saved,
      @Nullable String savedBy,
      Map<String, String> effective) {}

  @GetMapping(PATH)
  String showMail(Model model) {
    model.addAttribute("stages", JourneyStage.values());
    model.addAttribute("stageSegments", directory != null);
    model.addAttribute("formats", NewsletterJobs.Format.values());
    NewsletterJobs.Status status = jobs.status();
    model.addAttribute("job", status == null ? null : view(status));
    MailUtm utm = mail.links().utm();
    List<UtmRow> rows = new ArrayList<>();
    for (Placement p : MailUtm.placements()) {
      MailUtm.Saved s = utm.saved(p);
      Map<String, String> effective = utm.parameters(p.name());
      MailUtm.Setting shown =
          s != null
              ? s.setting()
              : new MailUtm.Setting(
                  effective.getOrDefault("utm_source", ""),
                  effective.getOrDefault("utm_medium", ""),
                  effective.getOrDefault("utm_campaign", ""));
      rows.add(new UtmRow(p, shown, s != null, s == null ? null : s.author(), effective));
    }
    model.addAttribute("utmRows", rows);
    model.addAttribute("utmEditable", utm.editable());
    if (!model.containsAttribute("form")) {
      model.addAttribute(
          "form", new StartForm("stage", JourneyStage.REACTIVATION.name(), "", "", "JSONL"));
    }
    return "smartlists/admin/mail";
  }

  /** The newsletter form as submitted (kept to show it again after an error). */
  record StartForm(String segment, String stage, String ids, String locale, String format) {}

  @PostMapping(PATH + "/newsletter")
  String startNewsletter(
      @RequestParam(defaultValue = "stage") String segment,
      @RequestParam(defaultValue = "") String stage,
      @RequestParam(defaultValue = "") String ids,
      @RequestParam(defaultValue = "") String locale,
      @RequestParam(defaultValue = "JSONL") String format,
      @RequestParam(defaultValue = "EMAIL_NEWSLETTER") String placement,
      Principal principal,
      RedirectAttributes redirect) {
    StartForm form = new StartForm(segment, stage, ids, locale, format);
    redirect.addFlashAttribute("form", form);
    if (!Placement.EMAIL_NEWSLETTER.name().equals(placement)) {
      return error(redirect, "sl.mail.error.placement");
    }
    NewsletterJobs.Format f = enumOrNull(NewsletterJobs.Format.class, format);
    if (f == null) {
      return error(redirect, "sl.mail.error.format");
    }
    Locale l =
        switch (locale) {
          case "" -> null;
          case "en" -> Locale.ENGLISH;
          case "fr" -> Locale.FRENCH;
          default -> Locale.ROOT;
        };
    if (l == Locale.ROOT) {
      return error(redirect, "sl.mail.error.locale");
    }
    NewsletterSegment s;
    String description;
    if ("stage".equals(segment)) {
      JourneyStage js = enumOrNull(JourneyStage.class, stage);
      if (js == null) {
        return error(redirect, "sl.mail.error.stage");
      }
      if (directory == null) {
        return error(redirect, "sl.mail.error.noDirectory");
      }
      s =
          NewsletterSegment.stage(
              directory, engine, js, engine.clock().instant(), NewsletterSegment.BATCH);
      description = "stage:" + js.name();
    } else if ("ids".equals(segment)) {
      List<String> list = Arrays.asList(ids.split("[\\s,;]+"));
      s = NewsletterSegment.ids(list);
      if (s.count() == 0) {
        return error(redirect, "sl.mail.error.noIds");
      }
      if (s.count() > MAX_IDS) {
        return error(redirect, "sl.mail.error.tooManyIds", MAX_IDS);
      }
      description = "ids:" + s.count();
    } else {
      return error(redirect, "sl.mail.error.segment");
    }
    NewsletterJobs.Status started = jobs.start(s, description, l, f, principal.getName());
    if (started == null) {
      return error(redirect, "sl.mail.error.running");
    }
    redirect.addFlashAttribute("message", text("sl.mail.flash.started", started.id()));
    return "redirect:" + PATH + "#job";
  }

  @PostMapping(PATH + "/newsletter/cancel")
  String cancelNewsletter(RedirectAttributes redirect) {
    if (jobs.cancel()) {
      redirect.addFlashAttribute("message", text("sl.mail.flash.cancelled"));
    } else {
      redirect.addFlashAttribute("error", text("sl.mail.error.notRunning"));
    }
    return "redirect:" + PATH + "#job";
  }

  /** The job's progress for the page's script (no job: 404). */
  @GetMapping(value = PATH + "/newsletter/status", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> status() {
    NewsletterJobs.Status s = jobs.status();
    if (s == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view(s));
  }

  /** The finished job's file (404 until a job is done). */
  @GetMapping(PATH + "/newsletter/result")
  ResponseEntity<Resource> result() {
    NewsletterJobs.Status s = jobs.status();
    Path file = jobs.result();
    if (s == null || file == null || !Files.isReadable(file)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "newsletter-" + s.id() + "." + s.format().extension();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(s.format().mediaType() + ";charset=UTF-8"))
        .contentLength(size)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(new FileSystemResource(file));
  }

  @PostMapping(PATH + "/utm/{placement}")
  String saveUtm(
      @PathVariable String placement,
      @RequestParam(name = "utm_source", defaultValue = "") String source,
      @RequestParam(name = "utm_medium", defaultValue = "") String medium,
      @RequestParam(name = "utm_campaign", defaultValue = "") String campaign,
      Principal principal,
      RedirectAttributes redirect) {
    Placement p = enumOrNull(Placement.class, placement);
    MailUtm utm = mail.links().utm();
    if (p == null || !p.email()) {
      return error(redirect, "sl.utm.error.placement");
    }
    if (!utm.editable()) {
      return error(redirect, "sl.utm.error.readOnly");
    }
    MailUtm.Setting setting = new MailUtm.Setting(source.strip(), medium.strip(), campaign.strip());
    List<String> names = MailUtm.PARAMETERS;
    for (int i = 0; i < names.size(); i++) {
      String problem = MailUtm.problem(setting.values().get(i));
      if (problem != null) {
        redirect.addFlashAttribute("utmPlacement", p.name());
        return error(redirect, problem, names.get(i), MailUtm.MAX_LENGTH);
      }
    }
    utm.save(p, setting, principal.getName());
    redirect.addFlashAttribute(
        "message", text("sl.utm.flash.saved", text("sl.placement." + p.name())));
    return "redirect:" + PATH + "#utm-" + p.name();
  }

  private String error(RedirectAttributes redirect, String code, Object... args) {
    redirect.addFlashAttribute("error", text(code, args));
    return "redirect:" + PATH;
  }

  private String text(String code, Object... args) {
    Locale locale = LocaleContextHolder.getLocale();
    String m = messages.getMessage(code, args, code, locale);
    return m == null ? code : m;
  }

  private Map<String, Object> view(NewsletterJobs.Status s) {
    Locale locale = LocaleContextHolder.getLocale();
    NumberFormat n = NumberFormat.getIntegerInstance(locale);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", s.id());
    v.put("state", s.state().name());
    v.put("stateLabel", text("sl.mail.state." + s.state().name()));
    v.put("ended", s.state().ended());
    v.put("segment", s.segment());
    v.put("locale", s.locale());
    v.put("format", s.format().name());
    v.put("startedBy", s.startedBy());
    v.put("startedAt", s.startedAt().toString());
    v.put("endedAt", s.endedAt() == null ? null : s.endedAt().toString());
    v.put("done", s.done());
    v.put("empty", s.empty());
    v.put("written", s.written());
    v.put("total", s.total());
    v.put("percent", s.percent());
    v.put("perSecond", Math.round(s.perSecond()));
    v.put("etaSeconds", s.etaSeconds());
    v.put("error", s.error());
    String total = s.total() == null ? "?" : n.format(s.total());
    long eta = s.etaSeconds();
    String etaText =
        eta < 0 || s.state().ended()
            ? "–"
            : eta / 60 + ":" + String.format(Locale.ROOT, "%02d", eta % 60);
    v.put(
        "summary",
        text(
            "sl.mail.progress",
            n.format(s.done()),
            total,
            n.format(Math.round(s.perSecond())),
            etaText,
            n.format(s.written()),
            n.format(s.empty())));
    return v;
  }

  private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, String name) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
