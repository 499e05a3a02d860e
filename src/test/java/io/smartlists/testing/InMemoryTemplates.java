package io.smartlists.testing;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

/** Thymeleaf templates held in test code, served by name ahead of the classpath resolver. */
public final class InMemoryTemplates {

  private InMemoryTemplates() {}

  /** A resolver for the names matching {@code pattern}, each resolved by {@code markup}. */
  public static StringTemplateResolver resolver(String pattern, Function<String, String> markup) {
    StringTemplateResolver resolver =
        new StringTemplateResolver() {
          @Override
          protected ITemplateResource computeTemplateResource(
              IEngineConfiguration configuration,
              String ownerTemplate,
              String template,
              Map<String, Object> templateResolutionAttributes) {
            return new StringTemplateResource(markup.apply(template));
          }
        };
    resolver.setResolvablePatterns(Set.of(pattern));
    resolver.setOrder(0);
    return resolver;
  }
}
