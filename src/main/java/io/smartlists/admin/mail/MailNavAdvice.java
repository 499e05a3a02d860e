package io.smartlists.admin.mail;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the admin's layout to show the E-mail screen in its navigation (only when it exists). */
@ControllerAdvice(basePackages = "io.smartlists.admin")
public final class MailNavAdvice {

  @ModelAttribute("slMailNav")
  boolean mailNav() {
    return true;
  }
}
