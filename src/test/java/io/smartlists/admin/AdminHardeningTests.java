package io.smartlists.admin;

import static io.smartlists.engine.model.JourneyStage.ACQUISITION;
import static io.smartlists.engine.model.Placement.PRODUCT_PAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.smartlists.autoconfigure.AdminWebConfiguration;
import io.smartlists.autoconfigure.SmartListsAdminAutoConfiguration;
import io.smartlists.engine.SmartListsEngine;
import io.smartlists.host.CatalogPort;
import io.smartlists.host.CustomerPort;
import io.smartlists.merchandising.MerchandisingEditor;
import io.smartlists.merchandising.SlotNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14 item 5, one test per hardening item, against the admin's real security chain. The ones
 * that need a real web server (cookies, forged Host, actuator) are in {@code
 * AdminHardeningServerTests}.
 */
@WebMvcTest
@ContextConfiguration(
    classes = {
      AdminWebConfiguration.class,
      SmartListsAdminAutoConfiguration.AdminSecurity.class,
      SmartListsAdminAutoConfiguration.AdminMessages.class,
      AdminHardeningTests.Users.class
    })
class AdminHardeningTests {

  private static final String CELL = "/admin/smartlists/cells/PRODUCT_PAGE/ACQUISITION";
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired SignInThrottle throttle;
  @MockitoBean MerchandisingEditor editor;
  @MockitoBean SmartListsEngine engine;
  @MockitoBean CatalogPort catalog;
  @MockitoBean CustomerPort customers;

  @TestConfiguration
  static class Users {
    @Bean
    InMemoryUserDetailsManager users() {
      return new InMemoryUserDetailsManager(
          User.withUsername("admin").password("{noop}secret").roles("SMARTLISTS_ADMIN").build(),
          User.withUsername("other").password("{noop}other").roles("SMARTLISTS_ADMIN").build());
    }
  }

  @BeforeEach
  void store() {
    AdminEditorStubs.shippedCell(editor);
  }

  /** Each test signs in from its own address, so the per-address counts do not add up. */
  private static String freshAddress() {
    return "10.14.0." + ADDRESSES.incrementAndGet();
  }

  private static MockHttpServletRequestBuilder signIn(String user, String password, String from) {
    return post("/admin/smartlists/login")
        .with(csrf())
        .with(
            r -> {
              r.setRemoteAddr(from);
              return r;
            })
        .param("username", user)
        .param("password", password);
  }

