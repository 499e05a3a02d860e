package io.smartlists.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Issues the visitor cookie on the first request and exposes the visitor id to every request. */
final class VisitorFilter extends OncePerRequestFilter {

  private final Visitors visitors;

  VisitorFilter(Visitors visitors) {
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
