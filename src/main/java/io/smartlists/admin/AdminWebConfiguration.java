package io.smartlists.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin's controllers, and its assets served under {@code /admin/smartlists/assets/} so that
 * the admin's own security rules cover them (the sign-in page needs its stylesheet before anyone is
 * signed in, whatever the host does with {@code /static}).
 */
@Configuration(proxyBeanMethods = false)
@Import({
  MatrixController.class,
  SlotController.class,
  RulesController.class,
  PreviewController.class,
  HistoryController.class,
  AdminSearchController.class,
  LoginController.class,
  AdminExceptionHandler.class,
  CatalogueLookups.class
})
public class AdminWebConfiguration implements WebMvcConfigurer {

  /** Where the admin lives. */
  public static final String BASE = "/admin/smartlists";

  /** The role an administrator needs (granted as authority {@code ROLE_SMARTLISTS_ADMIN}). */
  public static final String ROLE = "SMARTLISTS_ADMIN";

  /** The module's own sign-in page. */
  public static final String LOGIN = BASE + "/login";

  /** Shown to a signed-in user without {@link #ROLE}. */
  public static final String DENIED = BASE + "/denied";

  /** Stylesheet and script of the admin. */
  public static final String ASSETS = BASE + "/assets";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler(ASSETS + "/**")
        .addResourceLocations("classpath:/static/smartlists/admin/");
  }
}
