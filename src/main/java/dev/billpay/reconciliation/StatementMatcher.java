package dev.billpay.reconciliation;

import dev.billpay.reconciliation.MatchResult.FileSettled;
import dev.billpay.reconciliation.MatchResult.How;
import dev.billpay.reconciliation.MatchResult.PaymentMatched;
import dev.billpay.reconciliation.MatchResult.Reason;
import dev.billpay.reconciliation.MatchResult.Unmatched;
import dev.billpay.reconciliation.BankTransaction.Family;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Matches the transactions of a bank statement to what we expect the bank to report. Pure and deterministic: the same
 * inputs give the same results, in statement order.
 *
 * <ul>
 *   <li>An ACH settlement credit settles the one
 *       unsettled clearing file of the same currency and total whose effective date is within
 *       the clearing window of the transaction's value date.
 *   <li>Any other credit (transfers, but also lockbox, interest or ZBA credits, which then find
 *       nothing) pays an expected payment: first a payment whose id or reference appears as whole
 *       tokens in the transaction's customer reference, bank reference or text, whatever its
 *       date (a different amount or currency is an {@code amount_mismatch}, and the payment stays
 *       taken for the person resolving it); otherwise the one unmatched payment of the same
 *       currency and amount expected within the payment window.
 *       Reference matches for the whole statement come before amount and date matches, so an
 *       unreferenced credit never takes a payment that a later line names.
 *   <li>A candidate is used at most once. A line that would have matched only candidates already
 *       taken by earlier lines is a {@code duplicate_match}, naming the earlier line: the bank
 *       may have paid twice, which a person should see.
 *   <li>A debit is an {@code unexpected_debit}: nothing here matches money leaving the account we
 *       collect into (fees, return settlements, anything else), so a person looks at it.
 *   <li>A line whose type code moves no money (status or loan codes, 890 non-monetary
 *       information) gives no result when its amount is 0, else an
 *       {@code unclassified_transaction}.
 * </ul>
 */
public final class StatementMatcher {
  public static final int DEFAULT_CLEARING_WINDOW_DAYS = 0;
  public static final int DEFAULT_PAYMENT_WINDOW_DAYS = 3;

  private final int clearingWindowDays;
  private final int paymentWindowDays;

  /** Exact effective dates for clearing files, ±3 calendar days for expected payments. */
  public StatementMatcher() {
    this(DEFAULT_CLEARING_WINDOW_DAYS, DEFAULT_PAYMENT_WINDOW_DAYS);
  }

  /** Windows in calendar days either side of the transaction's value date. */
  public StatementMatcher(int clearingWindowDays, int paymentWindowDays) {
    if (clearingWindowDays < 0 || paymentWindowDays < 0) {
      throw new IllegalArgumentException("windows must not be negative");
    }
    this.clearingWindowDays = clearingWindowDays;
    this.paymentWindowDays = paymentWindowDays;
  }

  /**
   * Matches every transaction of a statement.
   *
   * @param clearingFiles clearing files not yet settled; ids must be unique
   * @param payments expected payments not yet paid; ids must be unique
   * @return one result per transaction that moves money, in statement order
   */
  public List<MatchResult> match(List<BankTransaction> transactions,
      List<ClearingFileCandidate> clearingFiles, List<ExpectedPayment> payments) {
    requireUnique(clearingFiles, ClearingFileCandidate::clearingFileId, "clearing file");
    requireUnique(payments, ExpectedPayment::paymentId, "payment");
    return new Run(transactions, clearingFiles, payments).results();
  }

  /** The state of one {@link #match} call: which candidates earlier lines took. */
  private final class Run {
    private final List<BankTransaction> transactions;
    private final List<ClearingFileCandidate> clearingFiles;
    private final PaymentCandidates payments;
    private final Map<String, Integer> fileSettledBy = new HashMap<>();
    private final Map<String, Integer> paymentTakenBy = new HashMap<>();

    Run(List<BankTransaction> transactions, List<ClearingFileCandidate> clearingFiles,
        List<ExpectedPayment> payments) {
      this.transactions = transactions;
      this.clearingFiles = clearingFiles;
      this.payments = new PaymentCandidates(payments);
    }

    List<MatchResult> results() {
      MatchResult[] results = new MatchResult[transactions.size()];
      boolean[] byAmount = new boolean[transactions.size()];
      for (int i = 0; i < results.length; i++) {
        BankTransaction tx = transactions.get(i);
        if (tx.debit()) {
          results[i] = unmatched(tx, Reason.UNEXPECTED_DEBIT, "a debit of " + money(tx)
              + " (" + dev.billpay.reconciliation.bai2.Bai2TypeCodes.name(tx.bankCode()) + ") left the account");
        } else if (!tx.credit()) {
          results[i] = tx.amountMinor() == 0 ? null : unmatched(tx,
              Reason.UNCLASSIFIED_TRANSACTION, "type code " + tx.bankCode() + " moves "
                  + money(tx) + " but is neither a credit nor a debit code");
        } else if (tx.family() == Family.ACH_SETTLEMENT) {
          results[i] = settle(tx);
        } else {
          results[i] = byReference(tx);
          byAmount[i] = results[i] == null;
        }
      }
      // second pass: only now are all payments that lines name by reference taken
      for (int i = 0; i < results.length; i++) {
        if (byAmount[i]) {
          results[i] = byAmountAndDate(transactions.get(i));
        }
      }
      List<MatchResult> list = new ArrayList<>();
      for (MatchResult result : results) {
        if (result != null) {
          list.add(result);
        }
      }
      return list;
    }

