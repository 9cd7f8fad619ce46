package dev.billpay.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.testing.Api;
import dev.billpay.testing.BlockedThreadWatch;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.Probes;
import dev.billpay.testing.GatewayExtension;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Funding accounts, bank-account validation and payees")
class FundingAccountsIT {
  private static final String US_NUMBER = "948372615024";
  private static final String IBAN = "DE89370400440532013000";
  private static final String PAYEE_NUMBER = "4111222233334444";
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static final Api api = new Api();

  @AfterAll
  static void noAccountNumbersLogged() {
    String logs = BlockedThreadWatch.allLogs();
    assertThat(logs).as("account numbers in the logs").doesNotContain(US_NUMBER).doesNotContain(IBAN)
        .doesNotContain(PAYEE_NUMBER);
  }

  @Test
  @DisplayName("a US account is created, shown masked, and its number is stored only encrypted")
  void usAccount() {
    Api.Response created = api.post(Api.DEV_KEY, "/v1/funding-accounts", Fixtures.usAccount(US_NUMBER));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject account = created.json();
    assertThat(account.getString("id")).startsWith("fa_");
    assertThat(account.getString("account_number_masked")).isEqualTo("\u2022\u2022\u2022\u20225024");
    assertThat(created.body()).doesNotContain(US_NUMBER);
    Api.Response fetched = api.get(Api.DEV_KEY, "/v1/funding-accounts/" + account.getString("id"));
    assertThat(fetched.json()).isEqualTo(account);
    assertThat(Probes.pgLong("SELECT count(*) FROM funding_accounts WHERE id = ? AND number_key_id = 'it'"
        + " AND position(convert_to(?, 'UTF8') in number_ciphertext) = 0", account.getString("id"), US_NUMBER))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("an IBAN in print format is accepted and shown masked")
  void ibanAccount() {
    Api.Response created = api.post(Api.DEV_KEY, "/v1/funding-accounts", new JsonObject().put("type", "iban")
        .put("holder_name", "Erika Mustermann").put("iban", "de89 3704 0044 0532 0130 00"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("country")).isEqualTo("DE");
    assertThat(created.json().getString("iban_masked")).endsWith("3000");
    assertThat(created.body()).doesNotContain(IBAN);
  }

  @Test
  @DisplayName("invalid bank details are refused with 422 and a code for every problem")
  void invalid() {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/funding-accounts", Fixtures.usAccount("12")
        .put("routing_number", "021000022").put("account_type", "brokerage"));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getString("type")).endsWith("/bank-account-invalid");
    assertThat(r.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("code")))
        .containsExactlyInAnyOrder("routing_number.checksum", "account_number.format", "account_type.invalid");
  }

  @Test
  @DisplayName("POST /v1/bank-account-validations lists every problem and stores nothing")
  void validations() {
    long before = Probes.pgLong("SELECT count(*) FROM funding_accounts");
    Api.Response bad = api.post(Api.DEV_KEY, "/v1/bank-account-validations",
        new JsonObject().put("type", "iban").put("iban", "DE89370400440532013001"));
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.json().getBoolean("valid")).isFalse();
    assertThat(bad.json().getJsonArray("problems").getJsonObject(0).getString("code")).isEqualTo("iban.checksum");
    Api.Response good = api.post(Api.DEV_KEY, "/v1/bank-account-validations",
        new JsonObject().put("type", "us_bank_account").put("routing_number", "011000015")
            .put("account_number", "123456789").put("account_type", "savings"));
    assertThat(good.json().getBoolean("valid")).as(good.body()).isTrue();
    assertThat(Probes.pgLong("SELECT count(*) FROM funding_accounts")).isEqualTo(before);
  }

  @Test
  @DisplayName("payees are created, listed, read and soft-deleted")
  void payees() {
    Api.Response created = api.post(Api.DEV_KEY, "/v1/payees", Fixtures.payee(PAYEE_NUMBER));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.json().getString("account_number_masked")).endsWith("4444");
    assertThat(created.body()).doesNotContain(PAYEE_NUMBER);
    assertThat(api.get(Api.DEV_KEY, "/v1/payees?limit=100").json().getJsonArray("data").stream()
        .map(p -> ((JsonObject) p).getString("id"))).contains(id);

    Api.Response deleted = api.send("DELETE", "/v1/payees/" + id, Api.DEV_KEY, null, null);
    assertThat(deleted.json().getString("status")).isEqualTo("deleted");
    assertThat(api.get(Api.DEV_KEY, "/v1/payees/" + id).json().getString("status")).isEqualTo("deleted");
    assertThat(api.get(Api.DEV_KEY, "/v1/payees?limit=100").json().getJsonArray("data").stream()
        .map(p -> ((JsonObject) p).getString("id"))).doesNotContain(id);
  }
}
