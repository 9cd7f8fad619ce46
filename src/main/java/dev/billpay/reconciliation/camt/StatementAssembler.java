package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankStatement;
import dev.billpay.reconciliation.BankTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One account's report ({@code Stmt} of a camt.053, {@code Ntfctn} of a camt.054), assembled from its child
 * elements as the reader streams them (each read whole, one at a time), then checked and made a
 * {@link BankStatement}.
 */
final class StatementAssembler {
  private final MessageKind kind;
  private final String path;
  private final int line;
  private final Problems problems;
  private String id = "";
  private XmlNode account;
  private XmlNode created;
  private XmlNode summary;
  private final List<Balance> balances = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();
  /** Problems found before this report: its totals are only checked when its own parts read cleanly. */
  private final int problemsBefore;

  StatementAssembler(MessageKind kind, String path, int line, Problems problems) {
    this.kind = kind;
    this.path = path;
    this.line = line;
    this.problems = problems;
    this.problemsBefore = problems.count();
  }

  void accept(XmlNode child) {
    switch (child.name()) {
      case "Id" -> id = child.text();
      case "CreDtTm" -> created = child;
      case "Acct" -> account = child;
      case "TxsSummry" -> summary = child;
      case "Bal" -> Optional.ofNullable(Balance.read(child, problems)).ifPresent(balances::add);
      case "Ntry" -> Optional.ofNullable(EntryReader.read(child, problems)).ifPresent(entries::add);
      default -> { }
    }
  }

  /** The statement; null when it lacks what one needs (the problems added). */
  BankStatement finish(LocalDate messageCreated) {
    if (id.isEmpty()) {
      problems.add(line, path + "/Id", "is missing");
    }
    String accountId = accountId();
    String currency = currency();
    StatementChecks checks = new StatementChecks(path, line, currency, problems);
    checks.currencies(entries, balances, account != null && account.has("Ccy"));
    Long opening = checks.opening(balances);
    Long closing = checks.closing(balances);
    // an entry that did not read is missing from every total: checking them would only report that again
    if (problems.count() == problemsBefore) {
      checks.balancesAddUp(opening, closing, entries, balances);
      if (summary != null) {
        checks.summary(summary, entries);
      }
    }
    LocalDate date = date(messageCreated);
    if (date == null) {
      return null;
    }
    List<BankTransaction> transactions = entries.stream().filter(Entry::booked)
        .flatMap(e -> e.transactions().stream()).toList();
    return new BankStatement(kind.format(), id, accountId, currency, opening, closing, date, transactions);
  }

  /** {@code Acct/Id/IBAN}, else {@code Acct/Id/Othr/Id}. */
  private String accountId() {
    if (account == null) {
      problems.add(line, path + "/Acct", "is missing");
      return "";
    }
    String iban = account.text("Id", "IBAN");
    String other = account.text("Id", "Othr", "Id");
    if (iban.isEmpty() && other.isEmpty()) {
      problems.add(account.line(), account.pathOf("Id"), "names no account: neither IBAN nor Othr/Id");
    }
    return iban.isEmpty() ? other : iban;
  }

  /** {@code Acct/Ccy}; when the bank leaves it out, the entries' currency, else the balances'. */
  private String currency() {
    if (account != null && account.has("Ccy")) {
      String currency = account.text("Ccy");
      if (Amounts.digits(currency) < 0) {
        XmlNode ccy = account.child("Ccy").orElseThrow();
        problems.add(ccy.line(), ccy.path(), "'" + currency + "' is not an ISO 4217 currency with minor units");
      }
      return currency;
    }
    if (!entries.isEmpty()) {
      return entries.get(0).currency();
    }
    return balances.isEmpty() ? "" : balances.get(0).currency();
  }

  /** The closing booked balance's date, else the report's creation date, else the message's. */
  private LocalDate date(LocalDate messageCreated) {
    Optional<LocalDate> closingDate = balances.stream().filter(b -> b.type().equals("CLBD") && b.date() != null)
        .map(Balance::date).findFirst();
    if (closingDate.isPresent()) {
      return closingDate.get();
    }
    if (created != null) {
      return CamtDates.parse(created, problems).orElse(null);
    }
    if (messageCreated == null) {
      problems.add(line, path + "/CreDtTm", "is missing, and the report has no CLBD date nor GrpHdr/CreDtTm");
    }
    return messageCreated;
  }
}
