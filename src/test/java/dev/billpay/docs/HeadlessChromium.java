package dev.billpay.docs;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through its own chromedriver (packages chromium and chromium-driver, which .ci/run
 * installs). Both paths are given, so Selenium never looks for or downloads a browser or driver of its own.
 */
final class HeadlessChromium {
  static final Path BROWSER = Path.of(System.getenv().getOrDefault("BILLPAY_IT_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getenv().getOrDefault("BILLPAY_IT_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private HeadlessChromium() {}

  /** A headless browser, or a failed test (never a skipped one) when Chromium or its driver is not installed. */
  static ChromeDriver start() {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      fail("the developer portal's browser test needs Chromium at " + BROWSER + " and chromedriver at " + DRIVER
          + ": apt-get install -y chromium chromium-driver (.ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,1000", "--no-first-run", "--disable-extensions", "--disable-background-networking",
        "--disable-component-update", "--disable-sync");
    // console messages, read after each page
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
