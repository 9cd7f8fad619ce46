package dev.billpay.reconciliation.camt;

import dev.billpay.reconciliation.BankTransaction.Flow;
import java.time.LocalDate;

/**
 * A {@code Bal} the reader checks the entries with.
 *
 * @param type its {@code Tp/CdOrPrtry/Cd}: OPBD (opening booked), PRCD (previous closing booked), CLBD (closing
 *     booked), or another the reader does not use
 * @param signedMinor minor units, negative for {@code DBIT} (an overdrawn account)
 * @param date its {@code Dt}, null when it has none that parses
 */
record Balance(XmlNode node, String type, String currency, long signedMinor, LocalDate date) {

  /** The balance, or null when its amount or direction cannot be read (the problems added). */
  static Balance read(XmlNode bal, Problems problems) {
    int before = problems.count();
    String type = bal.text("Tp", "CdOrPrtry", "Cd");
    XmlNode amount = EntryReader.required(bal, "Amt", problems).orElse(null);
    Long minor = amount == null ? null : Amounts.minor(amount, problems);
    Flow flow = EntryReader.indicator(bal, problems, true);
    LocalDate date = bal.child("Dt").flatMap(d -> CamtDates.ofChoice(d, problems)).orElse(null);
    if (problems.count() > before) {
      return null;
    }
    long signed = flow == Flow.CREDIT ? minor : -minor;
    return new Balance(bal, type, amount.attribute("Ccy"), signed, date);
  }
}