    private MatchResult settle(BankTransaction tx) {
      List<ClearingFileCandidate> fitting = clearingFiles.stream()
          .filter(file -> file.currency().equals(tx.currency())
              && file.totalDebitMinor() == tx.amountMinor()
              && within(file.effectiveDate(), tx.valueDate(), clearingWindowDays))
          .toList();
      List<ClearingFileCandidate> free = fitting.stream()
          .filter(file -> !fileSettledBy.containsKey(file.clearingFileId())).toList();
      String what = "total " + money(tx) + ", effective " + dates(tx, clearingWindowDays);
      if (free.size() == 1) {
        String id = free.get(0).clearingFileId();
        fileSettledBy.put(id, tx.line());
        return new FileSettled(tx.line(), id);
      }
      if (free.size() > 1) {
        return unmatched(tx, Reason.AMBIGUOUS_CLEARING_FILE, "clearing files "
            + ids(free, ClearingFileCandidate::clearingFileId) + " all have " + what);
      }
      if (!fitting.isEmpty()) {
        return unmatched(tx, Reason.DUPLICATE_MATCH, "the clearing file with " + what
            + " was already settled: " + takenBy(fitting, ClearingFileCandidate::clearingFileId,
                fileSettledBy));
      }
      return unmatched(tx, Reason.NO_MATCHING_CLEARING_FILE,
          "no unsettled clearing file has " + what);
    }

    /** Null when the transaction names no expected payment. */
    private MatchResult byReference(BankTransaction tx) {
      List<ExpectedPayment> mentioned = payments.mentionedBy(tx);
      if (mentioned.isEmpty()) {
        return null;
      }
      if (mentioned.size() > 1) {
        return unmatched(tx, Reason.AMBIGUOUS_PAYMENT, "the credit names payments "
            + ids(mentioned, ExpectedPayment::paymentId));
      }
      ExpectedPayment payment = mentioned.get(0);
      if (paymentTakenBy.containsKey(payment.paymentId())) {
        return unmatched(tx, Reason.DUPLICATE_MATCH, "the credit names a payment already matched: "
            + takenBy(mentioned, ExpectedPayment::paymentId, paymentTakenBy));
      }
      // taken even when the amount differs: the person resolving the mismatch decides
      paymentTakenBy.put(payment.paymentId(), tx.line());
      if (payment.amountMinor() != tx.amountMinor() || !payment.currency().equals(tx.currency())) {
        return unmatched(tx, Reason.AMOUNT_MISMATCH, "the credit of " + money(tx)
            + " names payment " + payment.paymentId() + ", which expects "
            + payment.amountMinor() + " " + payment.currency());
      }
      return new PaymentMatched(tx.line(), payment.paymentId(), How.REFERENCE);
    }

    private MatchResult byAmountAndDate(BankTransaction tx) {
      List<ExpectedPayment> fitting = payments.expecting(tx.currency(), tx.amountMinor()).stream()
          .filter(payment -> within(payment.expectedDate(), tx.valueDate(), paymentWindowDays))
          .toList();
      List<ExpectedPayment> free = fitting.stream()
          .filter(payment -> !paymentTakenBy.containsKey(payment.paymentId())).toList();
      String what = money(tx) + " expected " + dates(tx, paymentWindowDays);
      if (free.size() == 1) {
        String id = free.get(0).paymentId();
        paymentTakenBy.put(id, tx.line());
        return new PaymentMatched(tx.line(), id, How.AMOUNT_DATE);
      }
      if (free.size() > 1) {
        return unmatched(tx, Reason.AMBIGUOUS_PAYMENT, "payments "
            + ids(free, ExpectedPayment::paymentId) + " all have " + what);
      }
      if (!fitting.isEmpty()) {
        return unmatched(tx, Reason.DUPLICATE_MATCH, "every payment of " + what
            + " is already matched: " + takenBy(fitting, ExpectedPayment::paymentId,
                paymentTakenBy));
      }
      return unmatched(tx, Reason.UNMATCHED_CREDIT, "the credit names no expected payment"
          + " and no unmatched payment has " + what);
    }
  }

  private static Unmatched unmatched(BankTransaction tx, Reason reason, String detail) {
    return new Unmatched(tx.line(), reason, detail);
  }

  private static boolean within(LocalDate date, LocalDate valueDate, int windowDays) {
    return Math.abs(ChronoUnit.DAYS.between(valueDate, date)) <= windowDays;
  }

  private static String money(BankTransaction tx) {
    return tx.amountMinor() + " " + tx.currency();
  }

  private static String dates(BankTransaction tx, int windowDays) {
    return windowDays == 0 ? "on " + tx.valueDate()
        : "within " + windowDays + " day(s) of " + tx.valueDate();
  }

  private static <T> String ids(Collection<T> candidates, Function<T, String> id) {
    return String.join(", ", candidates.stream().map(id).sorted().toList());
  }

  private static <T> String takenBy(
      Collection<T> candidates, Function<T, String> id, Map<String, Integer> takenBy) {
    return String.join(", ", candidates.stream().map(id).sorted()
        .map(candidate -> candidate + " by line " + takenBy.get(candidate)).toList());
  }

  private static <T> void requireUnique(List<T> candidates, Function<T, String> id, String what) {
    Objects.requireNonNull(candidates, what + " candidates");
    HashSet<String> seen = new HashSet<>();
    for (T candidate : candidates) {
      if (!seen.add(id.apply(candidate))) {
        throw new IllegalArgumentException(what + " id listed twice: " + id.apply(candidate));
      }
    }
  }
}
