package io.smartlists.demo.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox: every e-mail the store sent (as GreenMail received it), newest first, each readable
 * as the recipient's mail client renders it ({@code /outbox/{n}}) and as plain text ({@code
 * /outbox/{n}/text}); and the action that sends the reactivation e-mails.
 */
@Controller
class OutboxController {

  /** One sent e-mail in the list. */
  record Sent(int index, String to, String subject, String placement, @Nullable Instant sentAt) {}

  private final GreenMail smtp;
  private final DemoMailer mailer;

  OutboxController(GreenMail smtp, DemoMailer mailer) {
    this.smtp = smtp;
    this.mailer = mailer;
  }

  @GetMapping("/outbox")
  String showOutbox(Model model) throws MessagingException {
    MimeMessage[] messages = smtp.getReceivedMessages();
    List<Sent> sent = new ArrayList<>();
    for (int i = messages.length - 1; i >= 0; i--) {
      MimeMessage m = messages[i];
      String[] placement = m.getHeader("X-SmartLists-Placement");
      sent.add(
          new Sent(
              i,
              String.join(", ", List.of(m.getHeader("To", ",").split(","))),
              m.getSubject(),
              placement == null ? "" : placement[0],
              m.getSentDate() == null ? null : m.getSentDate().toInstant()));
    }
    model.addAttribute("sent", sent);
    return "demo/outbox";
  }

  @GetMapping("/outbox/{index}")
  ResponseEntity<String> showHtml(@PathVariable int index) throws Exception {
    return part(index, "text/html", MediaType.TEXT_HTML);
  }

  @GetMapping("/outbox/{index}/text")
  ResponseEntity<String> showText(@PathVariable int index) throws Exception {
    return part(index, "text/plain", MediaType.TEXT_PLAIN);
  }

  @PostMapping("/outbox/reactivation")
  String sendReactivation(RedirectAttributes redirect) {
    int sent = mailer.sendReactivation(50);
    redirect.addFlashAttribute("message", sent + " reactivation e-mails sent to lapsed customers.");
    return "redirect:/outbox";
  }

  private ResponseEntity<String> part(int index, String mimeType, MediaType as)
      throws MessagingException, IOException {
    MimeMessage[] messages = smtp.getReceivedMessages();
    if (index < 0 || index >= messages.length) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    String body = MimeParts.find(messages[index], mimeType);
    if (body == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    return ResponseEntity.ok()
        .contentType(new MediaType(as, java.nio.charset.StandardCharsets.UTF_8))
        .body(body);
  }
}
