package dev.billpay.testing;

import io.vertx.core.json.JsonObject;

/** A funding account and a payee of the dev client, created once per test run through the API. */
public final class Fixtures {
  private static String fundingAccount;
  private static String payee;

  private Fixtures() {}

  public static JsonObject usAccount(String accountNumber) {
    return new JsonObject().put("type", "us_bank_account").put("holder_name", "Jane Doe")
        .put("routing_number", "021000021").put("account_number", accountNumber).put("account_type", "checking");
  }

  public static JsonObject payee(String accountNumber) {
    return new JsonObject().put("display_name", "City Power & Light").put("biller_id", "blr_citypower")
        .put("account_number", accountNumber);
  }

  public static String createFundingAccount(String apiKey, String accountNumber) {
    Api.Response r = new Api().post(apiKey, "/v1/funding-accounts", usAccount(accountNumber));
    if (r.status() != 201) {
      throw new IllegalStateException("funding account fixture: " + r.status() + " " + r.body());
    }
    return r.json().getString("id");
  }

  public static String createPayee(String apiKey, String accountNumber) {
    Api.Response r = new Api().post(apiKey, "/v1/payees", payee(accountNumber));
    if (r.status() != 201) {
      throw new IllegalStateException("payee fixture: " + r.status() + " " + r.body());
    }
    return r.json().getString("id");
  }

  public static synchronized String devFundingAccount() {
    if (fundingAccount == null) {
      fundingAccount = createFundingAccount(Api.DEV_KEY, "000123456789");
    }
    return fundingAccount;
  }

  public static synchronized String devPayee() {
    if (payee == null) {
      payee = createPayee(Api.DEV_KEY, "5500000012345678");
    }
    return payee;
  }

  /** A new API client with its own key (through the admin API), for tests that need a clean slate. */
  public static String newClientKey(String name) {
    Api api = new Api();
    Api.Response client = api.post(SharedStack.ADMIN_TOKEN, "/admin/v1/clients", new JsonObject().put("name", name));
    Api.Response key = client.status() != 201 ? client : api.post(SharedStack.ADMIN_TOKEN,
        "/admin/v1/clients/" + client.json().getString("id") + "/keys", new JsonObject());
    if (key.status() != 201) {
      throw new IllegalStateException("client fixture: " + key.status() + " " + key.body());
    }
    return key.json().getString("key");
  }
}
