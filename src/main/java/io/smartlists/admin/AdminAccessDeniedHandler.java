package io.smartlists.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Tells a missing role from a rejected form: a CSRF rejection (the form's token expired with the
 * session, or is missing) is not a permissions problem, so it gets its own message ("the page had
 * expired; reload it and try again") on the denied page instead of "your account does not have the
 * role". Both answer 403.
 */
public final class AdminAccessDeniedHandler implements AccessDeniedHandler {

  /** Request attribute the denied page reads to show the expired-form message. */
  public static final String EXPIRED = "smartlistsFormExpired";

  private final AccessDeniedHandlerImpl forward = new AccessDeniedHandlerImpl();

  public AdminAccessDeniedHandler() {
    forward.setErrorPage(AdminPaths.DENIED);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    if (denied instanceof CsrfException) {
      request.setAttribute(EXPIRED, Boolean.TRUE);
    }
    forward.handle(request, response, denied);
  }
}
