package dev.billpay.banknotifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Family;
import dev.billpay.reconciliation.BankTransaction.Flow;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.ProblemType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A bank notification's body")
class NotificationBodyTest {
  private static JsonObject credit() {
    return new JsonObject().put("id", "ntf_1").put("type", "incoming_credit").put("account", "000123456789")
        .put("amount_minor", 125000).put("currency", "USD").put("value_date", "2026-12-03")
        .put("bank_reference", "BR-9").put("end_to_end_reference", "E2E-1").put("remittance", "INV-1")
        .put("structured_references", new JsonArray().add("RF18539007547034"))
        .put("counterparty", new JsonObject().put("name", "ACME Corp").put("account", "DE89370400440532013000"));
  }

  private static JsonObject returned() {
    return new JsonObject().put("id", "ntf_r").put("type", "return").put("original_trace_number", "011000010000042")
        .put("return_code", "R01").put("amount_minor", 4242).put("original_effective_date", "2026-12-02");
  }

  private static List<String> fieldsRefused(JsonObject body) {
    try {
      NotificationBody.parse(body.encode());
    } catch (DomainException e) {
      assertThat(e.type()).isEqualTo(ProblemType.BANK_NOTIFICATION_INVALID);
      return e.errors().stream().map(FieldError::field).toList();
    }
    throw new AssertionError("accepted: " + body.encode());
  }

  @Test
  @DisplayName("an incoming credit becomes one credit transfer, located by the notification id on line 1")
  void incomingCredit() {
    var t = (BankNotification.Transfer) NotificationBody.parse(credit().encode());
    BankTransaction tx = t.transaction();
    assertThat(tx).isEqualTo(new BankTransaction("ntf_1", 1, Flow.CREDIT, Family.TRANSFER, 125000, "USD",
        LocalDate.of(2026, 12, 3), "BR-9", "E2E-1", "INV-1", List.of("RF18539007547034"), "ACME Corp",
        "DE89370400440532013000", false, "NOTIFICATION/incoming_credit"));
    assertThat(t.statement().format()).isEqualTo("notification");
    assertThat(t.statement().statementId()).isEqualTo("ntf_1");
    assertThat(t.statement().accountId()).isEqualTo("000123456789");
    assertThat(t.statement().transactions()).containsExactly(tx);
  }

  @Test
  @DisplayName("a settlement is an ACH settlement in the direction it names, and needs one")
  void settlement() {
    JsonObject body = credit().put("type", "settlement").put("direction", "debit");
    var t = (BankNotification.Transfer) NotificationBody.parse(body.encode());
    assertThat(t.transaction().family()).isEqualTo(Family.ACH_SETTLEMENT);
    assertThat(t.transaction().flow()).isEqualTo(Flow.DEBIT);
    assertThat(t.transaction().bankCode()).isEqualTo("NOTIFICATION/settlement");
    body.remove("direction");
    assertThat(fieldsRefused(body)).containsExactly("direction");
  }

  @Test
  @DisplayName("an incoming credit that says it is a debit is refused")
  void incomingDebit() {
    assertThat(fieldsRefused(credit().put("direction", "debit"))).containsExactly("direction");
  }

  @Test
  @DisplayName("zero, negative, decimal and string amounts, unknown currencies and bad dates are refused, each named")
  void amountsAndCurrencies() {
    for (Object amount : List.<Object>of(0, -5, 12.5, "100")) {
      assertThat(fieldsRefused(credit().put("amount_minor", amount))).as("%s", amount).containsExactly("amount_minor");
    }
    assertThat(fieldsRefused(credit().put("currency", "XYZ"))).containsExactly("currency");
    assertThat(fieldsRefused(credit().put("currency", "XXX"))).as("no money").containsExactly("currency");
    assertThat(fieldsRefused(credit().put("currency", "usd"))).containsExactly("currency");
    assertThat(fieldsRefused(credit().put("value_date", "2026-02-30"))).containsExactly("value_date");
  }

  @Test
  @DisplayName("every problem is listed at once, nested fields by their path")
  void allProblems() {
    JsonObject body = credit().put("amount_minor", 0).put("currency", "ZZZ").put("colour", "red")
        .put("counterparty", new JsonObject().put("name", 7).put("iban", "x"));
    body.remove("value_date");
    assertThat(fieldsRefused(body)).containsExactlyInAnyOrder("amount_minor", "currency", "colour", "value_date",
        "counterparty.name", "counterparty.iban");
  }

  @Test
  @DisplayName("the id and type are required; an unknown type is refused")
  void idAndType() {
    assertThat(fieldsRefused(credit().put("id", "has spaces"))).containsExactly("id");
    assertThat(fieldsRefused(new JsonObject().put("type", "wire"))).containsExactlyInAnyOrder("id", "type");
  }

  @Test
  @DisplayName("a body that is not a JSON object is a malformed request")
  void notJson() {
    for (String body : List.of("", "not json", "[1]", "\"x\"")) {
      assertThatThrownBy(() -> NotificationBody.parse(body)).as(body).isInstanceOfSatisfying(DomainException.class,
          e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
    }
  }

  @Test
  @DisplayName("a return names its trace number, a known return code, its amount and the original effective date")
  void returns() {
    var r = (BankNotification.Return) NotificationBody.parse(returned().put("addenda_information", "ACCOUNT CLOSED")
        .encode());
    assertThat(r).isEqualTo(new BankNotification.Return("ntf_r", "011000010000042", "R01", 4242,
        LocalDate.of(2026, 12, 2), "ACCOUNT CLOSED"));
    assertThat(fieldsRefused(returned().put("return_code", "R00"))).containsExactly("return_code");
    assertThat(fieldsRefused(returned().put("original_trace_number", "12345"))).containsExactly("original_trace_number");
    assertThat(fieldsRefused(returned().put("currency", "EUR"))).containsExactly("currency");
    assertThat(fieldsRefused(returned().put("amount_minor", 10_000_000_000L))).containsExactly("amount_minor");
    assertThat(fieldsRefused(returned().put("value_date", "2026-12-02"))).as("a transfer's field")
        .containsExactly("value_date");
  }

  @Test
  @DisplayName("a notification of change names a known change code and its corrected data")
  void change() {
    JsonObject body = new JsonObject().put("id", "ntf_c").put("type", "notification_of_change")
        .put("original_trace_number", "011000010000042").put("change_code", "C01").put("corrected_data", "12345678");
    assertThat(NotificationBody.parse(body.encode())).isEqualTo(new BankNotification.Change("ntf_c",
        "011000010000042", "C01", "12345678", null));
    assertThat(fieldsRefused(body.copy().put("change_code", "C99"))).containsExactly("change_code");
    assertThat(fieldsRefused(body.copy().put("corrected_data", "x".repeat(30)))).containsExactly("corrected_data");
  }
}
