package io.smartlists.admin.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.smartlists.autoconfigure.AdminWebConfiguration;
import io.smartlists.autoconfigure.SmartListsAdminAutoConfiguration;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import io.smartlists.engine.model.Reason;
import io.smartlists.engine.model.StageDecision;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerDirectoryPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.mail.MailBlock;
import io.smartlists.mail.MailLinks;
import io.smartlists.mail.MailUtm;
import io.smartlists.mail.MemoryUtmStore;
import io.smartlists.mail.NewsletterJobs;
import io.smartlists.mail.SmartListsMail;
import io.smartlists.merchandising.MerchandisingEditor;
import io.smartlists.stats.ClickSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The E-mail screen through the admin's real security chain, templates and bundles: the newsletter
 * job (start, one at a time, status JSON, cancel, download), the UTM form (saved, validated), the
 * role and CSRF. The e-mail service renders a fixed block; the engine resolves stages by id.
 */
@WebMvcTest
@ContextConfiguration(
    classes = {
      AdminWebConfiguration.class,
      SmartListsAdminAutoConfiguration.AdminSecurity.class,
      SmartListsAdminAutoConfiguration.AdminMessages.class,
      MailAdminControllerTests.Beans.class
    })
class MailAdminControllerTests {

  static final String PAGE = "/admin/smartlists/mail";

  @TempDir static Path dir;

  /** The customers the directory lists; "lapsed*" resolve to REACTIVATION. */
  static final List<String> CUSTOMERS = List.of("a1", "lapsed1", "b2", "lapsed2", "c3");

  /** Rendering waits for this gate (to hold a job open while the test looks at it). */
  static volatile CountDownLatch gate = new CountDownLatch(0);

  @TestConfiguration
  @Import(MailNavAdvice.class)
  static class Beans {
    @Bean
    MemoryUtmStore store() {
      return new MemoryUtmStore();
    }

