package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankStatement;
import dev.billpay.reconciliation.BankTransaction;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A read result as the JSON the corpus keeps its expectations in ({@code name.expected.json}). */
final class CamtJson {
  private CamtJson() {}

  static JsonObject of(CamtReadResult result) {
    if (result instanceof CamtReadResult.Read read) {
      JsonArray statements = new JsonArray();
      read.statements().forEach(s -> statements.add(statement(s)));
      return new JsonObject().put("result", "read").put("messageType", read.messageType())
          .put("version", read.version()).put("messageId", read.messageId()).put("statements", statements);
    }
    JsonArray problems = new JsonArray();
    ((CamtReadResult.Rejected) result).problems().forEach(p -> problems.add(
        new JsonObject().put("line", p.line()).put("path", p.path()).put("message", p.message())));
    return new JsonObject().put("result", "rejected").put("problems", problems);
  }

  static JsonObject statement(BankStatement s) {
    JsonArray transactions = new JsonArray();
    s.transactions().forEach(t -> transactions.add(transaction(t)));
    return new JsonObject().put("format", s.format()).put("statementId", s.statementId())
        .put("accountId", s.accountId()).put("currency", s.currency())
        .put("openingBookedMinor", s.openingBookedMinor()).put("closingBookedMinor", s.closingBookedMinor())
        .put("date", s.date().toString()).put("transactions", transactions);
  }

  static JsonObject transaction(BankTransaction t) {
    return new JsonObject().put("locator", t.locator()).put("line", t.line()).put("flow", t.flow().name())
        .put("family", t.family().name()).put("amountMinor", t.amountMinor()).put("currency", t.currency())
        .put("valueDate", t.valueDate().toString()).put("bankReference", t.bankReference())
        .put("endToEndReference", t.endToEndReference()).put("remittance", t.remittance())
        .put("structuredReferences", new JsonArray(t.structuredReferences()))
        .put("counterpartyName", t.counterpartyName()).put("counterpartyAccount", t.counterpartyAccount())
        .put("reversal", t.reversal()).put("bankCode", t.bankCode());
  }
}
