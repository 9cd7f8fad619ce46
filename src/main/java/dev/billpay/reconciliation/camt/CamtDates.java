package dev.billpay.reconciliation.camt;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Dates as camt writes them: ISODate ({@code 2026-03-02}) or the date of an ISODateTime ({@code 2026-03-02T18:00:00+01:00}). */
final class CamtDates {
  private CamtDates() {}

  /**
   * The date of a date-or-date-time choice ({@code BookgDt}, {@code ValDt}, {@code Bal/Dt}): its {@code Dt}, else
   * the date part of its {@code DtTm}; empty when it has neither or it does not parse (the problem added).
   */
  static Optional<LocalDate> ofChoice(XmlNode choice, Problems problems) {
    Optional<XmlNode> date = choice.child("Dt");
    if (date.isPresent()) {
      return parse(date.get(), problems);
    }
    return choice.child("DtTm").flatMap(dateTime -> parse(dateTime, problems));
  }

  /**
   * The date an ISODate or ISODateTime element gives: a local date as the bank wrote it, any offset ignored, since
   * the bank books by its own calendar.
   */
  static Optional<LocalDate> parse(XmlNode element, Problems problems) {
    String text = element.text();
    try {
      if (text.length() == 10 || (text.length() > 10 && text.charAt(10) == 'T')) {
        return Optional.of(LocalDate.parse(text.substring(0, 10)));
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(element.line(), element.path(), "'" + text + "' is not an ISO date (YYYY-MM-DD)");
    return Optional.empty();
  }
}
