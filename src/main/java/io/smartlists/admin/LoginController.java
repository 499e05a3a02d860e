package io.smartlists.admin;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The admin's sign-in page (Spring Security processes the POST) and its access-denied page. */
@Controller
final class LoginController {

  @GetMapping(AdminPaths.LOGIN)
  String login() {
    return "smartlists/admin/login";
  }

  @RequestMapping(AdminPaths.DENIED)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String denied() {
    return "smartlists/admin/denied";
  }
}
