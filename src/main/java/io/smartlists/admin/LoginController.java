package io.smartlists.admin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The admin's sign-in page (Spring Security processes the POST) and its access-denied page. */
@Controller
final class LoginController {

  private final ObjectProvider<SignInThrottle> throttle;

  LoginController(ObjectProvider<SignInThrottle> throttle) {
    this.throttle = throttle;
  }

  @GetMapping(AdminPaths.LOGIN)
  String login(Model model) {
    SignInThrottle t = throttle.getIfAvailable();
    model.addAttribute(
        "lockMinutes", t == null ? 15 : Math.max(1, (t.lock().toSeconds() + 59) / 60));
    return "smartlists/admin/login";
  }

  @RequestMapping(AdminPaths.DENIED)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String denied() {
    return "smartlists/admin/denied";
  }
}
