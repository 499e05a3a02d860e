package io.smartlists.autoconfigure;

import io.smartlists.admin.AdminAccessDeniedHandler;
import io.smartlists.admin.AdminPaths;
import io.smartlists.admin.SignInThrottle;
import io.smartlists.admin.SignInThrottleFilter;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.RelativeRedirectFilter;

/**
 * The admin chain's hardening (issue 14, item 5), kept apart from the chain's paths and roles:
 *
 * <ul>
 *   <li>sign-in throttling per account and per address ({@link SignInThrottle});
 *   <li>a CSRF rejection explained as an expired page, not as a missing role;
 *   <li>relative redirects only: the {@code Location} of every admin redirect is a path, so a
 *       forged {@code Host} header never ends up in it (whatever {@code
 *       server.tomcat.use-relative-redirects} says);
 *   <li>{@code Content-Security-Policy} without {@code unsafe-inline} (the admin has no inline
 *       script or style), {@code Referrer-Policy} and {@code Permissions-Policy}.
 * </ul>
 */
final class AdminHardening {

  /**
   * The admin's policy: its own scripts and styles only; product images may come from the host's
   * image servers (https) or be inline data.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
          + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          + "form-action 'self'; frame-ancestors 'none'";

  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

  private AdminHardening() {}

  static void apply(HttpSecurity http, SignInThrottle throttle, String loginFailureUrl)
      throws Exception {
    RelativeRedirectFilter relative = new RelativeRedirectFilter();
    relative.setRedirectStatus(HttpStatus.FOUND);
    http.addFilterBefore(relative, WebAsyncManagerIntegrationFilter.class)
        .addFilterBefore(
            new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .formLogin(
            form ->
                form.failureHandler(
                        (request, response, exception) -> {
                          throttle.failed(
                              request.getParameter("username"), request.getRemoteAddr());
                          new SimpleUrlAuthenticationFailureHandler(loginFailureUrl)
                              .onAuthenticationFailure(request, response, exception);
                        })
                    .successHandler(successClearing(throttle)))
        .exceptionHandling(e -> e.accessDeniedHandler(new AdminAccessDeniedHandler()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
  }

  private static AuthenticationSuccessHandler successClearing(SignInThrottle throttle) {
    SimpleUrlAuthenticationSuccessHandler target =
        new SimpleUrlAuthenticationSuccessHandler(AdminPaths.BASE);
    target.setAlwaysUseDefaultTargetUrl(true);
    return (request, response, authentication) -> {
      throttle.succeeded(authentication.getName());
      target.onAuthenticationSuccess(request, response, authentication);
    };
  }
}
