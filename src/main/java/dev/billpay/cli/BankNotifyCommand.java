package dev.billpay.cli;

import dev.billpay.webhooks.WebhookSignature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Plays the bank for development and tests: builds a bank notification from flags (or takes a JSON file), signs it
 * the Standard Webhooks way with the bank's secret, a notification id and the current time, and POSTs it to
 * {@code /v1/bank-notifications/{bank}}. The body schema is in docs/bank-notifications.md.
 */
@Command(name = "bank-notify", description = "Play the bank: sign a bank notification (incoming credit, settlement,"
    + " return, NOC) and POST it to /v1/bank-notifications/{bank}; prints the status and the answer.")
final class BankNotifyCommand implements Callable<Integer> {
  /**
   * The development secret of {@code dev-bank}, published here and set by {@code billpay dev} only: anyone can sign
   * with it, so production configures its banks' own secrets (bank-notification.secrets).
   */
  static final String DEV_SECRET = "whsec_ZGV2LW9ubHktYmFuay1ub3RpZmljYXRpb24ta2V5ISE=";

  @Option(names = "--url", defaultValue = "http://localhost:8080", description = "the gateway (default: ${DEFAULT-VALUE})")
  String url;

  @Option(names = "--bank", defaultValue = "dev-bank", description = "the bank, as configured (default: ${DEFAULT-VALUE})")
  String bank;

  @Option(names = "--secret", defaultValue = DEV_SECRET, description = "the bank's whsec_ secret (default: the dev secret)")
  String secret;

  @Option(names = "--id", description = "the notification id (default: a new ntf_... id, or the file's id)")
  String id;

  @Option(names = "--timestamp", description = "signing time in epoch seconds (default: now); an old one is refused")
  Long timestamp;

  @Option(names = "--file", description = "send this JSON body instead of one built from the flags")
  Path file;

  @Option(names = "--dry-run", description = "print the signed request instead of sending it")
  boolean dryRun;

  @Option(names = "--type", defaultValue = "incoming_credit",
      description = "incoming_credit, settlement, return or notification_of_change (default: ${DEFAULT-VALUE})")
  String type;

  @Option(names = "--account", description = "our account at the bank") String account;
  @Option(names = "--amount-minor", description = "amount in minor units, e.g. 125000 for 1,250.00") Long amountMinor;
  @Option(names = "--currency", defaultValue = "USD", description = "ISO 4217 (default: ${DEFAULT-VALUE})") String currency;
  @Option(names = "--direction", description = "credit or debit (settlement; default credit)") String direction;
  @Option(names = "--value-date", description = "YYYY-MM-DD (default: today)") LocalDate valueDate;
  @Option(names = "--reference", description = "the remittance information the payer sent, e.g. INV-1") String reference;
  @Option(names = "--end-to-end-reference", description = "the payer's end-to-end id") String endToEnd;
  @Option(names = "--bank-reference", description = "the bank's own reference") String bankReference;
  @Option(names = "--structured-reference", description = "a structured reference (repeatable)")
  List<String> structured = new ArrayList<>();
  @Option(names = "--counterparty-name", description = "who paid") String counterpartyName;
  @Option(names = "--counterparty-account", description = "their account") String counterpartyAccount;
  @Option(names = "--trace", description = "return/NOC: the original entry's 15-digit trace number") String trace;
  @Option(names = "--return-code", description = "return: R01..R85") String returnCode;
  @Option(names = "--effective-date", description = "return/NOC: the original entry's effective date") LocalDate effective;
  @Option(names = "--addenda-information", description = "return: the addenda's free text") String information;
  @Option(names = "--change-code", description = "NOC: C01..C13") String changeCode;
  @Option(names = "--corrected-data", description = "NOC: the corrected data as the code lays it out") String corrected;

  /** What goes on the wire: the three Standard Webhooks headers and the body they sign. */
  record SignedNotification(String id, long timestamp, String signature, String body) {}

  @Override
  public Integer call() throws Exception {
    SignedNotification signed = signed(Instant.now().getEpochSecond());
    String target = url + "/v1/bank-notifications/" + bank;
    if (dryRun) {
      System.out.println("POST " + target + "\nwebhook-id: " + signed.id() + "\nwebhook-timestamp: "
          + signed.timestamp() + "\nwebhook-signature: " + signed.signature() + "\n\n" + signed.body());
      return 0;
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").header("webhook-id", signed.id())
        .header("webhook-timestamp", Long.toString(signed.timestamp()))
        .header("webhook-signature", signed.signature())
        .POST(HttpRequest.BodyPublishers.ofString(signed.body())).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    System.out.println(response.statusCode());
    System.out.println(response.body());
    return response.statusCode() / 100 == 2 ? 0 : 1;
  }

  /** The notification signed at {@code nowSeconds} (or at --timestamp). */
  SignedNotification signed(long nowSeconds) throws java.io.IOException {
    JsonObject body = file != null ? new JsonObject(Files.readString(file)) : fromFlags();
    String notificationId = id != null ? id : body.getString("id", "ntf_" + UUID.randomUUID().toString()
        .replace("-", ""));
    if (body.containsKey("id") && !notificationId.equals(body.getValue("id"))) {
      throw new IllegalArgumentException("--id " + id + " is not the file's id " + body.getValue("id"));
    }
    // the file's text as written when it names its id; the id is added otherwise, the gateway requires it
    String text = file != null && body.containsKey("id") ? Files.readString(file)
        : body.put("id", notificationId).encode();
    long at = timestamp != null ? timestamp : nowSeconds;
    return new SignedNotification(notificationId, at, WebhookSignature.sign(secret, notificationId, at, text), text);
  }

  JsonObject fromFlags() {
    JsonObject body = new JsonObject().put("type", type);
    put(body, "account", account);
    if (type.equals("return") || type.equals("notification_of_change")) {
      put(body, "original_trace_number", trace);
      put(body, "original_effective_date", effective == null ? null : effective.toString());
      if (type.equals("return")) {
        put(body, "return_code", returnCode);
        put(body, "amount_minor", amountMinor);
        put(body, "addenda_information", information);
      } else {
        put(body, "change_code", changeCode);
        put(body, "corrected_data", corrected);
      }
      return body;
    }
    put(body, "amount_minor", amountMinor);
    put(body, "currency", currency);
    put(body, "direction", direction != null ? direction : "credit");
    put(body, "value_date", (valueDate != null ? valueDate : LocalDate.now()).toString());
    put(body, "remittance", reference);
    put(body, "end_to_end_reference", endToEnd);
    put(body, "bank_reference", bankReference);
    if (!structured.isEmpty()) {
      body.put("structured_references", new JsonArray(structured));
    }
    if (counterpartyName != null || counterpartyAccount != null) {
      JsonObject counterparty = new JsonObject();
      put(counterparty, "name", counterpartyName);
      put(counterparty, "account", counterpartyAccount);
      body.put("counterparty", counterparty);
    }
    return body;
  }

  private static void put(JsonObject body, String field, Object value) {
    if (value != null) {
      body.put(field, value);
    }
  }
}
