package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankTransaction.Flow;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reads one {@code Ntry}: its amount, direction, reversal indicator, status, dates, references and bank transaction
 * code, then its transactions ({@link TransactionDetails}). Only booked entries become transactions; pending
 * ({@code PDNG}), information ({@code INFO}) and future ({@code FUTR}) entries are read for the statement's totals
 * and left out, since they have not moved money on the account.
 */
final class EntryReader {
  private EntryReader() {}

  /** The entry, or null when its amount, direction or status cannot be read (the problems added). */
  static Entry read(XmlNode ntry, Problems problems) {
    int before = problems.count();
    Optional<XmlNode> amount = required(ntry, "Amt", problems);
    Long minor = amount.map(a -> Amounts.minor(a, problems)).orElse(null);
    Flow flow = indicator(ntry, problems, true);
    boolean reversal = reversal(ntry, problems);
    String status = status(ntry, problems);
    if (problems.count() > before) {
      return null;
    }
    String currency = amount.get().attribute("Ccy");
    String code = CamtTransactionCodes.code(ntry.child("BkTxCd"));
    // a pending entry needs no date: it is only counted, never a transaction
    LocalDate valueDate = status.equals("BOOK") ? valueDate(ntry, problems) : null;
    if (problems.count() > before) {
      return null;
    }
    Entry entry = new Entry(ntry, currency, minor, flow, reversal, status, valueDate, ntry.text("AcctSvcrRef"), code,
        List.of());
    return entry.booked() ? entry.withTransactions(TransactionDetails.split(entry, problems)) : entry;
  }

  /**
   * {@code CdtDbtInd} of an entry (required) or of a transaction detail (optional: null when absent, the entry's
   * direction applies).
   */
  static Flow indicator(XmlNode node, Problems problems, boolean required) {
    Optional<XmlNode> indicator = node.child("CdtDbtInd");
    if (indicator.isEmpty()) {
      if (required) {
        problems.add(node.line(), node.pathOf("CdtDbtInd"), "is missing");
      }
      return null;
    }
    switch (indicator.get().text()) {
      case "CRDT":
        return Flow.CREDIT;
      case "DBIT":
        return Flow.DEBIT;
      default:
        problems.add(indicator.get().line(), indicator.get().path(),
            "is '" + indicator.get().text() + "', not CRDT or DBIT");
        return null;
    }
  }

  static Optional<XmlNode> required(XmlNode node, String child, Problems problems) {
    Optional<XmlNode> found = node.child(child);
    if (found.isEmpty()) {
      problems.add(node.line(), node.pathOf(child), "is missing");
    }
    return found;
  }

  private static boolean reversal(XmlNode ntry, Problems problems) {
    Optional<XmlNode> indicator = ntry.child("RvslInd");
    if (indicator.isEmpty()) {
      return false;
    }
    String text = indicator.get().text();
    if (text.equals("true") || text.equals("1")) {
      return true;
    }
    if (!text.equals("false") && !text.equals("0")) {
      problems.add(indicator.get().line(), indicator.get().path(), "is '" + text + "', not true or false");
    }
    return false;
  }

  /** {@code Sts}: text in .02 ({@code <Sts>BOOK</Sts>}), a choice in .08 ({@code <Sts><Cd>BOOK</Cd></Sts>}). */
  private static String status(XmlNode ntry, Problems problems) {
    Optional<XmlNode> sts = required(ntry, "Sts", problems);
    if (sts.isEmpty()) {
      return "";
    }
    XmlNode node = sts.get();
    String status = node.children().isEmpty() ? node.text() : node.has("Cd") ? node.text("Cd") : node.text("Prtry");
    if (status.isEmpty()) {
      problems.add(node.line(), node.path(), "is empty: an entry's status is BOOK, PDNG, INFO or FUTR");
    }
    return status;
  }

  /** {@code ValDt}, else {@code BookgDt}: the day the money counts on the account. */
  private static LocalDate valueDate(XmlNode ntry, Problems problems) {
    Optional<XmlNode> choice = ntry.child("ValDt").or(() -> ntry.child("BookgDt"));
    if (choice.isEmpty()) {
      problems.add(ntry.line(), ntry.pathOf("ValDt"), "is missing, and so is BookgDt: a booked entry needs a date");
      return null;
    }
    Optional<LocalDate> date = CamtDates.ofChoice(choice.get(), problems);
    if (date.isEmpty() && !choice.get().has("Dt") && !choice.get().has("DtTm")) {
      problems.add(choice.get().line(), choice.get().path(), "has neither Dt nor DtTm");
    }
    return date.orElse(null);
  }
}
