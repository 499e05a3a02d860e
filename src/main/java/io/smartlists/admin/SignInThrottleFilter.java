package io.smartlists.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in (the POST to the admin's sign-in page) while {@link SignInThrottle} blocks the
 * account or the client address, before any password is checked: the merchant is sent back to the
 * sign-in page with the "too many attempts" message. Put it before the form-login filter. The
 * address is {@code request.getRemoteAddr()}: behind a proxy, have the host trust its forwarded
 * headers ({@code server.forward-headers-strategy}) so that it is the client's.
 */
public final class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;

  public SignInThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !AdminPaths.LOGIN.equals(
            request.getRequestURI().substring(request.getContextPath().length()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (throttle.blocked(request.getParameter("username"), request.getRemoteAddr())) {
      response.sendRedirect(request.getContextPath() + AdminPaths.LOGIN + "?locked");
      return;
    }
    chain.doFilter(request, response);
  }
}
