package io.smartlists.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issues the visitor cookie on the first request and exposes the visitor id to every request.
 * Register it before Spring Security's filter chain ({@link #ORDER}), so even a sign-in page gets a
 * visitor id.
 */
public final class VisitorFilter extends OncePerRequestFilter {

  /** Before Spring Security's filter chain (-100). */
  public static final int ORDER = -110;

  private final Visitors visitors;

  public VisitorFilter(Visitors visitors) {
    this.visitors = visitors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    visitors.ensure(request, response);
    chain.doFilter(request, response);
  }
}
