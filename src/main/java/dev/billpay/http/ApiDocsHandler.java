package dev.billpay.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the OpenAPI contract at /openapi.yaml and the developer portal under /docs: the pages the build rendered
 * into the classpath directory {@code portal/} (named by its {@code pages.txt}), among them the API reference
 * (Swagger UI from the webjar on the classpath, under /docs/assets/). Everything is read once at construction
 * (verticle start, off the request path); a missing file fails the start instead of the first request.
 */
public final class ApiDocsHandler {
  /** Where the org.webjars:swagger-ui jar keeps its files; the version must match the one in the pom. */
  static final String SWAGGER_UI_WEBJAR = "META-INF/resources/webjars/swagger-ui/5.17.14";
  /** Swagger UI's own files (JS, CSS, icons), referenced by the reference page. */
  public static final String ASSETS_ROUTE = "/docs/assets/*";
  static final String PORTAL = "portal/";
  /** The contract's top-level server list, up to the next top-level key. */
  private static final Pattern SERVERS = Pattern.compile("(?m)^servers:\\n(?:[ \\t-].*\\n)+");
  /**
   * A server relative to the document: clients resolve it against the address they loaded the contract from, so
   * Try it on the reference page calls the gateway that served the page, on whatever host and port.
   */
  static final String SERVED_SERVERS = """
      servers:
        - url: /
          description: This gateway (the one that served this document)
      """;

  private final byte[] contract;
  private final Map<String, Page> pages = new HashMap<>();

  private record Page(String contentType, byte[] body) {}

  public ApiDocsHandler() {
    this.contract = servedContract(new String(read("openapi.yaml"), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    String manifest = new String(read(PORTAL + "pages.txt"), StandardCharsets.UTF_8);
    for (String line : manifest.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      String type = parts[1].endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
      pages.put(parts[0], new Page(type, read(PORTAL + parts[1])));
    }
    if (!pages.containsKey("") || !pages.containsKey("reference")) {
      throw new IllegalStateException("the developer portal on the classpath has no landing or reference page;"
          + " the build renders it (mvn process-test-classes)");
    }
    if (ApiDocsHandler.class.getClassLoader().getResource(SWAGGER_UI_WEBJAR + "/swagger-ui-bundle.js") == null) {
      throw new IllegalStateException("Swagger UI is not on the classpath at " + SWAGGER_UI_WEBJAR
          + "; the org.webjars:swagger-ui version in the pom must match ApiDocsHandler.SWAGGER_UI_WEBJAR");
    }
  }

  /** The contract as served: the same document with a server list relative to wherever it is loaded from. */
  static String servedContract(String contract) {
    Matcher servers = SERVERS.matcher(contract);
    if (!servers.find()) {
      throw new IllegalStateException("openapi.yaml has no top-level servers list to serve relative");
    }
    return contract.substring(0, servers.start()) + SERVED_SERVERS + contract.substring(servers.end());
  }

  public void mount(Router router) {
    router.get("/openapi.yaml").handler(ctx -> send(ctx, "application/yaml", contract));
    router.get("/docs").handler(ctx -> send(ctx, pages.get("")));
    // Prefix routes for static pages and files, not API operations: the contract lists /docs only, and the contract
    // test (ContractRoutesTest) compares exact-path routes only, so it skips these.
    router.get(ASSETS_ROUTE).handler(StaticHandler.create(SWAGGER_UI_WEBJAR).setDirectoryListing(false));
    router.get("/docs/*").handler(ctx -> {
      Page page = pages.get(ctx.normalizedPath().substring("/docs/".length()));
      if (page == null) {
        ctx.next();
      } else {
        send(ctx, page);
      }
    });
  }

  private static void send(RoutingContext ctx, Page page) {
    send(ctx, page.contentType(), page.body());
  }

  private static void send(RoutingContext ctx, String contentType, byte[] body) {
    ctx.response().putHeader("Content-Type", contentType).end(Buffer.buffer(body));
  }

  private static byte[] read(String resource) {
    try (InputStream in = ApiDocsHandler.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + resource + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath resource " + resource, e);
    }
  }
}
