package io.smartlists.demo.customer;

import io.smartlists.host.CurrentCustomerPort;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in customer of the current request, kept in the HTTP session like Broadleaf's {@code
 * CustomerState}. Implements the module's {@link CurrentCustomerPort}.
 */
@Component
public final class CurrentCustomer implements CurrentCustomerPort {

  static final String SESSION_ATTRIBUTE = CurrentCustomer.class.getName() + ".ID";

  @Override
  public @Nullable String currentCustomerId() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      return customerId(servlet.getRequest());
    }
    return null;
  }

  /** The signed-in customer's id on this request, or null. */
  public @Nullable String customerId(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String id
        ? id
        : null;
  }

  void signIn(HttpServletRequest request, String customerId) {
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(SESSION_ATTRIBUTE, customerId);
  }

  void signOut(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }
}
