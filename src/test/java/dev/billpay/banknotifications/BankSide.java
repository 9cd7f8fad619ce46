package dev.billpay.banknotifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.reconciliation.bai2.Bai2Statement;
import dev.billpay.reconciliation.bai2.Bai2Writer;
import dev.billpay.reconciliation.bai2.FileHeader;
import dev.billpay.reconciliation.bai2.FundsType;
import dev.billpay.reconciliation.bai2.GroupHeader;
import dev.billpay.testing.Api;
import dev.billpay.testing.SharedStack;
import dev.billpay.webhooks.WebhookSignature;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/** The bank's side of the notification tests: signed POSTs, and the files it would send instead. */
final class BankSide {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Api API = new Api();

  private BankSide() {}

  static String newId() {
    return "ntf_" + UUID.randomUUID().toString().replace("-", "");
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }

  /** POSTs {@code body} to {@code path} with the headers given; a null header is left out. */
  static Api.Response post(String path, String id, String timestamp, String signature, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SharedStack.HTTP_PORT + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (id != null) {
      b.header("webhook-id", id);
    }
    if (timestamp != null) {
      b.header("webhook-timestamp", timestamp);
    }
    if (signature != null) {
      b.header("webhook-signature", signature);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Signed now under {@code secret} for {@code bank}, its id the body's. */
  static Api.Response signed(String bank, String secret, JsonObject body) {
    String text = body.encode();
    String id = body.getString("id");
    long at = now();
    return post("/v1/bank-notifications/" + bank, id, Long.toString(at), WebhookSignature.sign(secret, id, at, text),
        text);
  }

  static String sha256(String body) {
    return BankNotificationService.sha256(body.getBytes(StandardCharsets.UTF_8));
  }

  /** A BAI2 statement with one ACH settlement credit (type 166) of {@code amount} on {@code day}. */
  static String settlementStatement(LocalDate day, long amount) {
    return Bai2Writer.format(new Bai2Statement(
        new FileHeader("BANK", "BILLPAY", day, "2359", Long.toString(System.nanoTime()), OptionalInt.of(80),
            OptionalInt.empty()),
        new GroupHeader("BILLPAY", "BANK", 1, day, "2359", "USD", OptionalInt.of(2)),
        List.of(new Bai2Statement.Account("000123456789", "", List.of(), List.of(
            new Bai2Statement.Entry("166", amount, FundsType.IMMEDIATE, "ACH1", "", "ACH SETTLEMENT"))))));
  }

  /** Runs a cut-off through the operator API and answers the clearing file the payment went into. */
  static JsonObject clear(String key, String paymentId) {
    Api.Response run = API.send("POST", "/v1/clearing-runs", SharedStack.ADMIN_TOKEN, "application/json", "{}");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    JsonObject payment = API.get(key, "/v1/payments/" + paymentId).json();
    assertThat(payment.getString("status")).as(payment.encode()).isEqualTo("submitted");
    return API.get(SharedStack.ADMIN_TOKEN, "/v1/clearing-files/" + payment.getString("clearing_file_id")).json();
  }

  static NachaFile content(String clearingFileId) {
    Api.Response content = API.get(SharedStack.ADMIN_TOKEN, "/v1/clearing-files/" + clearingFileId + "/content");
    assertThat(content.status()).isEqualTo(200);
    try {
      return NachaReader.read(new StringReader(content.body())).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
