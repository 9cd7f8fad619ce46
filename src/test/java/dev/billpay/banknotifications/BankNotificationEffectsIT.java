package dev.billpay.banknotifications;

import static dev.billpay.banknotifications.BankSide.clear;
import static dev.billpay.banknotifications.BankSide.content;
import static dev.billpay.banknotifications.BankSide.newId;
import static dev.billpay.banknotifications.BankSide.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.nacha.NachaWriter;
import dev.billpay.clearing.nacha.ReturnFileBuilder;
import dev.billpay.testing.Api;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.SharedStack;
import dev.billpay.webhooks.WebhookSecret;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A notification has the effect of the bank file that would carry the same news: each test sends the news both
 * ways, for two payments or files alike, and compares what the two did, not what either says in words.
 */
@DisplayName("Bank notifications do what the equivalent bank file does")
class BankNotificationEffectsIT {
  private static final String SECRET = WebhookSecret.generate();
  private static final Api api = new Api();

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of("BILLPAY_BANK_NOTIFICATION_SECRETS",
      "dev-bank=" + SECRET));

  private static String pay(String key, String account, String payee, long amount) {
    Api.Response r = api.post(key, "/v1/payments", new JsonObject().put("funding_account_id", account)
        .put("payee_id", payee).put("amount", amount).put("currency", "USD").put("reference", "ntf-" + UUID.randomUUID()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }

  private static JsonObject payment(String key, String id) {
    return api.get(key, "/v1/payments/" + id).json();
  }

  private static JsonObject clearingFile(String id) {
    return api.get(SharedStack.ADMIN_TOKEN, "/v1/clearing-files/" + id).json();
  }

  private static JsonObject uploaded(String content) {
    Api.Response r = api.send("POST", "/v1/bank-files", SharedStack.ADMIN_TOKEN, "text/plain", content);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  private static JsonObject notified(JsonObject body) {
    Api.Response r = signed("dev-bank", SECRET, body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getJsonObject("bank_file");
  }

  @Test
  @DisplayName("a settlement notification of a clearing file's total settles it and its payments as a BAI2 statement"
      + " with the same credit settles another")
  void settlement() {
    String account = Fixtures.devFundingAccount();
    String payee = Fixtures.devPayee();
    String byStatement = pay(Api.DEV_KEY, account, payee, 7391);
    JsonObject fileA = clear(Api.DEV_KEY, byStatement);
    String byNotification = pay(Api.DEV_KEY, account, payee, 7392);
    JsonObject fileB = clear(Api.DEV_KEY, byNotification);
    assertThat(fileB.getString("id")).isNotEqualTo(fileA.getString("id"));

    JsonObject statement = uploaded(BankSide.settlementStatement(LocalDate.parse(fileA.getString("effective_date")),
        fileA.getLong("total_debit")));
    JsonObject notification = notified(new JsonObject().put("id", newId()).put("type", "settlement")
        .put("amount_minor", fileB.getLong("total_debit")).put("currency", "USD").put("direction", "credit")
        .put("value_date", fileB.getString("effective_date")).put("bank_reference", "ACH1")
        .put("remittance", "ACH SETTLEMENT"));

    assertThat(notification.getString("kind")).isEqualTo("bank_notification");
    JsonObject a = statement.getJsonObject("summary").copy();
    JsonObject b = notification.getJsonObject("summary").copy();
    assertThat(a.getInteger("clearing_files_settled")).as("the statement settled its file").isEqualTo(1);
    // each file settles the payments in it: ours, and any other test's the same cut-off took
    assertThat(a.remove("payments_settled")).isEqualTo(fileA.getInteger("entry_count"));
    assertThat(b.remove("payments_settled")).isEqualTo(fileB.getInteger("entry_count"));
    assertThat(b).isEqualTo(a);
    assertThat(clearingFile(fileB.getString("id")).getString("status"))
        .isEqualTo(clearingFile(fileA.getString("id")).getString("status")).isEqualTo("settled");
    assertThat(payment(Api.DEV_KEY, byNotification).getString("status"))
        .isEqualTo(payment(Api.DEV_KEY, byStatement).getString("status")).isEqualTo("settled");
  }

  @Test
  @DisplayName("a return notification returns a submitted payment as a NACHA return file with the same entry returns"
      + " its twin, and one for another amount is left to the return applier's judgement")
  void returned() {
    String key = Fixtures.newClientKey("notifications-" + UUID.randomUUID());
    String account = Fixtures.createFundingAccount(key, "000888000111");
    String payee = Fixtures.createPayee(key, "7700112233");
    String byFile = pay(key, account, payee, 6161);
    String byNotification = pay(key, account, payee, 6161);
    String wrongAmount = pay(key, account, payee, 6161);
    JsonObject file = clear(key, byFile);
    for (String id : new String[] {byNotification, wrongAmount}) {
      assertThat(payment(key, id).getString("clearing_file_id")).isEqualTo(file.getString("id"));
    }
    String effective = file.getString("effective_date");

    JsonObject viaFile = uploaded(NachaWriter.write(new ReturnFileBuilder(content(file.getString("id")))
        .returnEntry(payment(key, byFile).getString("trace_number"), "R01").build(LocalDateTime.now(), 'N')));
    JsonObject viaNotification = notified(new JsonObject().put("id", newId()).put("type", "return")
        .put("original_trace_number", payment(key, byNotification).getString("trace_number")).put("return_code", "R01")
        .put("amount_minor", 6161).put("original_effective_date", effective));

    assertThat(viaFile.getJsonObject("summary").getInteger("returned")).as("the file returned its payment").isEqualTo(1);
    assertThat(viaNotification.getJsonObject("summary")).isEqualTo(viaFile.getJsonObject("summary"));
    JsonObject a = payment(key, byFile);
    JsonObject b = payment(key, byNotification);
    for (String field : new String[] {"status", "return_code", "return_reason", "return_dispute"}) {
      assertThat(b.getValue(field)).as(field).isEqualTo(a.getValue(field));
    }
    assertThat(b.getString("status")).isEqualTo("returned");

    JsonObject mismatch = notified(new JsonObject().put("id", newId()).put("type", "return")
        .put("original_trace_number", payment(key, wrongAmount).getString("trace_number")).put("return_code", "R01")
        .put("amount_minor", 6162).put("original_effective_date", effective));
    assertThat(mismatch.getJsonObject("summary").getInteger("returned")).isZero();
    assertThat(mismatch.getJsonObject("summary").getInteger("exceptions")).isEqualTo(1);
    assertThat(payment(key, wrongAmount).getString("status")).isEqualTo("submitted");
  }

  @Test
  @DisplayName("a notification of change corrects the funding account of the entry as a NOC file corrects its twin's")
  void changed() {
    String[] keys = new String[2];
    String[] accounts = new String[2];
    String[] payments = new String[2];
    for (int i = 0; i < 2; i++) {
      keys[i] = Fixtures.newClientKey("notifications-noc-" + UUID.randomUUID());
      accounts[i] = Fixtures.createFundingAccount(keys[i], "000888000111");
      payments[i] = pay(keys[i], accounts[i], Fixtures.createPayee(keys[i], "7700112233"), 2100);
    }
    JsonObject file = clear(keys[0], payments[0]);
    assertThat(payment(keys[1], payments[1]).getString("clearing_file_id")).isEqualTo(file.getString("id"));

    JsonObject viaFile = uploaded(NachaWriter.write(new ReturnFileBuilder(content(file.getString("id")))
        .notifyChange(payment(keys[0], payments[0]).getString("trace_number"), "C01", "000999111222")
        .build(LocalDateTime.now(), 'M')));
    JsonObject viaNotification = notified(new JsonObject().put("id", newId()).put("type", "notification_of_change")
        .put("original_trace_number", payment(keys[1], payments[1]).getString("trace_number"))
        .put("change_code", "C01").put("corrected_data", "000999111222"));

    assertThat(viaFile.getJsonObject("summary").getInteger("accounts_corrected")).isEqualTo(1);
    assertThat(viaNotification.getJsonObject("summary")).isEqualTo(viaFile.getJsonObject("summary"));
    JsonObject a = api.get(keys[0], "/v1/funding-accounts/" + accounts[0]).json();
    JsonObject b = api.get(keys[1], "/v1/funding-accounts/" + accounts[1]).json();
    for (String field : new String[] {"routing_number", "account_number_last4", "account_type", "status"}) {
      assertThat(b.getValue(field)).as(field).isEqualTo(a.getValue(field));
    }
    assertThat(b.getString("account_number_last4")).isEqualTo("1222");
  }
}
