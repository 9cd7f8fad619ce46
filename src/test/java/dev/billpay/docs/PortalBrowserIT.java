package dev.billpay.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.SharedStack;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The developer portal as a reader sees it: a real Chromium against the test gateway. Every page reachable from
 * the landing page loads with nothing from elsewhere and no console error, every link on it resolves, the
 * quickstart's snippet makes a payment, and Try it in the reference calls this gateway. A screenshot of each page
 * is kept under target/portal-screenshots.
 */
@DisplayName("The developer portal in a real browser")
class PortalBrowserIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  /** localhost rather than 127.0.0.1: the origin a developer's browser has, and not the one the spec once named. */
  private static final String ORIGIN = "http://localhost:" + SharedStack.HTTP_PORT;
  private static final Path SCREENSHOTS = Path.of("target/portal-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static ChromeDriver browser;
  private final Api api = new Api();

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @DisplayName("every page reachable from /docs loads everything from the gateway, logs no console error, and every"
      + " link on it answers 200")
  void crawl() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Deque<String> toVisit = new ArrayDeque<>(List.of(ORIGIN + "/docs"));
    Set<String> pages = new LinkedHashSet<>(toVisit);
    Set<String> otherLinks = new LinkedHashSet<>();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    while (!toVisit.isEmpty()) {
      String page = toVisit.poll();
      List<String> pageProblems = new ArrayList<>();
      // hrefs as strings, read in one script: no element handle outlives the page
      for (String href : load(page, pageProblems)) {
        String link = withoutFragment(href);
        if (!link.startsWith(ORIGIN + "/")) {
          continue;
        }
        if (isPortalPage(link)) {
          if (pages.add(link)) {
            toVisit.add(link);
          }
        } else {
          otherLinks.add(link);
        }
      }
      if (!pageProblems.isEmpty()) {
        problems.put(page, pageProblems);
      }
    }
    for (String link : otherLinks) {
      int status = api.get(null, link.substring(ORIGIN.length())).status();
      if (status != 200) {
        problems.put(link, List.of("answers " + status));
      }
    }
    assertThat(problems).as("pages with problems").isEmpty();
    assertThat(pages).as("pages reached from the landing page").contains(
        Stream.of("", "/quickstart", "/pay-a-bill", "/plans", "/webhooks", "/events", "/clearing",
            "/returns-automation", "/reconciliation", "/sdks", "/errors-and-idempotency", "/reference",
            "/event-catalogue", "/changelog", "/tutorials/plan-clear-reconcile")
            .map(p -> ORIGIN + "/docs" + p).toArray(String[]::new));
    assertThat(otherLinks).as("links to the contract").contains(ORIGIN + "/openapi.yaml");
  }

  @Test
  @DisplayName("the quickstart's snippet, copied from the page and run as written, creates a payment")
  void quickstartSnippet() throws Exception {
    browser.get(ORIGIN + "/docs/quickstart");
    String snippet = (String) browser.executeScript("return Array.from(document.querySelectorAll('pre > code'),"
        + " c => c.textContent).find(t => t.includes('/v1/payments')) || ''");
    assertThat(snippet).as("the quickstart's payment snippet").contains("bp_test_dev_key_embedded_default");
    Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c",
        snippet.replace("localhost:8080", "localhost:" + SharedStack.HTTP_PORT)).redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(bash.exitValue()).as(output).isZero();
    List<String> lines = output.strip().lines().toList();
    JsonObject payment = new JsonObject(lines.get(lines.size() - 1));
    assertThat(payment.getString("object")).isEqualTo("payment");
    assertThat(payment.getString("status")).isEqualTo("pending");
    assertThat(payment.getLong("amount")).isEqualTo(12550);

    Api.Response stored = api.get(Api.DEV_KEY, "/v1/payments/" + payment.getString("id"));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().getString("reference")).startsWith("quickstart-");
  }

  @Test
  @DisplayName("Try it on the reference calls the gateway that served the page, and old /docs#/ links land there")
  void tryItCallsThisGateway() {
    browser.get(ORIGIN + "/docs#/Health/healthReady");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.urlContains("/docs/reference#/Health/healthReady"));
    // deep linking opens the operation; the clicks re-find their element each time (Swagger UI re-renders)
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Health-healthReady .try-out__btn")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Health-healthReady .execute")))
        .click();
    By status = By.cssSelector("#operations-Health-healthReady .live-responses-table tr.response .response-col_status");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "200"));
    String requestUrl = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#operations-Health-healthReady .request-url pre"))).getText();
    assertThat(requestUrl).isEqualTo(ORIGIN + "/health/ready");
  }

  /** Loads {@code url}, records what is wrong with it, keeps a screenshot; answers the hrefs of its links. */
  @SuppressWarnings("unchecked")
  private static List<String> load(String url, List<String> problems) throws Exception {
    browser.get(url);
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
    if (url.endsWith("/docs/reference")) {
      // Swagger UI renders after fetching the contract
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
    }
    if (!browser.getTitle().contains("billpay-gateway")) {
      problems.add("title is '" + browser.getTitle() + "'");
    }
    List<String> requested = (List<String>) browser.executeScript(
        "return performance.getEntries().map(e => e.name).filter(n => n.startsWith('http'))");
    for (String request : requested) {
      if (!origin(request).equals(ORIGIN)) {
        problems.add("requested " + request);
      }
    }
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER).getAll()) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        problems.add("console: " + entry.getMessage());
      }
    }
    byte[] png = browser.getScreenshotAs(OutputType.BYTES);
    String name = URI.create(url).getPath().replaceFirst("^/", "").replace('/', '_');
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('a[href]'), a => a.href)");
  }

  private static boolean isPortalPage(String link) {
    String path = URI.create(link).getPath();
    return (path.equals("/docs") || path.startsWith("/docs/")) && !path.startsWith("/docs/assets/");
  }

  private static String withoutFragment(String href) {
    int hash = href.indexOf('#');
    return hash < 0 ? href : href.substring(0, hash);
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }
}
