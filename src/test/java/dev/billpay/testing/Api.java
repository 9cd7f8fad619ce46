package dev.billpay.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client for the gateway under test (real TCP, no Vert.x test shortcuts). */
public final class Api {
  public static final String DEV_KEY = "bp_test_dev_key_embedded_default";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Api() {
    this(SharedStack.HTTP_PORT);
  }

  public record Response(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Response postPayment(String apiKey, String idempotencyKey, JsonObject body) {
    return join(postPaymentAsync(apiKey, idempotencyKey, body.encode()));
  }

  public CompletableFuture<Response> postPaymentAsync(String apiKey, String idempotencyKey, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/payments"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b.build());
  }

  public Response get(String apiKey, String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
    if (apiKey != null) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    return join(send(b.build()));
  }

  public Response send(String method, String path, String apiKey, String contentType, String body) {
    return send(method, path, apiKey, contentType, body, java.util.UUID.randomUUID().toString());
  }

  /** Any request; {@code idempotencyKey} null sends none. */
  public Response send(String method, String path, String apiKey, String contentType, String body,
      String idempotencyKey) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return join(send(b.build()));
  }

  private CompletableFuture<Response> send(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** POSTs a JSON body with a fresh Idempotency-Key. */
  public Response post(String apiKey, String path, JsonObject body) {
    return send("POST", path, apiKey, "application/json", body.encode());
  }

  /** A valid payment body with a unique reference, from the dev client's fixture account and payee. */
  public static JsonObject paymentBody(long amount) {
    return new JsonObject()
        .put("funding_account_id", Fixtures.devFundingAccount())
        .put("payee_id", Fixtures.devPayee())
        .put("amount", amount)
        .put("currency", "USD")
        .put("reference", "it-" + java.util.UUID.randomUUID());
  }
}