    @Bean
    MailUtm utm(MemoryUtmStore store) {
      return new MailUtm(
          Map.of("utm_medium", "email"), store, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @Bean
    NewsletterJobs jobs(SmartListsMail mail) {
      return new NewsletterJobs(mail, 1, 0, dir, Clock.systemUTC());
    }

    @Bean
    CustomerDirectoryPort directory() {
      return (last, size) -> {
        int from = last == null ? 0 : CUSTOMERS.indexOf(last) + 1;
        return CUSTOMERS.subList(from, Math.min(CUSTOMERS.size(), from + size));
      };
    }

    @Bean
    MailAdminController controller(
        NewsletterJobs jobs,
        SmartListsMail mail,
        SmartListsEngine engine,
        CustomerDirectoryPort directory,
        MessageSource messages) {
      return new MailAdminController(jobs, mail, engine, directory, messages);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired NewsletterJobs jobs;
  @Autowired MemoryUtmStore store;
  @Autowired MailUtm utm;
  @MockitoBean SmartListsMail mail;
  @MockitoBean SmartListsEngine engine;
  @MockitoBean MerchandisingEditor editor;
  @MockitoBean CatalogPort catalog;
  @MockitoBean CustomerPort customers;

  @BeforeEach
  void wire() {
    gate = new CountDownLatch(0);
    MailLinks links =
        new MailLinks(
            new ClickSigner("a-test-secret-of-32-bytes-length".getBytes(StandardCharsets.UTF_8)),
            "https://shop.example",
            "/smartlists",
            Duration.ofDays(30),
            utm,
            Clock.systemUTC());
    given(mail.links()).willReturn(links);
    given(mail.render(any()))
        .willAnswer(
            a -> {
              gate.await(30, TimeUnit.SECONDS);
              return new MailBlock(
                  "EMAIL_NEWSLETTER",
                  "REACTIVATION",
                  "en",
                  "send",
                  "Picked for you: \"Boots\"",
                  "",
                  "<table role=\"presentation\"><tr><td>Boots</td></tr></table>",
                  "Boots\nhttps://shop.example/x",
                  "https://shop.example/smartlists/for-you",
                  List.of(
                      new MailBlock.Slot(
                          0,
                          "SMART_CROSS_SELLING",
                          "Goes well with",
                          List.of(
                              new MailBlock.Item(
                                  "p1",
                                  "Boots",
                                  "https://shop.example/x",
                                  null,
                                  "10.00",
                                  "Because you bought Socks",
                                  "SMART_CROSS_SELLING",
                                  false)))));
            });
    given(engine.clock()).willReturn(Clock.systemUTC());
    given(engine.resolveStage(anyString(), anyString(), any()))
        .willAnswer(
            a ->
                new StageDecision(
                    a.<String>getArgument(1).startsWith("lapsed")
                        ? JourneyStage.REACTIVATION
                        : JourneyStage.ACQUISITION,
                    Reason.of("stage.acquisition", 0, 2)));
  }

  @AfterEach
  void stopJob() throws InterruptedException {
    jobs.cancel();
    gate.countDown();
    jobs.await(10_000);
  }

  @Test
  void anonymous_isSentToSignIn_andAMerchantWithoutTheRoleIsRefused() throws Exception {
    mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection());
    mvc.perform(get(PAGE + "/newsletter/status")).andExpect(status().is3xxRedirection());
  }

  @Test
  @WithMockUser(username = "merchant", roles = "MERCHANT")
  void withoutTheAdminRole_forbidden() throws Exception {
    mvc.perform(get(PAGE)).andExpect(status().isForbidden());
    mvc.perform(get(PAGE + "/newsletter/result")).andExpect(status().isForbidden());
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void page_hasTheFormsTheScriptAndNoInlineScriptOrStyle() throws Exception {
    MvcResult r =
        mvc.perform(get(PAGE).header("Accept-Language", "fr"))
            .andExpect(status().isOk())
            .andExpect(
                header().string("Content-Security-Policy", containsString("script-src 'self'")))
            .andExpect(content().string(containsString("Blocs de newsletter")))
            .andExpect(content().string(containsString("id=\"nl-start\"")))
            .andExpect(content().string(containsString("name=\"_csrf\"")))
            .andExpect(content().string(containsString("/admin/smartlists/assets/admin-mail.js")))
            .andExpect(content().string(containsString("href=\"/admin/smartlists/mail\"")))
            .andExpect(content().string(containsString("id=\"utm-EMAIL_NEWSLETTER\"")))
            .andReturn();
    String html = r.getResponse().getContentAsString();
    assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    assertThat(html).doesNotContain(" style=").doesNotContain("<style");
    // every form control has a label
    assertThat(html).contains("<label for=\"stage\"").contains("<label for=\"ids\"");
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void start_withoutCsrf_isRejected() throws Exception {
    NewsletterJobs.Status before = jobs.status();
    mvc.perform(post(PAGE + "/newsletter").param("segment", "ids").param("ids", "a1"))
        .andExpect(status().isForbidden());
    assertThat(jobs.status()).isEqualTo(before);
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void stageJob_runsToTheEnd_statusJson_andDownloadAsCsv() throws Exception {
    mvc.perform(
            post(PAGE + "/newsletter")
                .with(csrf())
                .param("segment", "stage")
                .param("stage", "REACTIVATION")
                .param("locale", "fr")
                .param("format", "CSV")
                .param("placement", "EMAIL_NEWSLETTER"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(PAGE + "#job"))
        .andExpect(flash().attribute("message", containsString("started")));
    NewsletterJobs.Status end = jobs.await(20_000);
    assertThat(end.state()).isEqualTo(NewsletterJobs.State.DONE);
    mvc.perform(get(PAGE + "/newsletter/status"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("DONE"))
        .andExpect(jsonPath("$.ended").value(true))
        .andExpect(jsonPath("$.done").value(2))
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.percent").value(100))
        .andExpect(jsonPath("$.segment").value("stage:REACTIVATION"))
        .andExpect(jsonPath("$.summary").value(containsString("2 of 2 customers")));
    MvcResult file =
        mvc.perform(get(PAGE + "/newsletter/result"))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andExpect(header().string("Content-Type", containsString("text/csv")))
            .andReturn();
    String csv = file.getResponse().getContentAsString(StandardCharsets.UTF_8);
    List<String> ids = new ArrayList<>();
    for (String line : csv.split("\r\n")) {
      if (line.startsWith("\"lapsed")) {
        ids.add(line.substring(1, line.indexOf('"', 1)));
      }
    }
    assertThat(csv).startsWith("customer_id,subject,html,text\r\n");
    assertThat(ids).containsExactly("lapsed1", "lapsed2");
    assertThat(csv).contains("\"Picked for you: \"\"Boots\"\"\"");
    // the page now offers the download
    mvc.perform(get(PAGE)).andExpect(content().string(containsString("id=\"nl-download\"")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void secondStart_whileOneRuns_saysSo_thenCancel() throws Exception {
    gate = new CountDownLatch(1); // the first block waits until the job is cancelled
    mvc.perform(
            post(PAGE + "/newsletter")
                .with(csrf())
                .param("segment", "ids")
                .param("ids", "a1\nb2, c3 d4 e5 f6 g7 h8 i9 j10")
                .param("format", "JSONL"))
        .andExpect(flash().attributeExists("message"));
    mvc.perform(
            post(PAGE + "/newsletter")
                .with(csrf())
                .param("segment", "ids")
                .param("ids", "a1")
                .param("format", "JSONL"))
        .andExpect(status().isFound())
        .andExpect(flash().attribute("error", containsString("already running")));
    mvc.perform(get(PAGE))
        .andExpect(content().string(containsString("id=\"nl-progress\"")))
        .andExpect(content().string(containsString("id=\"nl-cancel\"")))
        .andExpect(content().string(not(containsString("id=\"nl-download\""))));
    mvc.perform(get(PAGE + "/newsletter/status"))
        .andExpect(jsonPath("$.ended").value(false))
        .andExpect(jsonPath("$.total").value(10));
    mvc.perform(post(PAGE + "/newsletter/cancel").with(csrf()))
        .andExpect(flash().attribute("message", containsString("stops")));
    gate.countDown();
    assertThat(jobs.await(10_000).state()).isEqualTo(NewsletterJobs.State.CANCELLED);
    mvc.perform(get(PAGE + "/newsletter/result")).andExpect(status().isNotFound());
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void start_badInput_isExplained() throws Exception {
    NewsletterJobs.Status before = jobs.status();
    mvc.perform(post(PAGE + "/newsletter").with(csrf()).param("segment", "ids").param("ids", " "))
        .andExpect(flash().attribute("error", containsString("at least one customer id")));
    mvc.perform(
            post(PAGE + "/newsletter")
                .with(csrf())
                .param("segment", "stage")
                .param("stage", "NOPE"))
        .andExpect(flash().attribute("error", containsString("journey stage")));
    mvc.perform(
            post(PAGE + "/newsletter")
                .with(csrf())
                .param("segment", "ids")
                .param("ids", "a1")
                .param("placement", "EMAIL_POST_PURCHASE"))
        .andExpect(flash().attribute("error", containsString("newsletter placement only")));
    mvc.perform(post(PAGE + "/newsletter/cancel").with(csrf()))
        .andExpect(flash().attribute("error", containsString("No job is running")));
    assertThat(jobs.status()).isEqualTo(before); // no job started
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void utm_savedValidatedAndShownOnThePage() throws Exception {
    mvc.perform(
            post(PAGE + "/utm/EMAIL_NEWSLETTER")
                .with(csrf())
                .param("utm_source", "news")
                .param("utm_medium", "email")
                .param("utm_campaign", "june-{placement}"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(PAGE + "#utm-EMAIL_NEWSLETTER"))
        .andExpect(flash().attributeExists("message"));
    assertThat(store.saved().get(Placement.EMAIL_NEWSLETTER).author()).isEqualTo("admin");
    assertThat(utm.parameters("EMAIL_NEWSLETTER"))
        .containsEntry("utm_campaign", "june-email_newsletter");
    mvc.perform(get(PAGE))
        .andExpect(content().string(containsString("value=\"june-{placement}\"")))
        .andExpect(content().string(containsString("utm_campaign=june-email_newsletter")));

    mvc.perform(
            post(PAGE + "/utm/EMAIL_REACTIVATION")
                .with(csrf())
                .param("utm_source", "bad value\"><b>")
                .param("utm_medium", "")
                .param("utm_campaign", ""))
        .andExpect(flash().attribute("error", containsString("utm_source: only letters")));
    assertThat(store.saved()).doesNotContainKey(Placement.EMAIL_REACTIVATION);
    mvc.perform(post(PAGE + "/utm/CART").with(csrf()).param("utm_source", "x"))
        .andExpect(flash().attribute("error", containsString("Not an e-mail placement")));
    mvc.perform(post(PAGE + "/utm/EMAIL_NEWSLETTER").param("utm_source", "x"))
        .andExpect(status().isForbidden());
  }
}
