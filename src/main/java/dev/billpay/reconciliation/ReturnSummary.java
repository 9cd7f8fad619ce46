package dev.billpay.reconciliation;

import dev.billpay.clearing.nacha.NachaReadResult;
import dev.billpay.clearing.nacha.SetAsideBatch;
import dev.billpay.reconciliation.BankFileRepository.NewException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The summary of a return file's import: what was applied, what was set aside and where. */
final class ReturnSummary {
  private ReturnSummary() {}

  static JsonObject of(NachaReadResult.Accepted read, ReturnApplier.Outcome o) {
    JsonArray setAside = new JsonArray();
    for (SetAsideBatch b : read.setAsideBatches()) {
      setAside.add(new JsonObject().put("first_line", b.firstLine()).put("last_line", b.lastLine())
          .put("batch_number", b.batchNumber().trim()).put("sec_code", b.secCode().trim())
          .put("entries", b.entries()));
    }
    JsonArray exceptions = new JsonArray();
    for (NewException e : o.exceptions()) {
      exceptions.add(new JsonObject().put("line", e.line()).put("last_line", e.lastLine()).put("reason", e.reason()));
    }
    return new JsonObject().put("returned", o.returned()).put("corrections", o.corrections())
        .put("accounts_blocked", o.blockedAccounts()).put("exceptions", o.exceptions().size())
        .put("batches_applied", read.file().batches().size())
        .put("retries_scheduled", o.retriesScheduled()).put("accounts_corrected", o.accountsCorrected())
        .put("batches_set_aside", read.setAsideBatches().size())
        .put("set_aside", setAside).put("exception_lines", exceptions);
  }
}
