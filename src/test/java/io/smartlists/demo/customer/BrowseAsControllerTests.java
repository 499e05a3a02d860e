package io.smartlists.demo.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The "Browse as…" switch only ever returns the shopper to a page of this store. */
class BrowseAsControllerTests {

  @Test
  void safeReturn_keepsThisStoresPaths() {
    assertThat(BrowseAsController.safeReturn("/product/1082185")).isEqualTo("/product/1082185");
    assertThat(BrowseAsController.safeReturn("/category/grocery?page=2"))
        .isEqualTo("/category/grocery?page=2");
  }

  @Test
  void safeReturn_otherHostsAndMissingValuesGoHome() {
    assertThat(BrowseAsController.safeReturn(null)).isEqualTo("/");
    assertThat(BrowseAsController.safeReturn("https://evil.example/")).isEqualTo("/");
    assertThat(BrowseAsController.safeReturn("//evil.example/")).isEqualTo("/");
    assertThat(BrowseAsController.safeReturn("/\\evil.example/")).isEqualTo("/");
    assertThat(BrowseAsController.safeReturn("/cart\r\nSet-Cookie: x=1")).isEqualTo("/");
  }
}
