package io.smartlists.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven by Selenium, for browser tests.
 *
 * <p>Uses the system browser {@code /usr/bin/chromium} and driver {@code /usr/bin/chromedriver}
 * (Debian packages {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them);
 * Selenium Manager is never asked to download anything. Each instance gets a fresh temporary
 * profile, deleted on {@link #close()}.
 *
 * <pre>{@code
 * @BeforeAll static void browser() { Chromium.assumeInstalled(); }
 * try (Chromium chromium = Chromium.start()) {
 *   chromium.driver().get(baseUrl + "/");
 *   chromium.screenshot("home");
 * }
 * }</pre>
 */
public final class Chromium implements AutoCloseable {

  /** The Debian browser binary. */
  public static final Path BROWSER = Path.of("/usr/bin/chromium");

  /** The Debian driver binary. */
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** True when the Debian browser and driver are installed. */
  public static boolean installed() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  /**
   * Skips the calling test (JUnit assumption) when {@code /usr/bin/chromium} is absent, with a
   * message saying how to install it. When the browser is present but the driver is not, the test
   * fails in {@link #start()} instead of being skipped silently.
   */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(
        Files.isExecutable(BROWSER),
        "Browser test skipped: /usr/bin/chromium is not installed"
            + " (apt-get install -y chromium chromium-driver; .ci/run does it)");
  }

  /** Starts a headless Chromium with a 1400x1000 window and a fresh profile. */
  public static Chromium start() {
    assumeInstalled();
    if (!Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(DRIVER + " is missing: apt-get install -y chromium-driver");
    }
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("sl-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Chromium(driver, profile);
  }

  /** The Selenium driver. */
  public WebDriver driver() {
    return driver;
  }

  /**
   * Saves a PNG of the current page as {@code screenshots/<name>.png} in the build directory (the
   * parent of {@code test-classes}, so {@code target} or the {@code -Dsl.build.dir} one) and
   * returns its path.
   */
  public Path screenshot(String name) {
    Path dir = buildDirectory().resolve("screenshots");
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
      Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.move(png, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quits the browser and deletes its temporary profile. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static Path buildDirectory() {
    try {
      Path classes =
          Path.of(Chromium.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path parent = classes.getParent();
      return parent != null ? parent : Path.of("target");
    } catch (Exception e) {
      return Path.of("target");
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp profile is harmless
    }
  }
}
