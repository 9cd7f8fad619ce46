package dev.billpay.clearing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.crypto.AccountNumberCipher;
import dev.billpay.db.PgPools;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.scheduling.BankingCalendar;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Clearing file operations through the gateway: SFTP hand-over, retransmit and cancel")
class ClearingFileOperationsIT {
  /** Not a port the project's stack or other tests use. */
  private static final int SFTP_PORT = 26022;
  private static final EmbeddedSftpServer bank = EmbeddedSftpServer.start(SFTP_PORT);
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_CLEARING_TRANSMITTER", "sftp",
      "BILLPAY_CLEARING_SFTP_HOST", "127.0.0.1",
      "BILLPAY_CLEARING_SFTP_PORT", Integer.toString(SFTP_PORT),
      "BILLPAY_CLEARING_SFTP_USER", EmbeddedSftpServer.USER,
      "BILLPAY_CLEARING_SFTP_PASSWORD", EmbeddedSftpServer.PASSWORD,
      "BILLPAY_CLEARING_SFTP_HOST_KEY", bank.hostKeyLine(),
      "BILLPAY_CLEARING_SFTP_TIMEOUT_MS", "10000"));
  private static final Api api = new Api();
  private static final String OPERATOR = SharedStack.ADMIN_TOKEN;

  @AfterAll
  static void stopBank() throws Exception {
    bank.close();
  }

  private static ClearingEngine engine(Pool pool, Transmitter transmitter) {
    return TestEngines.engine(gateway, pool, transmitter);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static String payment(long amount) {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", Api.paymentBody(amount));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }

  private static JsonObject paymentJson(String id) {
    return api.get(Api.DEV_KEY, "/v1/payments/" + id).json();
  }

  private static JsonObject file(String id) {
    return api.get(OPERATOR, "/v1/clearing-files/" + id).json();
  }

  private static String content(String fileId) {
    Api.Response r = api.get(OPERATOR, "/v1/clearing-files/" + fileId + "/content");
    assertThat(r.status()).isEqualTo(200);
    return r.body();
  }

  private static Api.Response operation(String fileId, String action, String key, JsonObject body) {
    return api.send("POST", "/v1/clearing-files/" + fileId + "/" + action, OPERATOR, "application/json",
        body.encode(), key);
  }

  private static JsonObject asked(String reason) {
    return new JsonObject().put("requested_by", "ops.jane").put("reason", reason);
  }

  private static JsonObject runCutoff() {
    Api.Response run = api.send("POST", "/v1/clearing-runs", OPERATOR, "application/json", "{}");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    return run.json();
  }

  /** Where the bank's server keeps the file, by the name the transmitter gives it. */
  private static Path onServer(JsonObject file) {
    return bank.root().resolve(file.getString("file_date") + "-" + file.getString("file_id_modifier") + "-"
        + file.getString("id") + ".ach");
  }

  private static long serverFilesNamed(String fileId) throws Exception {
    try (Stream<Path> files = Files.list(bank.root())) {
      return files.filter(p -> p.getFileName().toString().contains(fileId)).count();
    }
  }

  @Test
  @DisplayName("a cut-off's file reaches the bank's SFTP server byte for byte under its final name; it cannot be cancelled or sent again")
  void cutoffOverSftp() throws Exception {
    String id = payment(6101);
    runCutoff();
    String fileId = paymentJson(id).getString("clearing_file_id");
    JsonObject file = file(fileId);
    assertThat(file.getString("status")).isEqualTo("transmitted");
    assertThat(Files.readAllBytes(onServer(file))).isEqualTo(content(fileId).getBytes(StandardCharsets.US_ASCII));
    assertThat(serverFilesNamed(fileId)).as("no partial file left").isEqualTo(1);

    Api.Response cancel = operation(fileId, "cancel", UUID.randomUUID().toString(), asked("too late"));
    assertThat(cancel.status()).as(cancel.body()).isEqualTo(409);
    assertThat(cancel.json().getString("type")).endsWith("/clearing-file-not-cancellable");
    Api.Response again = operation(fileId, "retransmit", UUID.randomUUID().toString(), asked("not unknown"));
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().getString("type")).endsWith("/clearing-file-not-retransmittable");
    assertThat(paymentJson(id).getString("status")).isEqualTo("submitted");
  }

  @Test
  @DisplayName("a file the bank's server did not take is sent again, same bytes and id, once per key, audited; its payments stay in review")
  void retransmit() throws Exception {
    List<String> ids = List.of(payment(6201), payment(6202));
    bank.stop();
    String fileId;
    try {
      runCutoff();
      fileId = paymentJson(ids.get(0)).getString("clearing_file_id");
      assertThat(file(fileId).getString("status")).isEqualTo("transmission_unknown");
    } finally {
      bank.start();
    }
    assertThat(serverFilesNamed(fileId)).isZero();
    ids.forEach(id -> assertThat(paymentJson(id).getString("status")).isEqualTo("needs_review"));

    Api.Response noReason = operation(fileId, "retransmit", UUID.randomUUID().toString(),
        new JsonObject().put("requested_by", "ops.jane"));
    assertThat(noReason.status()).as("why is required").isEqualTo(400);
    Api.Response noKey = api.send("POST", "/v1/clearing-files/" + fileId + "/retransmit", OPERATOR,
        "application/json", asked("x").encode(), null);
    assertThat(noKey.status()).as(noKey.body()).isEqualTo(400);
    assertThat(noKey.json().getString("type")).endsWith("/idempotency-key-missing");
    assertThat(operation("cf_doesnotexist", "retransmit", UUID.randomUUID().toString(), asked("x")).status())
        .isEqualTo(404);

    String key = UUID.randomUUID().toString();
    int uploadsBefore = bank.uploads();
    Api.Response accepted = operation(fileId, "retransmit", key, asked("bank says it never got the 15:45 file"));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().getString("kind")).isEqualTo("retransmit");
    assertThat(accepted.json().getString("requested_by")).isEqualTo("ops.jane");
    assertThat(accepted.json().getJsonObject("clearing_file").getString("status")).isEqualTo("transmitting");
    Eventually.await(Duration.ofSeconds(30), "the file handed over again",
        () -> "transmitted".equals(file(fileId).getString("status")));
    JsonObject file = file(fileId);
    assertThat(Files.readAllBytes(onServer(file))).as("the stored bytes, under the same id")
        .isEqualTo(content(fileId).getBytes(StandardCharsets.US_ASCII));
    assertThat(ClearingEngine.sha256(Files.readString(onServer(file), StandardCharsets.US_ASCII)))
        .isEqualTo(file.getString("sha256"));

    Api.Response replay = operation(fileId, "retransmit", key, asked("bank says it never got the 15:45 file"));
    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.json()).isEqualTo(accepted.json());
    Api.Response reused = operation(fileId, "retransmit", key, asked("another reason"));
    assertThat(reused.status()).as("same key, other body").isEqualTo(422);
    Thread.sleep(500);
    assertThat(bank.uploads() - uploadsBefore).as("one upload for the key, the replay sent nothing").isEqualTo(1);

    JsonObject ops = api.get(OPERATOR, "/v1/clearing-files/" + fileId + "/operations").json();
    assertThat(ops.getJsonArray("data")).hasSize(1);
    JsonObject op = ops.getJsonArray("data").getJsonObject(0);
    assertThat(op.getString("outcome")).isEqualTo("transmitted");
    assertThat(op.getString("reason")).isEqualTo("bank says it never got the 15:45 file");
    assertThat(op.getString("request_id")).isNotBlank();
    assertThat(op.getString("completed_at")).isNotNull();
    ids.forEach(id -> assertThat(paymentJson(id).getString("status"))
        .as("only the bank's statement or return file tells what it did with them").isEqualTo("needs_review"));
    Api.Response twice = operation(fileId, "retransmit", UUID.randomUUID().toString(), asked("again"));
    assertThat(twice.status()).as("transmitted now: not again").isEqualTo(409);
  }

  @Test
  @DisplayName("a retransmission that fails again leaves the file transmission_unknown, the operation failed, and it can be retried")
  void retransmitFailsAgain() throws Exception {
    String id = payment(6301);
    bank.stop();
    try {
      runCutoff();
      String fileId = paymentJson(id).getString("clearing_file_id");
      Api.Response accepted = operation(fileId, "retransmit", UUID.randomUUID().toString(), asked("try once more"));
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
      Eventually.await(Duration.ofSeconds(30), "the retransmission ended", () -> "failed".equals(
          api.get(OPERATOR, "/v1/clearing-files/" + fileId + "/operations").json().getJsonArray("data")
              .getJsonObject(0).getString("outcome")));
      assertThat(file(fileId).getString("status")).isEqualTo("transmission_unknown");
      bank.start();
      Api.Response retry = operation(fileId, "retransmit", UUID.randomUUID().toString(), asked("server is back"));
      assertThat(retry.status()).as(retry.body()).isEqualTo(202);
      Eventually.await(Duration.ofSeconds(30), "handed over", () -> "transmitted".equals(file(fileId)
          .getString("status")));
      assertThat(api.get(OPERATOR, "/v1/clearing-files/" + fileId + "/operations").json().getJsonArray("data"))
          .hasSize(2);
    } finally {
      if (serverDown()) {
        bank.start();
      }
    }
  }

  private static boolean serverDown() {
    try (var s = new java.net.Socket("127.0.0.1", SFTP_PORT)) {
      return false;
    } catch (java.io.IOException e) {
      return true;
    }
  }

  @Test
  @DisplayName("a file cancelled before its hand-over is never sent; its payments go back to pending and land in the next file, once")
  void cancelBeforeHandOver() throws Exception {
    List<String> ids = List.of(payment(6401), payment(6402), payment(6403));
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    try {
      Instant now = Instant.now();
      // the process stops between the cut-off's commit and its hand-over: the file is written, not sent
      ClearingEngine.RunResult written = await(engine(pool, (f, c) -> Future.failedFuture("not used")).write(now, now));
      assertThat(written.ran()).isTrue();
      String fileId = paymentJson(ids.get(0)).getString("clearing_file_id");
      assertThat(file(fileId).getString("status")).isEqualTo("created");
      String cancelledContent = content(fileId);
      Api.Response notYet = operation(fileId, "retransmit", UUID.randomUUID().toString(), asked("x"));
      assertThat(notYet.status()).as("never handed over: nothing to send again").isEqualTo(409);
      assertThat(notYet.json().getString("type")).endsWith("/clearing-file-not-retransmittable");

      String key = UUID.randomUUID().toString();
      Api.Response cancel = operation(fileId, "cancel", key, asked("wrong effective date"));
      assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
      assertThat(cancel.json().getJsonObject("clearing_file").getString("status")).isEqualTo("cancelled");
      assertThat(cancel.json().getString("outcome")).isEqualTo("cancelled");
      int inFile = written.files().stream().filter(f -> f.id().equals(fileId)).findFirst().orElseThrow().entryCount();
      assertThat(cancel.json().getInteger("payment_count")).isEqualTo(inFile);
      for (String id : ids) {
        JsonObject p = paymentJson(id);
        assertThat(p.getString("status")).isEqualTo("pending");
        assertThat(p.getValue("trace_number")).isNull();
        assertThat(p.getValue("clearing_file_id")).isNull();
        assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ? AND payload LIKE"
            + " '%\"billpay.payment.pending\"%'", id)).as("one pending event").isEqualTo(1);
      }
      Api.Response replay = operation(fileId, "cancel", key, asked("wrong effective date"));
      assertThat(replay.status()).isEqualTo(200);
      assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
      assertThat(replay.json()).isEqualTo(cancel.json());
      Api.Response twice = operation(fileId, "cancel", UUID.randomUUID().toString(), asked("again"));
      assertThat(twice.status()).isEqualTo(409);
      assertThat(twice.json().getString("type")).endsWith("/clearing-file-not-cancellable");
      assertThat(operation(fileId, "retransmit", UUID.randomUUID().toString(), asked("x")).status())
          .as("a cancelled file is never sent").isEqualTo(409);

      runCutoff();
      List<String> traces = new ArrayList<>();
      String next = null;
      for (String id : ids) {
        JsonObject p = paymentJson(id);
        assertThat(p.getString("status")).isEqualTo("submitted");
        assertThat(p.getString("clearing_file_id")).isNotEqualTo(fileId);
        next = p.getString("clearing_file_id");
        traces.add(p.getString("trace_number"));
        assertThat(Probes.pgLong("SELECT count(*) FROM outbox WHERE message_key = ? AND payload LIKE"
            + " '%\"billpay.payment.submitted\"%'", id)).as("submitted once per file").isEqualTo(2);
      }
      String nextContent = content(next);
      for (String trace : traces) {
        assertThat(nextContent.split(trace, -1)).as("trace " + trace + " once in the new file").hasSize(2);
        assertThat(cancelledContent).as("a new trace number").doesNotContain(trace);
      }
      assertThat(file(next).getString("status")).isEqualTo("transmitted");
      assertThat(serverFilesNamed(fileId)).as("the cancelled file never reached the bank").isZero();
      assertThat(file(fileId).getString("status")).isEqualTo("cancelled");
      assertThat(content(fileId)).as("kept as it was, for audit").isEqualTo(cancelledContent);
      JsonObject report = api.get(OPERATOR, "/v1/reconciliation/reports/" + file(fileId).getString("file_date"))
          .json();
      assertThat(report.getJsonObject("clearing_files").getJsonArray("files").stream().map(JsonObject.class::cast)
          .map(f -> f.getString("id"))).as("the day's report counts its payments in the file that took them")
          .doesNotContain(fileId).contains(next);
      assertThat(api.get(OPERATOR, "/v1/clearing-files/" + fileId + "/operations").json().getJsonArray("data")
          .getJsonObject(0).getString("kind")).isEqualTo("cancel");
    } finally {
      pool.close();
    }
  }

  @Test
  @DisplayName("a cancellation racing the hand-over: either the file is cancelled and never sent, or sent and the cancellation refused")
  void cancelRacesHandOver() throws Exception {
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    try {
      for (int round = 0; round < 3; round++) {
        String id = payment(6500 + round);
        AtomicInteger sent = new AtomicInteger();
        ClearingEngine engine = engine(pool, (f, c) -> {
          sent.incrementAndGet();
          return Future.succeededFuture();
        });
        Instant now = Instant.now();
        ClearingFile written = await(engine.write(now, now)).files().stream()
            .filter(f -> f.id().equals(paymentJson(id).getString("clearing_file_id"))).findFirst().orElseThrow();
        CompletableFuture<Api.Response> cancel = CompletableFuture.supplyAsync(() ->
            operation(written.id(), "cancel", UUID.randomUUID().toString(), asked("race " + id)));
        await(engine.handOver(written));
        Api.Response answer = cancel.get(30, TimeUnit.SECONDS);
        String status = file(written.id()).getString("status");
        if (answer.status() == 200) {
          assertThat(status).isEqualTo("cancelled");
          assertThat(sent.get()).as("cancelled first: never sent").isZero();
          assertThat(paymentJson(id).getString("status")).isEqualTo("pending");
        } else {
          assertThat(answer.status()).as(answer.body()).isEqualTo(409);
          assertThat(status).isEqualTo("transmitted");
          assertThat(sent.get()).isEqualTo(1);
          assertThat(paymentJson(id).getString("status")).isEqualTo("submitted");
        }
      }
    } finally {
      pool.close();
    }
  }

  @Test
  @DisplayName("a hand-over under way can be neither cancelled (the bank may already be reading the file) nor sent again")
  void transmittingNotCancellable() throws Exception {
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    try {
      String id = payment(6601);
      Promise<Void> release = Promise.promise();
      ClearingEngine engine = engine(pool, (f, c) -> release.future());
      Instant now = Instant.now();
      Future<ClearingEngine.RunResult> run = engine.run(now, now);
      Eventually.await(Duration.ofSeconds(30), "the hand-over started", () -> {
        String fileId = paymentJson(id).getString("clearing_file_id");
        return fileId != null && "transmitting".equals(file(fileId).getString("status"));
      });
      String fileId = paymentJson(id).getString("clearing_file_id");
      Api.Response cancel = operation(fileId, "cancel", UUID.randomUUID().toString(), asked("stop it"));
      assertThat(cancel.status()).as(cancel.body()).isEqualTo(409);
      assertThat(cancel.json().getString("detail")).contains("transmitting");
      assertThat(operation(fileId, "retransmit", UUID.randomUUID().toString(), asked("x")).status())
          .as("a hand-over under way is not sent twice").isEqualTo(409);
      gateway.vertx().runOnContext(v -> release.complete());
      await(run);
      assertThat(file(fileId).getString("status")).isEqualTo("transmitted");
      assertThat(paymentJson(id).getString("status")).isEqualTo("submitted");
    } finally {
      pool.close();
    }
  }
}
