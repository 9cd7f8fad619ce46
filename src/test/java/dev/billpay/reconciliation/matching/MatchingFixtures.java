package dev.billpay.reconciliation.matching;

import dev.billpay.reconciliation.BankTransaction;
import dev.billpay.reconciliation.BankTransaction.Family;
import dev.billpay.reconciliation.BankTransaction.Flow;
import java.time.LocalDate;
import java.util.List;

/** Transactions, expectations and own entries for the engine's tests, with sensible defaults. */
final class MatchingFixtures {
  static final LocalDate DAY = LocalDate.of(2026, 12, 3);

  private MatchingFixtures() {}

  /** A transfer credit of {@code amount} USD on {@link #DAY}, reported at {@code line}. */
  static Tx credit(int line, long amount) {
    return new Tx(line, Flow.CREDIT, Family.TRANSFER, amount);
  }

  static Tx debit(int line, long amount) {
    return new Tx(line, Flow.DEBIT, Family.TRANSFER, amount);
  }

  /** A builder so each test states only what matters to it. */
  static final class Tx {
    private final int line;
    private Flow flow;
    private Family family;
    private final long amount;
    private String currency = "USD";
    private LocalDate valueDate = DAY;
    private String bankReference = "";
    private String endToEnd = "";
    private String remittance = "";
    private List<String> structured = List.of();
    private String counterpartyName = "";
    private String counterpartyAccount = "";
    private boolean reversal;

    Tx(int line, Flow flow, Family family, long amount) {
      this.line = line;
      this.flow = flow;
      this.family = family;
      this.amount = amount;
    }

    Tx family(Family f) {
      family = f;
      return this;
    }

    Tx flow(Flow f) {
      flow = f;
      return this;
    }

    Tx currency(String c) {
      currency = c;
      return this;
    }

    Tx on(LocalDate d) {
      valueDate = d;
      return this;
    }

    Tx bankReference(String r) {
      bankReference = r;
      return this;
    }

    Tx endToEnd(String r) {
      endToEnd = r;
      return this;
    }

    Tx remittance(String r) {
      remittance = r;
      return this;
    }

    Tx structured(String... refs) {
      structured = List.of(refs);
      return this;
    }

    Tx from(String name, String account) {
      counterpartyName = name;
      counterpartyAccount = account;
      return this;
    }

    Tx reversal() {
      reversal = true;
      return this;
    }

    BankTransaction build() {
      return new BankTransaction("line " + line, line, flow, family, amount, currency, valueDate, bankReference,
          endToEnd, remittance, structured, counterpartyName, counterpartyAccount, reversal, "test");
    }
  }

  /** An exact credit expectation of client {@code cli_a} over DAY-2..DAY+2, no reference or counterparty. */
  static Expectation expecting(String id, long amount) {
    return expecting(id, "cli_a", amount, amount, null, null, null);
  }

  static Expectation expecting(String id, String client, long min, long max, String reference, String name,
      String account) {
    return new Expectation(id, client, Flow.CREDIT, min, max, "USD", DAY.minusDays(2), DAY.plusDays(2), reference,
        name, account, 0);
  }

  static Expectation withReference(String id, long amount, String reference) {
    return expecting(id, "cli_a", amount, amount, reference, null, null);
  }

  static Expectation partlyReconciled(Expectation e, long already) {
    return new Expectation(e.id(), e.clientId(), e.flow(), e.minMinor(), e.maxMinor(), e.currency(), e.windowStart(),
        e.windowEnd(), e.reference(), e.counterpartyName(), e.counterpartyAccount(), already);
  }

  static Expectation outgoing(Expectation e) {
    return new Expectation(e.id(), e.clientId(), Flow.DEBIT, e.minMinor(), e.maxMinor(), e.currency(),
        e.windowStart(), e.windowEnd(), e.reference(), e.counterpartyName(), e.counterpartyAccount(),
        e.reconciledMinor());
  }

  static OwnEntry fileSettlement(String fileId, long totalDebit, LocalDate effective) {
    return new OwnEntry(fileId, OwnEntry.Kind.CLEARING_FILE_SETTLEMENT, Flow.CREDIT, totalDebit, "USD", effective,
        fileId);
  }

  static OwnEntry returnSettlement(String paymentId, long amount, LocalDate returned, String trace) {
    return new OwnEntry(paymentId, OwnEntry.Kind.RETURN_SETTLEMENT, Flow.DEBIT, amount, "USD", returned, trace);
  }
}
