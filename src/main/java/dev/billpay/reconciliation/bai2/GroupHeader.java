package dev.billpay.reconciliation.bai2;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The 02 group header.
 *
 * @param ultimateReceiver empty when defaulted
 * @param status 1 update, 2 deletion, 3 correction, 4 test only
 * @param asOfTime HHMM (2400 and 9999 mean end of day), empty when defaulted
 * @param currency ISO 4217 code; USD when the file defaulted it
 * @param asOfDateModifier 1 interim previous-day, 2 final previous-day, 3 interim same-day, 4 final
 *     same-day; empty when defaulted
 */
public record GroupHeader(
    String ultimateReceiver,
    String originator,
    int status,
    LocalDate asOfDate,
    String asOfTime,
    String currency,
    OptionalInt asOfDateModifier) {
  public GroupHeader {
    Objects.requireNonNull(ultimateReceiver, "ultimateReceiver");
    Objects.requireNonNull(originator, "originator");
    Objects.requireNonNull(asOfDate, "asOfDate");
    Objects.requireNonNull(asOfTime, "asOfTime");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(asOfDateModifier, "asOfDateModifier");
  }
}
