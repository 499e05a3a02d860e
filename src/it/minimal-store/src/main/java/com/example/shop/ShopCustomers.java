package com.example.shop;

import io.smartlists.host.CurrentCustomerPort;
import io.smartlists.host.CustomerInfo;
import io.smartlists.host.CustomerPort;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Step 2, the customer ports: {@link CustomerPort} (who a customer is: B2B, groups, locale) and
 * {@link CurrentCustomerPort} (who is signed in on this request). This store "signs in" by putting
 * the customer id in the session; a real store reads its security context.
 */
@Component
public class ShopCustomers implements CustomerPort, CurrentCustomerPort {

  static final String SESSION_CUSTOMER = "customerId";

  @Override
  public CustomerInfo customer(String customerId) {
    return new CustomerInfo(customerId, customerId, false, Set.of(), Locale.ENGLISH);
  }

  @Override
  public List<CustomerInfo> search(String query, int limit) {
    return List.of(customer(query));
  }

  @Override
  public String currentCustomerId() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (!(attributes instanceof ServletRequestAttributes servlet)) {
      return null;
    }
    HttpSession session = servlet.getRequest().getSession(false);
    return session == null ? null : (String) session.getAttribute(SESSION_CUSTOMER);
  }
}
