package io.smartlists.admin;

import io.smartlists.merchandising.ConcurrentEditException;
import io.smartlists.merchandising.SlotNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin never shows a stack trace: a cell changed under the merchant's feet sends them back to
 * the matrix with the conflict message; a bad address is a "not found" page; anything else is
 * logged and explained in one sentence.
 */
@ControllerAdvice(basePackageClasses = AdminPaths.class)
final class AdminExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(AdminExceptionHandler.class);

  private final Labels labels;

  AdminExceptionHandler(MessageSource messages) {
    this.labels = new Labels(messages);
  }

  @ExceptionHandler(ConcurrentEditException.class)
  String concurrentEdit(RedirectAttributes redirect) {
    redirect.addFlashAttribute("error", labels.get("sl.error.concurrentEdit"));
    return "redirect:" + AdminPaths.BASE;
  }

  @ExceptionHandler({
    TypeMismatchException.class,
    ResponseStatusException.class,
    SlotNotFoundException.class
  })
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("problem", labels.get("sl.error.notFound"));
    return "smartlists/admin/problem";
  }

  /** A request no admin page sends (a move other than up or down, a missing parameter). */
  @ExceptionHandler({BadAdminRequestException.class, MissingServletRequestParameterException.class})
  String badRequest(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("problem", labels.get("sl.error.badRequest"));
    return "smartlists/admin/problem";
  }

  @ExceptionHandler(RuntimeException.class)
  String unexpected(RuntimeException e, HttpServletResponse response, Model model) {
    log.error("Smart Lists admin: unexpected failure", e);
    response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    model.addAttribute("problem", labels.get("sl.error.unexpected"));
    return "smartlists/admin/problem";
  }
}
