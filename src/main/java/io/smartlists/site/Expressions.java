package io.smartlists.site;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.IServletWebExchange;

/**
 * Shared helpers of the dialect's processors (expressions are parsed through Thymeleaf's cache).
 */
final class Expressions {

  private Expressions() {}

  /** Evaluates a standard expression ({@code ${...}}, a literal, a token). */
  static @Nullable Object evaluate(ITemplateContext context, String expression) {
    return StandardExpressions.getExpressionParser(context.getConfiguration())
        .parseExpression(context, expression)
        .execute(context);
  }

  /** A product id, or a collection / array / comma-separated string of them, as a list of ids. */
  static List<String> ids(@Nullable Object value) {
    if (value == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        add(ids, o);
      }
    } else if (value instanceof Object[] a) {
      for (Object o : a) {
        add(ids, o);
      }
    } else if (value instanceof long[] a) {
      for (long l : a) {
        ids.add(Long.toString(l));
      }
    } else if (value instanceof int[] a) {
      for (int i : a) {
        ids.add(Integer.toString(i));
      }
    } else if (value instanceof String s && s.indexOf(',') >= 0) {
      for (String part : s.split(",")) {
        add(ids, part);
      }
    } else {
      add(ids, value);
    }
    return ids;
  }

  private static void add(List<String> ids, @Nullable Object o) {
    if (o != null) {
      String s = o.toString().trim();
      if (!s.isEmpty()) {
        ids.add(s);
      }
    }
  }

  /**
   * The servlet request behind a web template context, or null (e-mail, tests without a request).
   */
  static @Nullable HttpServletRequest request(ITemplateContext context) {
    if (context instanceof IWebContext web) {
      IWebExchange exchange = web.getExchange();
      if (exchange instanceof IServletWebExchange servlet
          && servlet.getNativeRequestObject() instanceof HttpServletRequest request) {
        return request;
      }
    }
    return null;
  }
}
