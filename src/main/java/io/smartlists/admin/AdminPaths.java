package io.smartlists.admin;

import io.smartlists.merchandising.CatalogueLookups;
import java.util.List;

/**
 * Where the admin lives, the role it requires, and the controllers that serve it. A plain holder of
 * constants: the auto-configuration imports {@link #CONTROLLERS} (so the controllers stay
 * package-private) and protects {@link #BASE} with its own security filter chain.
 */
public final class AdminPaths {

  /** Where the admin lives. */
  public static final String BASE = "/admin/smartlists";

  /** The role an administrator needs (granted as authority {@code ROLE_SMARTLISTS_ADMIN}). */
  public static final String ROLE = "SMARTLISTS_ADMIN";

  /** The module's own sign-in page. */
  public static final String LOGIN = BASE + "/login";

  /** Shown to a signed-in user without {@link #ROLE}. */
  public static final String DENIED = BASE + "/denied";

  /**
   * Stylesheet and script of the admin, served from {@link #ASSETS_LOCATION} under the admin's own
   * path so that the admin's security rules cover them (the sign-in page needs its stylesheet
   * before anyone is signed in, whatever the host does with {@code /static}).
   */
  public static final String ASSETS = BASE + "/assets";

  /** Where the admin's assets are on the classpath. */
  public static final String ASSETS_LOCATION = "classpath:/static/smartlists/admin/";

  /** The admin's controllers, its exception handler and the helpers they share, by class name. */
  public static final List<String> CONTROLLERS =
      List.of(
          MatrixController.class.getName(),
          SlotController.class.getName(),
          RulesController.class.getName(),
          PreviewController.class.getName(),
          HistoryController.class.getName(),
          AdminSearchController.class.getName(),
          LoginController.class.getName(),
          AdminExceptionHandler.class.getName(),
          CatalogueLookups.class.getName());

  private AdminPaths() {}
}
