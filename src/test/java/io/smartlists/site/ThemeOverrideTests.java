package io.smartlists.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.smartlists.engine.SmartListsEngine;
import io.smartlists.engine.model.Placement;
import io.smartlists.testing.InMemoryTemplates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** A store theme that ships its own {@code smartlists/widget} template replaces the module's. */
@WebMvcTest(
    excludeAutoConfiguration = {
      SecurityAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class,
      SecurityFilterAutoConfiguration.class,
      ServletWebSecurityAutoConfiguration.class
    },
    properties = "smartlists.rebuild.on-startup=false")
@ContextConfiguration(classes = ThemeOverrideTests.Theme.class)
class ThemeOverrideTests {

  @Autowired MockMvc mvc;
  @MockitoBean SmartListsEngine engine;

  @Test
  void productPage_themeTemplate_rendersTheWidgetItsWay() throws Exception {
    given(engine.compose(any())).willReturn(SiteTests.widget(Placement.PRODUCT_PAGE));

    String html =
        mvc.perform(get("/test/product/p1")).andReturn().getResponse().getContentAsString();

    assertThat(html)
        .contains("<ol class=\"theme-recs\" data-sl-placement=\"PRODUCT_PAGE\">")
        .contains("<li data-sl-product=\"p2\">Wool socks</li>")
        .doesNotContain("sl-slot-title");
  }

  @Configuration(proxyBeanMethods = false)
  @Import(SiteTests.Store.class)
  static class Theme {

    @Bean
    StringTemplateResolver themeWidgetResolver() {
      return InMemoryTemplates.resolver(
          "smartlists/widget",
          template ->
              """
                  <ol class="theme-recs" th:data-sl-placement="${widget.placement}">
                    <th:block th:each="slot : ${widget.slots}">
                      <li th:each="item : ${slot.items}" th:data-sl-product="${item.productId}"
                          th:text="${item.name}">name</li>
                    </th:block>
                  </ol>
                  """);
    }
  }
}
