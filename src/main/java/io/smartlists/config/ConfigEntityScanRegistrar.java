package io.smartlists.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Adds this package to the JPA entity scan without taking the host's entities away.
 *
 * <p>A plain {@code @EntityScan} on the module would replace the host's default (the package of its
 * {@code @SpringBootApplication}); so when the host has not declared entity-scan packages itself,
 * the host's auto-configuration packages are registered too. When it has (its own
 * {@code @EntityScan}, processed before auto-configuration), this package is added to them.
 */
final class ConfigEntityScanRegistrar implements ImportBeanDefinitionRegistrar {

  private static final String ENTITY_SCAN_BEAN = EntityScanPackages.class.getName();

  @Override
  public void registerBeanDefinitions(
      AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
    List<String> packages = new ArrayList<>();
    packages.add(ConfigEntityScanRegistrar.class.getPackageName());
    if (!registry.containsBeanDefinition(ENTITY_SCAN_BEAN)
        && registry instanceof BeanFactory beanFactory
        && AutoConfigurationPackages.has(beanFactory)) {
      packages.addAll(AutoConfigurationPackages.get(beanFactory));
    }
    EntityScanPackages.register(registry, packages);
  }
}