  @Test
  void signInThrottling_perAccount_refusesEvenTheRightPasswordWithAClearMessage() throws Exception {
    for (int i = 0; i < 5; i++) {
      // from different addresses: only the account's count can stop the sixth
      mvc.perform(signIn("admin", "wrong" + i, freshAddress()))
          .andExpect(redirectedUrl("/admin/smartlists/login?error"));
    }
    mvc.perform(signIn("admin", "secret", freshAddress()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/smartlists/login?locked"));
    mvc.perform(get("/admin/smartlists/login").param("locked", ""))
        .andExpect(
            content()
                .string(
                    containsString(
                        "Too many failed sign-ins for this account or from this address. Wait 15"
                            + " minutes, then try again.")));
    // another account is not affected
    mvc.perform(signIn("other", "other", freshAddress()))
        .andExpect(redirectedUrl("/admin/smartlists"));
  }

  @Test
  void signInThrottling_perAddress_refusesEveryAccountFromThatAddress() throws Exception {
    String attacker = freshAddress();
    for (int i = 0; i < 20; i++) {
      mvc.perform(signIn("guess" + i, "wrong", attacker))
          .andExpect(redirectedUrl("/admin/smartlists/login?error"));
    }
    mvc.perform(signIn("other", "other", attacker))
        .andExpect(redirectedUrl("/admin/smartlists/login?locked"));
    mvc.perform(signIn("other", "other", freshAddress()))
        .andExpect(redirectedUrl("/admin/smartlists"));
  }

  @Test
  void signInThrottling_successClearsTheAccountsFailures() throws Exception {
    String from = freshAddress();
    for (int i = 0; i < 4; i++) {
      mvc.perform(signIn("other", "wrong", from));
    }
    mvc.perform(signIn("other", "other", from)).andExpect(redirectedUrl("/admin/smartlists"));
    assertThat(throttle.blocked("other", freshAddress())).isFalse();
    for (int i = 0; i < 4; i++) {
      mvc.perform(signIn("other", "wrong", from));
    }
    assertThat(throttle.blocked("other", freshAddress())).isFalse();
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void expiredOrMissingCsrfToken_saysThePageExpiredNotThatTheRoleIsMissing() throws Exception {
    mvc.perform(post(CELL + "/slots/1/move").param("direction", "up").param("cellVersion", "7"))
        .andExpect(status().isForbidden())
        .andExpect(forwardedUrl("/admin/smartlists/denied"))
        .andExpect(request().attribute(AdminAccessDeniedHandler.EXPIRED, true));
    mvc.perform(
            post(CELL + "/slots/1/move")
                .with(csrf().useInvalidToken())
                .param("direction", "up")
                .param("cellVersion", "7"))
        .andExpect(status().isForbidden())
        .andExpect(request().attribute(AdminAccessDeniedHandler.EXPIRED, true));
    verify(editor, never()).moveSlot(any(), any(), anyInt(), anyInt(), anyLong(), anyString());
    // what the forwarded denied page then says
    mvc.perform(get("/admin/smartlists/denied").requestAttr(AdminAccessDeniedHandler.EXPIRED, true))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("This page had expired")))
        .andExpect(content().string(not(containsString("does not have the role"))));
  }

  @Test
  @WithMockUser(username = "merchant", roles = "MERCHANT")
  void missingRole_stillSaysTheRoleIsMissing() throws Exception {
    mvc.perform(get("/admin/smartlists"))
        .andExpect(status().isForbidden())
        .andExpect(forwardedUrl("/admin/smartlists/denied"))
        .andExpect(request().attribute(AdminAccessDeniedHandler.EXPIRED, nullValue()));
    mvc.perform(get("/admin/smartlists/denied"))
        .andExpect(content().string(containsString("does not have the role SMARTLISTS_ADMIN")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void rebuildRequestsCoalesced_tenClicksRunOneRebuildAndQueueOne() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    willAnswer(
            a -> {
              started.countDown();
              release.await(10, TimeUnit.SECONDS);
              return null;
            })
        .given(engine)
        .rebuild();
    mvc.perform(post("/admin/smartlists/rules/rebuild").with(csrf()))
        .andExpect(flash().attribute("message", containsString("Rebuilding the signals")));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    mvc.perform(post("/admin/smartlists/rules/rebuild").with(csrf()))
        .andExpect(flash().attribute("message", containsString("Rebuilding the signals")));
    for (int i = 0; i < 8; i++) {
      mvc.perform(post("/admin/smartlists/rules/rebuild").with(csrf()))
          .andExpect(status().isFound())
          .andExpect(flash().attribute("message", containsString("already waiting to start")));
    }
    release.countDown();
    verify(engine, timeout(10_000).times(2)).rebuild();
    Thread.sleep(300);
    verify(engine, times(2)).rebuild();
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void relativeRedirectsOnly_evenWithAForgedHost() throws Exception {
    mvc.perform(
            post(CELL + "/slots/1/move")
                .with(csrf())
                .header("Host", "evil.example")
                .param("direction", "up")
                .param("cellVersion", "7"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", "/admin/smartlists#cell-PRODUCT_PAGE-ACQUISITION"));
  }

  @Test
  void contentSecurityPolicyWithoutUnsafeInline_onTheAdmin() throws Exception {
    mvc.perform(get("/admin/smartlists/login"))
        .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
        .andExpect(header().string("Content-Security-Policy", containsString("style-src 'self'")))
        .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe"))));
  }

  /** What a policy without unsafe-inline would block: inline scripts, styles and handlers. */
  private static final Pattern INLINE =
      Pattern.compile(
          "<script(?![^>]*\\bsrc=)[^>]*>|<style\\b|\\sstyle=|\\sth:style=|\\son[a-z]+=|javascript:",
          Pattern.CASE_INSENSITIVE);

  @Test
  void contentSecurityPolicyWithoutUnsafeInline_adminAndStorefrontTemplatesHaveNoInlineCode()
      throws IOException {
    try (Stream<Path> files =
        Stream.concat(
            Files.walk(Path.of("admin-ui/templates")), Files.walk(Path.of("site-templates")))) {
      List<Path> html = files.filter(p -> p.toString().endsWith(".html")).toList();
      assertThat(html).hasSizeGreaterThan(5);
      for (Path p : html) {
        assertThat(INLINE.matcher(Files.readString(p)).find())
            .as("inline script or style in %s", p)
            .isFalse();
      }
    }
  }

  @Test
  void referrerPolicy_onTheAdmin() throws Exception {
    mvc.perform(get("/admin/smartlists/login"))
        .andExpect(header().string("Referrer-Policy", "same-origin"));
  }

  @Test
  void permissionsPolicy_onTheAdmin() throws Exception {
    mvc.perform(get("/admin/smartlists/login"))
        .andExpect(header().string("Permissions-Policy", containsString("camera=()")))
        .andExpect(header().string("Permissions-Policy", containsString("geolocation=()")));
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void notFoundForUnknownSlotIndexes() throws Exception {
    given(editor.moveSlot(PRODUCT_PAGE, ACQUISITION, 42, -1, 7L, "admin"))
        .willThrow(new SlotNotFoundException("PRODUCT_PAGE/ACQUISITION", 42));
    given(editor.removeSlot(PRODUCT_PAGE, ACQUISITION, 42, 7L, "admin"))
        .willThrow(new SlotNotFoundException("PRODUCT_PAGE/ACQUISITION", 42));
    given(editor.updateSlot(eq(PRODUCT_PAGE), eq(ACQUISITION), eq(42), any(), eq(7L), any()))
        .willThrow(new SlotNotFoundException("PRODUCT_PAGE/ACQUISITION", 42));
    mvc.perform(
            post(CELL + "/slots/42/move")
                .with(csrf())
                .param("direction", "up")
                .param("cellVersion", "7"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("This page does not exist.")))
        .andExpect(content().string(not(containsString("Another administrator"))));
    mvc.perform(post(CELL + "/slots/42/remove").with(csrf()).param("cellVersion", "7"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post(CELL + "/slots/42")
                .with(csrf())
                .param("type", "BESTSELLERS_CATALOG")
                .param("minItems", "2")
                .param("maxItems", "6")
                .param("cellVersion", "7"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("This page does not exist.")));
    mvc.perform(get(CELL + "/slots/-1")).andExpect(status().isNotFound());
  }

  @Test
  @WithMockUser(username = "admin", roles = "SMARTLISTS_ADMIN")
  void onlyUpOrDownAcceptedForMoves() throws Exception {
    for (String direction : List.of("sideways", "", "UP", "down ", "-1")) {
      mvc.perform(
              post(CELL + "/slots/1/move")
                  .with(csrf())
                  .param("direction", direction)
                  .param("cellVersion", "7"))
          .andExpect(status().isBadRequest())
          .andExpect(content().string(containsString("not one the admin sends")));
    }
    mvc.perform(post(CELL + "/slots/1/move").with(csrf()).param("cellVersion", "7"))
        .andExpect(status().isBadRequest());
    verify(editor, never()).moveSlot(any(), any(), anyInt(), anyInt(), anyLong(), anyString());
    mvc.perform(
            post(CELL + "/slots/1/move")
                .with(csrf())
                .param("direction", "down")
                .param("cellVersion", "7"))
        .andExpect(status().isFound());
    verify(editor).moveSlot(PRODUCT_PAGE, ACQUISITION, 1, 1, 7L, "admin");
  }
}
