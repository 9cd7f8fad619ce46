package dev.billpay.reconciliation;

import dev.billpay.accounts.Correction;
import dev.billpay.accounts.FundingAccountService;
import dev.billpay.accounts.VerificationReturns;
import dev.billpay.clearing.nacha.Addenda;
import dev.billpay.clearing.nacha.CorrectedData;
import dev.billpay.clearing.nacha.EntryDetail;
import dev.billpay.clearing.nacha.NachaReadResult;
import dev.billpay.clearing.nacha.NachaProblem;
import dev.billpay.clearing.nacha.ReturnCodes;
import dev.billpay.clearing.nacha.SetAsideBatch;
import dev.billpay.clearing.nacha.SetAsideEntry;
import dev.billpay.payments.Payment;
import dev.billpay.payments.PaymentQueries;
import dev.billpay.payments.PaymentRetries;
import dev.billpay.payments.PaymentStateMachine;
import dev.billpay.payments.PaymentStatus;
import dev.billpay.payments.PaymentTransitions;
import dev.billpay.reconciliation.BankFileRepository.NewException;
import dev.billpay.reconciliation.BankFileRepository.NewMatch;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Applies a NACHA return file, of any SEC code: each return entry (addenda 99) is matched by the original trace
 * number to the payment we sent, which becomes {@code returned} with the reason code; codes that mean the account
 * cannot be debited again block the funding account. Dishonored (R61-R69) and contested dishonored (R70-R77)
 * returns are shown on the payment and recorded as exceptions for a person, never applied as a return. An R01 or R09
 * return schedules the payment's reinitiation ({@link PaymentRetries}). A notification of change (addenda 98) is
 * recorded as an exception and applied to the funding account of the entry it names. Batches and entries the reader
 * set aside, and anything that matches no returnable payment, become exceptions too, except returns and notifications
 * of change of our account verifications' prenotes and micro-entries, which decide them.
 */
final class ReturnApplier {
  /** What the file did. */
  record Outcome(int returned, int corrections, int blockedAccounts, int retriesScheduled, int accountsCorrected,
      List<NewException> exceptions, List<NewMatch> matches, Set<String> clientsWithReturns) {}

  /** Indexes into the counters of one file. */
  private static final int RETURNED = 0;
  private static final int CORRECTIONS = 1;
  private static final int BLOCKED = 2;
  private static final int RETRIES = 3;
  private static final int CORRECTED = 4;

  private final PaymentTransitions transitions;
  private final PaymentRetries retries;
  private final FundingAccountService accounts;

  ReturnApplier(PaymentTransitions transitions, PaymentRetries retries, FundingAccountService accounts) {
    this.transitions = transitions;
    this.retries = retries;
    this.accounts = accounts;
  }

  Future<Outcome> apply(SqlConnection conn, String bankFileId, NachaReadResult.Accepted read, Instant at) {
    List<NewException> exceptions = new ArrayList<>();
    List<NewMatch> matches = new ArrayList<>();
    LocalDate valueDate = LocalDate.ofInstant(at, ZoneOffset.UTC);
    read.setAsideBatches().forEach(b -> exceptions.add(setAside(b, valueDate)));
    read.setAsideEntries().forEach(e -> exceptions.add(setAside(e, valueDate)));
    int[] counts = new int[5];
    Set<String> clients = new TreeSet<>();
    Future<Void> chain = Future.succeededFuture();
    List<EntryDetail> entries = read.file().entries();
    for (int i = 0; i < entries.size(); i++) {
      EntryDetail entry = entries.get(i);
      int line = read.entryLines().get(i);
      if (!FileKind.isReturnOrNotification(entry)) {
        exceptions.add(new NewException(line, "not_a_return", "an entry with transaction code "
            + entry.transactionCode().code() + " and no return or NOC addenda: not applied", entry.amountCents(),
            "USD", valueDate, null));
      }
      for (Addenda addenda : entry.addenda()) {
        if (addenda instanceof Addenda.Return r) {
          chain = chain.compose(v -> applyReturn(conn, entry, r, line, at, exceptions, matches, counts, clients));
        } else if (addenda instanceof Addenda.Correction c) {
          counts[CORRECTIONS]++;
          chain = chain.compose(v -> VerificationReturns.corrected(conn, c.originalTrace(), at).mapEmpty());
          // recorded for a person whatever happens to it, and applied to the account when it can be
          exceptions.add(new NewException(line, "notification_of_change", c.changeCode() + " "
              + ReturnCodes.changeDescription(c.changeCode()).orElse("") + "; original trace " + c.originalTrace()
              + "; corrected data: " + c.correctedData().trim(), entry.amountCents(), "USD",
              read.file().header().creationDate(), null));
          chain = chain.compose(v -> applyCorrection(conn, c, bankFileId, at, counts));
        }
      }
    }
    return chain.map(v -> new Outcome(counts[RETURNED], counts[CORRECTIONS], counts[BLOCKED], counts[RETRIES],
        counts[CORRECTED], exceptions, matches, clients));
  }

