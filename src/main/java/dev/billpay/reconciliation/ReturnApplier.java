package dev.billpay.reconciliation;

import dev.billpay.accounts.FundingAccountService;
import dev.billpay.clearing.nacha.Addenda;
import dev.billpay.clearing.nacha.Batch;
import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.ReturnCodes;
import dev.billpay.payments.Payment;
import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentStateMachine;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.reconciliation.BankFileRepository.NewException;
import dev.billpay.reconciliation.BankFileRepository.NewMatch;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a NACHA return file: each return entry (addenda 99) is matched by the original trace number
 * to the payment we sent, which becomes {@code returned} with the reason code; codes that mean the
 * account cannot be debited again block the funding account. Notifications of change (addenda 98)
 * and anything that does not match a returnable payment become exceptions for a person.
 */
final class ReturnApplier {
  /** What the file did. */
  record Outcome(int returned, int corrections, int blockedAccounts, List<NewException> exceptions,
      List<NewMatch> matches) {}

  private final PaymentTransitions transitions;

  ReturnApplier(PaymentTransitions transitions) {
    this.transitions = transitions;
  }

  Future<Outcome> apply(SqlConnection conn, NachaFile file, Instant at) {
    List<NewException> exceptions = new ArrayList<>();
    List<NewMatch> matches = new ArrayList<>();
    int[] counts = new int[3];
    Future<Void> chain = Future.succeededFuture();
    int line = 1; // the file header
    for (Batch batch : file.batches()) {
      line++; // batch header
      for (EntryDetail entry : batch.entries()) {
        int entryLine = ++line;
        line += entry.addenda().size();
        for (Addenda addenda : entry.addenda()) {
          if (addenda instanceof Addenda.Return r) {
            chain = chain.compose(v -> applyReturn(conn, entry, r, entryLine, at, exceptions, matches, counts));
          } else if (addenda instanceof Addenda.Correction c) {
            counts[1]++;
            exceptions.add(new NewException(entryLine, "notification_of_change", c.changeCode() + " "
                + ReturnCodes.changeDescription(c.changeCode()).orElse("") + "; original trace " + c.originalTrace()
                + "; corrected data: " + c.correctedData().trim(), entry.amountCents(), "USD",
                file.header().creationDate(), null));
          }
        }
      }
      line++; // batch control
    }
    return chain.map(v -> new Outcome(counts[0], counts[1], counts[2], exceptions, matches));
  }

  private Future<Void> applyReturn(SqlConnection conn, EntryDetail entry, Addenda.Return r, int line, Instant at,
      List<NewException> exceptions, List<NewMatch> matches, int[] counts) {
    String reason = ReturnCodes.returnDescription(r.returnCode()).orElse("Returned");
    var valueDate = java.time.LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
    return PaymentQueries.lockByTrace(conn, r.originalTrace()).compose(found -> {
      if (found.isEmpty()) {
        exceptions.add(new NewException(line, "unknown_trace", r.returnCode() + " " + reason
            + " for trace " + r.originalTrace() + ", which no payment has", entry.amountCents(), "USD", valueDate, null));
        return Future.succeededFuture();
      }
      Payment p = found.get();
      if (!PaymentStateMachine.allows(p.status(), PaymentStatus.RETURNED)) {
        exceptions.add(new NewException(line, "unexpected_return",
            r.returnCode() + " " + reason + " for a " + p.status().wire() + " payment",
            entry.amountCents(), "USD", valueDate, p.id()));
        return Future.succeededFuture();
      }
      if (p.amount().minor() != entry.amountCents()) {
        exceptions.add(new NewException(line, "amount_mismatch", r.returnCode() + " " + reason + " returns "
            + entry.amountCents() + " but the payment was " + p.amount().minor(), entry.amountCents(), "USD",
            valueDate, p.id()));
        return Future.succeededFuture();
      }
      counts[0]++;
      matches.add(new NewMatch(line, "return", valueDate, entry.amountCents(), p.execution().clearingFileId(), p.id()));
      Future<Void> returned = transitions.applyReturn(conn, p.clientId(), p.id(), r.returnCode(), reason, at)
          .mapEmpty();
      if (!ReturnCodes.blocksAccount(r.returnCode())) {
        return returned;
      }
      return returned.compose(v -> FundingAccountService.block(conn, p.clientId(), p.fundingAccountId(),
          r.returnCode() + " " + reason, at)).map(blocked -> {
            if (blocked) {
              counts[2]++;
            }
            return null;
          });
    });
  }
}
