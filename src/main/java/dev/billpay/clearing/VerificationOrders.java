package dev.billpay.clearing;

import dev.billpay.accounts.VerificationEntries;
import dev.billpay.clearing.nacha.CompanyBatch;
import dev.billpay.clearing.nacha.NachaText;
import dev.billpay.clearing.nacha.PaymentOrder;
import dev.billpay.clearing.nacha.TransactionCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The entries of account verifications in a clearing file. A prenote is a zero-dollar debit prenote (28
 * or 38) in the day's batch; micro-entries are two credits and their offsetting debit in a batch of their
 * own, because the Rules want them described as {@code ACCTVERIFY}, with the same company name as the
 * debits that follow and one settlement date for all three.
 */
public final class VerificationOrders {
  /** The Company Entry Description the Rules give micro-entries. */
  public static final String MICRO_ENTRY_DESCRIPTION = "ACCTVERIFY";
  /** Separates a verification id from its entry number in an order's reference; ids never contain it. */
  private static final char ENTRY = '#';

  private VerificationOrders() {}

  /**
   * The orders of {@code due}; {@code openNumber} gives an account's number in clear from its sealed form and id.
   */
  public static List<PaymentOrder> orders(List<VerificationEntries.Due> due, CompanyBatch dayBatch,
      BiFunction<VerificationEntries.Due, String, String> openNumber) {
    CompanyBatch microBatch = new CompanyBatch(dayBatch.companyName(), dayBatch.companyDiscretionaryData(),
        dayBatch.companyId(), dayBatch.secCode(), MICRO_ENTRY_DESCRIPTION, dayBatch.descriptiveDate(),
        dayBatch.effectiveEntryDate());
    List<PaymentOrder> orders = new ArrayList<>();
    for (VerificationEntries.Due d : due) {
      var account = d.account();
      String number = openNumber.apply(d, account.id());
      boolean savings = "savings".equals(account.accountType());
      String name = NachaText.fit(account.holderName(), 22);
      String individualId = d.verificationId().substring(Math.max(0, d.verificationId().length() - 15));
      if (d.prenote()) {
        orders.add(new PaymentOrder(d.verificationId() + ENTRY + 1, dayBatch,
            savings ? TransactionCode.SAVINGS_PRENOTE_DEBIT : TransactionCode.CHECKING_PRENOTE_DEBIT,
            account.routingNumber(), number, 0, individualId, name, "S"));
        continue;
      }
      for (int i = 0; i < d.creditAmounts().size(); i++) {
        orders.add(new PaymentOrder(d.verificationId() + ENTRY + (i + 1), microBatch, TransactionCode.credit(savings),
            account.routingNumber(), number, d.creditAmounts().get(i), individualId, name, "S"));
      }
      orders.add(new PaymentOrder(d.verificationId() + ENTRY + (d.creditAmounts().size() + 1), microBatch,
          TransactionCode.debit(savings), account.routingNumber(), number, d.debitAmount(), individualId, name,
          "S"));
    }
    return orders;
  }

  /** Whether a planned reference is a verification entry's (else it is a payment id). */
  static boolean isVerification(String reference) {
    return reference.indexOf(ENTRY) >= 0;
  }

  /** The trace numbers of verification entries, by verification id, in entry order. */
  static Map<String, List<String>> tracesByVerification(Map<String, String> traceByReference) {
    Map<String, List<String>> out = new HashMap<>();
    traceByReference.entrySet().stream().filter(e -> isVerification(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.computeIfAbsent(e.getKey().substring(0, e.getKey().indexOf(ENTRY)), k -> new ArrayList<>())
            .add(e.getValue()));
    return out;
  }
}
