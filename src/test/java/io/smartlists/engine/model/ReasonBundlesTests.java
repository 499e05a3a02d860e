package io.smartlists.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every reason a merchant reads exists in English and in French. */
class ReasonBundlesTests {

  @Test
  void reasonBundles_haveTheSameKeys() throws IOException {
    Properties en = load("/io/smartlists/engine/reasons.properties");
    Properties fr = load("/io/smartlists/engine/reasons_fr.properties");
    assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    assertThat(en.stringPropertyNames()).contains("fallback", "manual", "stage.repeat");
  }

  static Properties load(String path) throws IOException {
    Properties p = new Properties();
    try (InputStream in = ReasonBundlesTests.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }
}
