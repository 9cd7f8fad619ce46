package dev.billpay.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.VerificationOrders;
import dev.billpay.clearing.nacha.Batch;
import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.clearing.nacha.NachaWriter;
import dev.billpay.clearing.nacha.ReturnFileBuilder;
import dev.billpay.db.PgPools;
import dev.billpay.testing.Api;
import dev.billpay.testing.DocumentedEvents;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Account validation through the gateway, on a gateway that debits only verified accounts: the entries of one
 * cut-off (prenotes and micro-entries), what the holder and the bank's return file make of them, and the sweep
 * that decides a prenote nothing came back for.
 */
@DisplayName("Account validation: prenote, micro-entries and external, before the first debit")
class AccountVerificationIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of(
      "BILLPAY_PAYMENTS_REQUIRE_VERIFIED_ACCOUNT", "true"));
  private static final Api api = new Api();
  private static final String OPERATOR = SharedStack.ADMIN_TOKEN;

  @Test
  @DisplayName("one cut-off sends every verification; the holder, the bank's returns and the sweep decide them")
  void verificationsOfOneCutoff() throws Exception {
    String base = Long.toString(100_000_000L + System.nanoTime() % 100_000_000L);
    String rightAfterTwoWrong = account(base + "1", "micro_entries");
    String threeWrong = account(base + "2", "micro_entries");
    String prenoteReturned = account(base + "3", "prenote");
    String prenoteCorrected = account(base + "4", "prenote");
    String prenoteSilent = account(base + "5", "prenote");
    String payee = Fixtures.devPayee();

    Api.Response refused = pay(rightAfterTwoWrong, payee);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().getString("type")).endsWith("/funding-account-not-verified");
    assertThat(verify(rightAfterTwoWrong, 1, 2).json().getString("type"))
        .as("micro-entries not in a file yet").endsWith("/verification-state-conflict");

    Api.Response run = api.send("POST", "/v1/clearing-runs", OPERATOR, "application/json", "{}");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    List<NachaFile> files = new ArrayList<>();
    for (Object f : run.json().getJsonArray("files")) {
      String content = api.get(OPERATOR, "/v1/clearing-files/" + ((JsonObject) f).getString("id") + "/content").body();
      files.add(NachaReader.read(new StringReader(content)).orElseThrow());
    }
    List<Integer> credits = microCredits(files, base + "1");
    List<Integer> otherCredits = microCredits(files, base + "2");
    assertThat(credits).hasSize(2).allMatch(c -> c >= 1 && c <= 99);

    // three wrong answers fail the verification; a fourth is a conflict
    int wrong = notIn(credits);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Api.Response answer = verify(threeWrong, otherCredits.get(0), notIn(otherCredits));
      assertThat(answer.status()).as(answer.body()).isEqualTo(422);
      assertThat(answer.json().getString("type")).endsWith("/verification-amounts-mismatch");
      assertThat(answer.json().getString("detail")).contains(attempt < 3 ? (3 - attempt) + " attempt(s) left"
          : "no attempts are left");
    }
    assertThat(verification(threeWrong).getString("status")).isEqualTo("verification_failed");
    assertThat(verify(threeWrong, otherCredits.get(0), otherCredits.get(1)).status()).isEqualTo(409);

    // two wrong answers, then the right one, in either order
    assertThat(verify(rightAfterTwoWrong, wrong, wrong).status()).isEqualTo(422);
    assertThat(verify(rightAfterTwoWrong, credits.get(0), wrong).status()).isEqualTo(422);
    Api.Response right = verify(rightAfterTwoWrong, credits.get(1), credits.get(0));
    assertThat(right.status()).as(right.body()).isEqualTo(200);
    assertThat(right.json().getJsonObject("verification").getString("status")).isEqualTo("verified");
    assertThat(pay(rightAfterTwoWrong, payee).status()).as("a verified account is debited").isEqualTo(201);
    List<JsonObject> events = Probes.topicEvents(Set.of(rightAfterTwoWrong), 2, Duration.ofSeconds(30));
    assertThat(events).extracting(e -> e.getString("type")).containsExactly(
        "billpay.funding_account.verification_pending", "billpay.funding_account.verified");
    events.forEach(DocumentedEvents::assertMatchesItsExample);

    // the bank returns one prenote and corrects another
    NachaFile withPrenotes = fileWith(files, base + "3");
    String returnedTrace = prenoteTrace(withPrenotes, base + "3");
    String correctedTrace = prenoteTrace(withPrenotes, base + "4");
    String returns = NachaWriter.write(new ReturnFileBuilder(withPrenotes).returnEntry(returnedTrace, "R03")
        .notifyChange(correctedTrace, "C01", String.format("%-29s", "9" + base + "4"))
        .build(LocalDateTime.now(), 'V'));
    Api.Response imported = api.send("POST", "/v1/bank-files", OPERATOR, "text/plain", returns);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    JsonObject failed = verification(prenoteReturned);
    assertThat(failed.getString("status")).isEqualTo("verification_failed");
    assertThat(failed.getString("failure_reason")).startsWith("returned R03");
    assertThat(verification(prenoteCorrected).getString("status")).isEqualTo("verified");

    // nothing came back for the last prenote: past its waiting period the sweep verifies it
    assertThat(verification(prenoteSilent).getString("status")).isEqualTo("verification_pending");
    Pool pool = PgPools.shared(gateway.vertx(), gateway.config().pg());
    try {
      new VerificationSweep(pool, Clock.systemUTC()).run().toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
      assertThat(verification(prenoteSilent).getString("status")).as("still within its waiting period")
          .isEqualTo("verification_pending");
      new VerificationSweep(pool, Clock.offset(Clock.systemUTC(), Duration.ofDays(9))).run().toCompletionStage()
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      pool.close();
    }
    assertThat(verification(prenoteSilent).getString("status")).isEqualTo("verified");
    assertThat(verification(threeWrong).getString("status")).as("decided before, left alone")
        .isEqualTo("verification_failed");
  }

  @Test
  @DisplayName("the external verifier answers at once; a new account number makes the account unverified again")
  void externalAndChangedNumber() {
    Api.Response known = api.post(Api.DEV_KEY, "/v1/funding-accounts", Fixtures.usAccount("000555000111")
        .put("verification_method", "external"));
    assertThat(known.status()).as(known.body()).isEqualTo(201);
    assertThat(known.json().getJsonObject("verification").getString("status")).isEqualTo("verified");
    String id = known.json().getString("id");
    Api.Response again = start(id, "prenote");
    assertThat(again.status()).as("a verified account is not verified again").isEqualTo(409);

    Api.Response unknown = api.post(Api.DEV_KEY, "/v1/funding-accounts", Fixtures.usAccount("000555000999")
        .put("verification_method", "external"));
    assertThat(unknown.json().getJsonObject("verification").getString("status")).isEqualTo("verification_failed");

    Api.Response changed = api.send("PATCH", "/v1/funding-accounts/" + id, Api.DEV_KEY, "application/json",
        new JsonObject().put("account_number", "000555000222").encode());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().getString("account_number_last4")).isEqualTo("0222");
    assertThat(changed.json().getJsonObject("verification").getString("status")).isEqualTo("unverified");
    Api.Response renamed = api.send("PATCH", "/v1/funding-accounts/" + id, Api.DEV_KEY, "application/json",
        new JsonObject().put("holder_name", "Jane Q. Doe").encode());
    assertThat(renamed.json().getString("holder_name")).isEqualTo("Jane Q. Doe");
    Api.Response invalid = api.send("PATCH", "/v1/funding-accounts/" + id, Api.DEV_KEY, "application/json",
        new JsonObject().put("routing_number", "021000022").encode());
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.json().getString("type")).endsWith("/bank-account-invalid");
    assertThat(pay(id, Fixtures.devPayee()).json().getString("type")).endsWith("/funding-account-not-verified");

    Api.Response iban = api.post(Api.DEV_KEY, "/v1/funding-accounts", new JsonObject().put("type", "iban")
        .put("holder_name", "Jane Doe").put("iban", "DE89370400440532013000"));
    assertThat(start(iban.json().getString("id"), "micro_entries").json().getString("type"))
        .endsWith("/verification-method-unavailable");
  }

  private static String account(String number, String method) {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/funding-accounts", Fixtures.usAccount(number)
        .put("verification_method", method));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().getJsonObject("verification").getString("status")).isEqualTo("verification_pending");
    return r.json().getString("id");
  }

  private static Api.Response start(String id, String method) {
    return api.send("POST", "/v1/funding-accounts/" + id + "/verifications", Api.DEV_KEY, "application/json",
        new JsonObject().put("method", method).encode(), UUID.randomUUID().toString());
  }

  private static Api.Response verify(String id, int first, int second) {
    return api.send("POST", "/v1/funding-accounts/" + id + "/verify", Api.DEV_KEY, "application/json",
        new JsonObject().put("amounts", new JsonArray().add(first).add(second)).encode());
  }

  private static JsonObject verification(String id) {
    return api.get(Api.DEV_KEY, "/v1/funding-accounts/" + id).json().getJsonObject("verification");
  }

  private static Api.Response pay(String account, String payee) {
    return api.post(Api.DEV_KEY, "/v1/payments", new JsonObject().put("funding_account_id", account)
        .put("payee_id", payee).put("amount", 1500).put("currency", "USD"));
  }

  /** The micro-entry credits of the account, from the ACCTVERIFY batch; checks the batch's offsetting debit. */
  private static List<Integer> microCredits(List<NachaFile> files, String accountNumber) {
    List<Integer> credits = new ArrayList<>();
    long debit = -1;
    for (NachaFile file : files) {
      for (Batch batch : file.batches()) {
        for (EntryDetail e : batch.entries()) {
          if (!e.accountNumber().trim().equals(accountNumber)) {
            continue;
          }
          assertThat(batch.header().entryDescription().trim()).isEqualTo(VerificationOrders.MICRO_ENTRY_DESCRIPTION);
          if (e.transactionCode().isDebit()) {
            debit = e.amountCents();
          } else {
            credits.add((int) e.amountCents());
          }
        }
      }
    }
    assertThat(debit).as("the offsetting debit is the credits' sum")
        .isEqualTo(credits.stream().mapToLong(Integer::longValue).sum());
    return credits;
  }

  /** An amount that is neither credit, so an answer with it is wrong whatever the other amount. */
  private static int notIn(List<Integer> credits) {
    int amount = 1;
    while (credits.contains(amount)) {
      amount++;
    }
    return amount;
  }

  private static NachaFile fileWith(List<NachaFile> files, String accountNumber) {
    return files.stream().filter(f -> f.entries().stream().anyMatch(e -> e.accountNumber().trim()
        .equals(accountNumber))).findFirst().orElseThrow();
  }

  private static String prenoteTrace(NachaFile file, String accountNumber) {
    EntryDetail prenote = file.entries().stream().filter(e -> e.accountNumber().trim().equals(accountNumber))
        .findFirst().orElseThrow();
    assertThat(prenote.transactionCode().isPrenote()).isTrue();
    assertThat(prenote.amountCents()).isZero();
    return prenote.traceNumber();
  }
}
