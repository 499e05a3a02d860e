package io.smartlists.autoconfigure;

import io.smartlists.admin.AdminPaths;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The admin's screens: its controllers (package-private in {@code io.smartlists.admin}, listed by
 * {@link AdminPaths#CONTROLLERS}) and its assets under {@link AdminPaths#ASSETS}, imported by
 * {@link SmartListsAdminAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@Import(AdminWebConfiguration.Controllers.class)
public final class AdminWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler(AdminPaths.ASSETS + "/**")
        .addResourceLocations(AdminPaths.ASSETS_LOCATION);
  }

  /** Imports the admin's controllers by name, so they need not be public. */
  static final class Controllers implements ImportSelector {

    @Override
    public String[] selectImports(AnnotationMetadata importingClassMetadata) {
      return AdminPaths.CONTROLLERS.toArray(String[]::new);
    }
  }
}
