package dev.billpay.payments;

import dev.billpay.scheduling.BankingCalendar;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * When a returned debit is presented again, by the Nacha Operating Rules' reinitiation limits: only
 * for insufficient (R01) or uncollected (R09) funds, at most twice after the original entry (three
 * entries in all), and only within 180 days of the original entry's settlement date. The gateway
 * reinitiates nothing else by itself: any other return needs its cause remedied first, which a
 * person decides. A plain class, so the limits are tested without a database.
 */
public final class Reinitiation {
  /** The return codes a reinitiation may follow without anything being remedied first. */
  public static final Set<String> CODES = Set.of("R01", "R09");
  /** The original entry and two reinitiations. */
  public static final int MAX_ATTEMPT = 3;
  /** Days after the original entry's settlement date within which a reinitiation may still settle. */
  public static final int WINDOW_DAYS = 180;
  /** The Company Entry Description the Rules require of a reinitiated entry. */
  public static final String ENTRY_DESCRIPTION = "RETRY PYMT";

  private Reinitiation() {}

  /** The next attempt and the banking day it is presented on. */
  public record Plan(int attempt, LocalDate effectiveDate) {}

  /**
   * The reinitiation a return of attempt {@code returnedAttempt} gets, received on {@code today}, if
   * any: presented {@code delayBankingDays} banking days later, when that is still within the window
   * of the original's settlement date.
   */
  public static Optional<Plan> plan(String returnCode, int returnedAttempt, LocalDate originalSettlement,
      LocalDate today, int delayBankingDays, BankingCalendar calendar) {
    if (!CODES.contains(returnCode) || returnedAttempt >= MAX_ATTEMPT || originalSettlement == null) {
      return Optional.empty();
    }
    LocalDate effective = calendar.plusBankingDays(today, delayBankingDays);
    if (effective.isAfter(originalSettlement.plusDays(WINDOW_DAYS))) {
      return Optional.empty();
    }
    return Optional.of(new Plan(returnedAttempt + 1, effective));
  }
}
