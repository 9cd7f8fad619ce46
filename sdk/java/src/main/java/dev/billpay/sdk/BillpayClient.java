package dev.billpay.sdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The billpay-gateway client: every operation of {@link BillpayApi}, sent with your credentials, with an
 * idempotency key made per call (and kept for its retries), retried as {@link RetryPolicy} says, answers
 * decoded into dev.billpay.sdk.model records, and problems thrown as BillpayProblemException subclasses.
 * Thread-safe; make one and share it.
 *
 * <pre>{@code
 * BillpayClient client = BillpayClient.builder()
 *     .baseUrl("http://localhost:8080").apiKey("bp_test_dev_key_embedded_default").build();
 * Payment p = client.createPayment(CreatePaymentRequest.of(fa.id(), payee.id(), 12550L, "USD"));
 * }</pre>
 */
public final class BillpayClient extends BillpayApi {
  public static final String VERSION = "0.1.0";

  private BillpayClient(Transport transport) {
    super(transport);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a client; every one has a default but the credentials. */
  public static final class Builder {
    private URI baseUrl = URI.create("http://localhost:8080");
    private String apiKey;
    private String adminToken;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private RetryPolicy retries = RetryPolicy.defaults();
    private Consumer<RetryAttempt> onRetry = attempt -> {};

    private Builder() {}

    /** The gateway, e.g. {@code http://localhost:8080} (the default, as {@code billpay dev} listens). */
    public Builder baseUrl(String url) {
      this.baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      return this;
    }

    /** The client's API key ({@code bp_test_…} or {@code bp_live_…}), for the /v1 operations. */
    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    /** The operator's admin token, for the /admin operations and the clearing and reconciliation ones. */
    public Builder adminToken(String token) {
      this.adminToken = token;
      return this;
    }

    /** How long to wait for a TCP connection (default 5 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** How long to wait for the answer to one attempt, from sending it (default 30 s). */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** Attempts in all, the first included (default 4); 1 turns retries off. */
    public Builder maxAttempts(int attempts) {
      this.retries = new RetryPolicy(attempts, retries.initialBackoff(), retries.maxBackoff(), retries.maxRetryAfter());
      return this;
    }

    /** The whole policy: attempts, backoff and the longest Retry-After worth waiting for. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retries = Objects.requireNonNull(policy);
      return this;
    }

    /** Told of each failed attempt before it is retried (for your logs or metrics). */
    public Builder onRetry(Consumer<RetryAttempt> listener) {
      this.onRetry = Objects.requireNonNull(listener);
      return this;
    }

    public BillpayClient build() {
      // HTTP/1.1: the gateway speaks it, and no h2c upgrade is attempted on the first request
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
          .followRedirects(HttpClient.Redirect.NEVER).build();
      return new BillpayClient(new HttpTransport(http, baseUrl, apiKey, adminToken, requestTimeout, retries, onRetry));
    }
  }
}
