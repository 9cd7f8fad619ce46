package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankTransaction.Flow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a report's own figures must agree on: one currency throughout, the booked entries moving the opening booked
 * balance to the closing one, and the transaction summary's counts and sums.
 */
final class StatementChecks {
  private final String path;
  private final int line;
  private final String currency;
  private final Problems problems;

  StatementChecks(String path, int line, String currency, Problems problems) {
    this.path = path;
    this.line = line;
    this.currency = currency;
    this.problems = problems;
  }

  /** Every entry and balance in the report's currency; false when one is not. */
  boolean currencies(List<Entry> entries, List<Balance> balances, boolean fromAccount) {
    String source = fromAccount ? "the account's currency (Acct/Ccy) is " : "the report's first entry is in ";
    int before = problems.count();
    for (Entry entry : entries) {
      if (!entry.currency().equals(currency)) {
        XmlNode amount = entry.node().child("Amt").orElseThrow();
        problems.add(amount.line(), amount.path(), "is in " + entry.currency() + " but " + source + currency);
      }
    }
    for (Balance balance : balances) {
      if (!balance.currency().equals(currency)) {
        XmlNode amount = balance.node().child("Amt").orElseThrow();
        problems.add(amount.line(), amount.path(), "is in " + balance.currency() + " but " + source + currency);
      }
    }
    return problems.count() == before;
  }

  /** The OPBD balance, else the PRCD one (some banks open a statement with the previous closing booked). */
  Long opening(List<Balance> balances) {
    Long opening = single(balances, "OPBD");
    return opening != null ? opening : single(balances, "PRCD");
  }

  private static String openingType(List<Balance> balances) {
    return balances.stream().anyMatch(b -> b.type().equals("OPBD")) ? "OPBD" : "PRCD";
  }

  Long closing(List<Balance> balances) {
    return single(balances, "CLBD");
  }

  /** OPBD + booked credits − booked debits = CLBD, when the report gives both balances. */
  void balancesAddUp(Long opening, Long closing, List<Entry> entries, List<Balance> balances) {
    if (opening == null || closing == null) {
      return;
    }
    long credits = sum(entries, e -> e.booked() && e.flow() == Flow.CREDIT);
    long debits = sum(entries, e -> e.booked() && e.flow() == Flow.DEBIT);
    long expected = opening + credits - debits;
    if (expected != closing) {
      Balance clbd = balances.stream().filter(b -> b.type().equals("CLBD")).findFirst().orElseThrow();
      problems.add(clbd.node().line(), clbd.node().path(), "CLBD is " + money(closing) + " but " + openingType(balances)
          + " " + money(opening) + " + booked credits " + money(credits) + " - booked debits " + money(debits)
          + " make " + money(expected));
    }
  }

  /**
   * {@code TxsSummry}: each of {@code TtlNtries}, {@code TtlCdtNtries} and {@code TtlDbtNtries} that gives a
   * {@code NbOfNtries} or {@code Sum} must agree with the entries, counting either every entry of the report or
   * only its booked ones (banks do both when a report holds pending entries).
   */
  void summary(XmlNode summary, List<Entry> entries) {
    totals(summary.child("TtlNtries"), entries, e -> true);
    totals(summary.child("TtlCdtNtries"), entries, e -> e.flow() == Flow.CREDIT);
    totals(summary.child("TtlDbtNtries"), entries, e -> e.flow() == Flow.DEBIT);
  }

  private void totals(Optional<XmlNode> totals, List<Entry> entries, Predicate<Entry> which) {
    if (totals.isEmpty()) {
      return;
    }
    long all = entries.stream().filter(which).count();
    long booked = entries.stream().filter(which.and(Entry::booked)).count();
    totals.get().child("NbOfNtries").ifPresent(n -> count(n, all, booked));
    totals.get().child("Sum").ifPresent(s -> sum(s, sum(entries, which), sum(entries, which.and(Entry::booked))));
  }

  private void count(XmlNode number, long all, long booked) {
    if (!number.text().matches("\\d{1,15}")) {
      problems.add(number.line(), number.path(), "'" + number.text() + "' is not a number of entries");
    } else if (Long.parseLong(number.text()) != all && Long.parseLong(number.text()) != booked) {
      problems.add(number.line(), number.path(), "is " + number.text() + " but the report has " + all
          + (all == booked ? " such entries" : " such entries, " + booked + " of them booked"));
    }
  }

  private void sum(XmlNode sum, long all, long booked) {
    BigDecimal stated;
    try {
      stated = new BigDecimal(sum.text());
    } catch (NumberFormatException e) {
      problems.add(sum.line(), sum.path(), "'" + sum.text() + "' is not a decimal amount");
      return;
    }
    if (stated.compareTo(decimal(all)) != 0 && stated.compareTo(decimal(booked)) != 0) {
      problems.add(sum.line(), sum.path(), "is " + sum.text() + " but the entries add up to " + money(all)
          + (all == booked ? "" : " (booked ones " + money(booked) + ")"));
    }
  }

  private Long single(List<Balance> balances, String type) {
    List<Balance> of = balances.stream().filter(b -> b.type().equals(type)).toList();
    for (Balance extra : of.subList(Math.min(1, of.size()), of.size())) {
      problems.add(extra.node().line(), extra.node().path(), "is a second " + type + " balance; a report has one");
    }
    return of.isEmpty() ? null : of.get(0).signedMinor();
  }

  private static long sum(List<Entry> entries, Predicate<Entry> which) {
    return entries.stream().filter(which).mapToLong(Entry::amountMinor).sum();
  }

  private BigDecimal decimal(long minor) {
    return new BigDecimal(Amounts.format(minor, currency));
  }

  private String money(long minor) {
    return Amounts.format(minor, currency) + " " + currency;
  }
}
