package dev.billpay.payments;

import dev.billpay.scheduling.SameDayWindows;
import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.Money;
import dev.billpay.shared.ProblemType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a same-day payment must meet when it is asked for: the per-entry limit (Nacha's $1,000,000
 * since March 2022; larger entries would not settle the same day), and a same-day window still ahead
 * on the day it is due. Plans check the limit for each of their occurrences at creation.
 */
public final class SameDayRules {
  private final SameDayWindows windows;
  private final long maxAmountMinor;
  private final boolean refuseAfterLastWindow;

  public SameDayRules(SameDayWindows windows, long maxAmountMinor, boolean refuseAfterLastWindow) {
    this.windows = windows;
    this.maxAmountMinor = maxAmountMinor;
    this.refuseAfterLastWindow = refuseAfterLastWindow;
  }

  /** 422 same-day-limit-exceeded for a same-day amount above the limit; standard amounts pass. */
  public void checkAmount(PaymentSpeed speed, Money amount) {
    if (speed == PaymentSpeed.SAME_DAY && amount.minor() > maxAmountMinor) {
      throw new DomainException(ProblemType.SAME_DAY_LIMIT_EXCEEDED,
          "A same-day ACH entry may not exceed " + maxAmountMinor + " minor units; send it as a standard payment.",
          List.of(new FieldError("amount", "exceeds the same-day limit of " + maxAmountMinor)));
    }
  }

  /**
   * The effective entry date of a same-day payment due on {@code requested}, made at {@code now}: the
   * day of the window it goes in. One due today after the day's last window (or on a day without
   * windows) goes in the next banking day's first window, or is refused (422), as configured; a
   * future one goes in the first window of its banking day.
   */
  public LocalDate effectiveDate(LocalDate requested, boolean dueToday, Instant now) {
    SameDayWindows.Window window = windows.forPayment(requested, now);
    if (dueToday && refuseAfterLastWindow && window.day().isAfter(requested)) {
      throw new DomainException(ProblemType.SAME_DAY_WINDOW_MISSED,
          "Today's last same-day ACH window has passed (the next is " + window.deadline()
              + "); send a standard payment, or a same-day one scheduled for " + window.day() + ".",
          List.of(new FieldError("speed", "no same-day window is left today")));
    }
    return window.day();
  }
}
