package dev.billpay.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI contract at /openapi.yaml and the API reference page at /docs (Swagger UI from the
 * webjar on the classpath). Both documents are small classpath resources, read once at construction (verticle
 * start, off the request path); a missing one fails the start instead of the first request.
 */
public final class ApiDocsHandler {
  /** Where the org.webjars:swagger-ui jar keeps its files; the version must match the one in the pom. */
  static final String SWAGGER_UI_WEBJAR = "META-INF/resources/webjars/swagger-ui/5.17.14";
  /** Swagger UI's own files (JS, CSS, icons), referenced by docs/index.html. */
  public static final String ASSETS_ROUTE = "/docs/assets/*";

  private final byte[] contract;
  private final byte[] page;

  public ApiDocsHandler() {
    this.contract = read("openapi.yaml");
    this.page = read("docs/index.html");
    if (ApiDocsHandler.class.getClassLoader().getResource(SWAGGER_UI_WEBJAR + "/swagger-ui-bundle.js") == null) {
      throw new IllegalStateException("Swagger UI is not on the classpath at " + SWAGGER_UI_WEBJAR
          + "; the org.webjars:swagger-ui version in the pom must match ApiDocsHandler.SWAGGER_UI_WEBJAR");
    }
  }

  public void mount(Router router) {
    router.get("/openapi.yaml").handler(ctx -> send(ctx, "application/yaml", contract));
    router.get("/docs").handler(ctx -> send(ctx, "text/html; charset=utf-8", page));
    // A prefix route for static files, not an API operation: the contract does not list it, and the contract
    // test (ContractRoutesTest) compares exact-path routes only, so it skips this one.
    router.get(ASSETS_ROUTE).handler(StaticHandler.create(SWAGGER_UI_WEBJAR).setDirectoryListing(false));
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