  private static NewException setAside(SetAsideBatch batch, LocalDate valueDate) {
    return new NewException(batch.firstLine(), batch.lastLine(), "batch_set_aside", "batch " + batch.batchNumber().trim()
        + " (" + batch.secCode().trim() + ", " + batch.entries() + " entries, lines " + batch.firstLine() + "-"
        + batch.lastLine() + ") set aside, nothing of it applied: " + describe(batch.problems()), null, null, valueDate,
        null);
  }

  private static NewException setAside(SetAsideEntry entry, LocalDate valueDate) {
    String trace = entry.originalTrace() == null ? "" : " for original trace " + entry.originalTrace();
    return new NewException(entry.line(), "entry_set_aside", "entry set aside" + trace + ", not applied: "
        + describe(entry.problems()), entry.amountCents(), "USD", valueDate, null);
  }

  private static String describe(List<NachaProblem> problems) {
    String shown = problems.stream().limit(5).map(NachaProblem::toString).collect(Collectors.joining("; "));
    return problems.size() > 5 ? shown + "; and " + (problems.size() - 5) + " more" : shown;
  }

  private Future<Void> applyReturn(SqlConnection conn, EntryDetail entry, Addenda.Return r, int line, Instant at,
      List<NewException> exceptions, List<NewMatch> matches, int[] counts, Set<String> clients) {
    String reason = ReturnCodes.returnDescription(r.returnCode()).orElse("Returned");
    LocalDate valueDate = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return PaymentQueries.lockByTrace(conn, r.originalTrace()).compose(found -> {
      if (found.isEmpty()) {
        // a return of a prenote or micro-entry fails that account verification; anything else is unknown to us
        return VerificationReturns.returned(conn, r.originalTrace(), r.returnCode(), reason, at).map(verification -> {
          if (!verification) {
            exceptions.add(new NewException(line, "unknown_trace", r.returnCode() + " " + reason + " for trace "
                + r.originalTrace() + ", which no payment has", entry.amountCents(), "USD", valueDate, null));
          }
          return null;
        });
      }
      Payment p = found.get();
      String dishonor = ReturnCodes.dishonorKind(r.returnCode()).orElse(null);
      if (dishonor != null) {
        // the return itself stands or falls by the ODFI's and RDFI's exchange: a person decides
        exceptions.add(new NewException(line, dishonor, r.returnCode() + " " + reason + " for a "
            + p.status().wire() + " payment; " + r.information(), entry.amountCents(), "USD", valueDate, p.id()));
        Payment.ReturnDispute.Kind kind = dishonor.equals(ReturnCodes.CONTESTED_DISHONORED_RETURN)
            ? Payment.ReturnDispute.Kind.CONTESTED : Payment.ReturnDispute.Kind.DISHONORED;
        return transitions.recordReturnDispute(conn, p.clientId(), p.id(),
            new Payment.ReturnDispute(kind, r.returnCode(), reason, at)).mapEmpty();
      }
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
      counts[RETURNED]++;
      clients.add(p.clientId());
      matches.add(new NewMatch(line, "return", valueDate, entry.amountCents(), p.execution().clearingFileId(), p.id()));
      return returnPayment(conn, p, r, reason, at, counts);
    });
  }

  private Future<Void> returnPayment(SqlConnection conn, Payment p, Addenda.Return r, String reason, Instant at,
      int[] counts) {
    Future<Void> returned = transitions.applyReturn(conn, p.clientId(), p.id(), r.returnCode(), reason, at)
        .compose(moved -> retries.afterReturn(conn, moved, r.returnCode(), at))
        .map(retry -> {
          retry.ifPresent(x -> counts[RETRIES]++);
          return null;
        });
    if (!ReturnCodes.blocksAccount(r.returnCode())) {
      return returned;
    }
    return returned.compose(v -> FundingAccountService.block(conn, p.clientId(), p.fundingAccountId(),
        r.returnCode() + " " + reason, at)).map(blocked -> {
          if (blocked) {
            counts[BLOCKED]++;
          }
          return null;
        });
  }

  /**
   * Applies a notification of change to the funding account of the entry it names: the Rules want
   * the change made within six banking days or before the next entry, whichever is later, and
   * applying it on receipt meets both. A notification for an entry we do not know, or whose data is
   * not laid out as its code says, stays an exception only.
   */
  private Future<Void> applyCorrection(SqlConnection conn, Addenda.Correction c, String bankFileId, Instant at,
      int[] counts) {
    Optional<CorrectedData> data = CorrectedData.parse(c.changeCode(), c.correctedData());
    if (data.isEmpty()) {
      return Future.succeededFuture();
    }
    return PaymentQueries.lockByTrace(conn, c.originalTrace()).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      Payment p = found.get();
      CorrectedData d = data.get();
      String accountType = d.transactionCode() == null ? null : d.transactionCode().isSavings() ? "savings" : "checking";
      Correction correction = new Correction(c.changeCode(), d.routingNumber(), d.accountNumber(), accountType, "noc",
          "bank file " + bankFileId + ", original trace " + c.originalTrace());
      return accounts.applyCorrection(conn, p.clientId(), p.fundingAccountId(), correction, at).map(applied -> {
        applied.ifPresent(a -> counts[CORRECTED]++);
        return null;
      });
    });
  }
}
