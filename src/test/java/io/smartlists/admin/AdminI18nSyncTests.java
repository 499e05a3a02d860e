package io.smartlists.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartlists.engine.model.DropRule;
import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.ListType;
import io.smartlists.engine.model.Placement;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The English and French admin bundles stay in step (petclinic's {@code I18nPropertiesSyncTest}):
 * same keys, no empty value, every list, stage, placement and drop rule named, and every message
 * key a template or controller uses present.
 */
class AdminI18nSyncTests {

  private static final String EN = "/i18n/smartlists-admin.properties";
  private static final String FR = "/i18n/smartlists-admin_fr.properties";

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = AdminI18nSyncTests.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bundles_haveTheSameKeys() throws IOException {
    Set<String> en = load(EN).stringPropertyNames();
    Set<String> fr = load(FR).stringPropertyNames();
    assertThat(new TreeSet<>(fr))
        .as("keys missing in French or extra")
        .isEqualTo(new TreeSet<>(en));
  }

  @Test
  void bundles_haveNoEmptyValue() throws IOException {
    for (String bundle : List.of(EN, FR)) {
      Properties p = load(bundle);
      for (String key : p.stringPropertyNames()) {
        assertThat(p.getProperty(key)).as(bundle + " " + key).isNotBlank();
      }
    }
  }

  @Test
  void bundles_nameEveryListStagePlacementAndDropRule() throws IOException {
    Properties fr = load(FR);
    List<String> keys = new ArrayList<>();
    for (ListType t : ListType.values()) {
      keys.add("sl.list." + t);
    }
    for (JourneyStage s : JourneyStage.values()) {
      keys.add("sl.stage." + s);
      keys.add("sl.advice." + s);
      keys.add("sl.stageHelp." + s);
    }
    for (Placement p : Placement.values()) {
      keys.add("sl.placement." + p);
    }
    for (DropRule r : DropRule.values()) {
      keys.add("sl.drop." + r);
    }
    assertThat(fr.stringPropertyNames()).containsAll(keys);
  }

  @Test
  void frenchBundle_isTranslatedNotCopied() throws IOException {
    Properties en = load(EN);
    Properties fr = load(FR);
    List<String> same = new ArrayList<>();
    for (String key : en.stringPropertyNames()) {
      if (en.getProperty(key).equals(fr.getProperty(key)) && en.getProperty(key).length() > 14) {
        same.add(key);
      }
    }
    assertThat(same).as("long strings identical in both languages").isEmpty();
  }

  @Test
  void everyKeyUsedInTemplatesAndControllers_exists() throws IOException {
    Set<String> en = load(EN).stringPropertyNames();
    Pattern template = Pattern.compile("#\\{(sl\\.[A-Za-z0-9_.]+)");
    Pattern java =
        Pattern.compile("\"(sl\\.(?:error|flash|history|preview|matrix|slot)\\.[A-Za-z0-9_]+)\"");
    Set<String> used = new TreeSet<>();
    collect(Path.of("admin-ui/templates"), ".html", template, used);
    collect(Path.of("src/main/java/io/smartlists/admin"), ".java", java, used);
    collect(Path.of("src/main/java/io/smartlists/merchandising"), ".java", java, used);
    assertThat(used).isNotEmpty();
    assertThat(en).containsAll(used);
  }

  private static void collect(Path root, String suffix, Pattern pattern, Set<String> into)
      throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
        Matcher m = pattern.matcher(Files.readString(f));
        while (m.find()) {
          into.add(m.group(1));
        }
      }
    }
  }
}
