package io.smartlists.mail;

import ch.digitalfondue.mjml4j.Mjml4j;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an e-mail block's two templates: {@code <name>.mjml} (Thymeleaf XML mode, then MJML to
 * HTML through mjml4j) and {@code <name>.txt} (Thymeleaf text mode), both found on the classpath
 * below {@code templates/}, so a store theme overrides {@code smartlists/mail/block.mjml} by
 * shipping its own earlier on the classpath or by naming another template.
 *
 * <p>MJML costs milliseconds per document, too slow for a newsletter to thousands of recipients. So
 * a template is rendered once per <em>shape</em> (the number of slots, of items per slot, which
 * items have an image, the language) with placeholders in place of every per-recipient value; the
 * compiled HTML is cached as literal segments, and each block only appends the segments and its own
 * values, HTML-escaped. The template therefore must output every variable value as it is (no
 * formatting of a placeholder in the template); values are escaped once, here.
 */
final class MailTemplates {

  private static final String OPEN = "zqslv";
  private static final String CLOSE = "vlsqz";
  private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

  private final SpringTemplateEngine thymeleaf;
  private final String template;
  private final Cache<Key, Compiled> compiled = Caffeine.newBuilder().maximumSize(2_000).build();

  /**
   * @param template the template's name below {@code templates/} without extension, e.g. {@code
   *     smartlists/mail/block}
   */
  MailTemplates(String template) {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setXmlTemplateModePatterns(java.util.Set.of("*.mjml"));
    resolver.setTextTemplateModePatterns(java.util.Set.of("*.txt"));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    this.thymeleaf = new SpringTemplateEngine();
    this.thymeleaf.setTemplateResolver(resolver);
    this.template = template;
  }

  /** A placeholder for value number {@code index}. */
  static String placeholder(int index) {
    return OPEN + index + CLOSE;
  }

  /**
   * The HTML and text of one block.
   *
   * @param shape identifies the template model's structure (equal shapes, equal models but values)
   * @param model the template model, every per-recipient value a {@link #placeholder}
   * @param values the values, by placeholder index
   */
  Rendered render(String shape, Map<String, Object> model, List<String> values) {
    Compiled c = compiled.get(new Key(shape), k -> compile(model));
    return new Rendered(c.html.fill(values, true), c.text.fill(values, false));
  }

  private Compiled compile(Map<String, Object> model) {
    Context context = new Context();
    context.setVariables(model);
    String mjml = thymeleaf.process(template + ".mjml", context);
    String html = Mjml4j.render(mjml);
    String text = thymeleaf.process(template + ".txt", context);
    return new Compiled(Segments.of(html), Segments.of(text));
  }

  private record Key(String shape) {}

  private record Compiled(Segments html, Segments text) {}

  /** The rendered block. */
  record Rendered(String html, String text) {}

  /** A compiled document: literal text and placeholder indices, alternating. */
  private record Segments(List<String> literals, int[] indices) {

    static Segments of(String document) {
      List<String> literals = new ArrayList<>();
      List<Integer> indices = new ArrayList<>();
      Matcher m = PLACEHOLDER.matcher(document);
      int at = 0;
      while (m.find()) {
        literals.add(document.substring(at, m.start()));
        indices.add(Integer.parseInt(m.group(1)));
        at = m.end();
      }
      literals.add(document.substring(at));
      int[] idx = new int[indices.size()];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = indices.get(i);
      }
      return new Segments(List.copyOf(literals), idx);
    }

    String fill(List<String> values, boolean escape) {
      StringBuilder s = new StringBuilder(literals.get(0).length() * 2 + 1024);
      s.append(literals.get(0));
      for (int i = 0; i < indices.length; i++) {
        String v = values.get(indices[i]);
        if (escape) {
          escapeHtml(v, s);
        } else {
          s.append(v);
        }
        s.append(literals.get(i + 1));
      }
      return s.toString();
    }
  }

  static void escapeHtml(String v, StringBuilder s) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
  }
}
