package dev.billpay.reconciliation.camt;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * camt amounts ({@code <Amt Ccy="USD">1250.00</Amt>}) as exact minor units of their currency: as many decimals
 * as ISO 4217 gives the currency (JPY 0, USD 2, BHD 3), never a floating-point number.
 */
final class Amounts {
  /** xs:decimal without a sign: digits with an optional fraction (".5" and "5." included). */
  private static final Pattern DECIMAL = Pattern.compile("\\+?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

  private Amounts() {}

  /**
   * Minor units of an amount element (its text and its {@code Ccy} attribute); null, with the problem added, when
   * the amount or its currency cannot be taken as they are.
   */
  static Long minor(XmlNode amount, Problems problems) {
    String currency = amount.attribute("Ccy");
    int digits = digits(currency);
    if (digits < 0) {
      problems.add(amount.line(), amount.path(), currency.isEmpty() ? "has no Ccy attribute"
          : "Ccy " + currency + " is not an ISO 4217 currency with minor units");
      return null;
    }
    return minor(amount.text(), digits, currency, amount, problems);
  }

  /** Minor units of a decimal text in a currency already known (a summary's {@code Sum} has no Ccy of its own). */
  static Long minor(String text, int digits, String currency, XmlNode where, Problems problems) {
    if (text.startsWith("-")) {
      problems.add(where.line(), where.path(), "is negative (" + text + "); camt amounts are unsigned, the"
          + " direction is in CdtDbtInd");
      return null;
    }
    if (!DECIMAL.matcher(text).matches()) {
      problems.add(where.line(), where.path(), "'" + text + "' is not a decimal amount");
      return null;
    }
    BigDecimal value = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    if (value.stripTrailingZeros().scale() > digits) {
      problems.add(where.line(), where.path(), text + " has more decimals than " + currency + " has (" + digits + ")");
      return null;
    }
    try {
      return value.movePointRight(digits).longValueExact();
    } catch (ArithmeticException e) {
      problems.add(where.line(), where.path(), text + " is too large");
      return null;
    }
  }

  /** The currency's minor unit digits; -1 when the code is not an ISO 4217 currency with minor units. */
  static int digits(String currency) {
    if (!CODE.matcher(currency).matches()) {
      return -1;
    }
    try {
      return Currency.getInstance(currency).getDefaultFractionDigits();
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** Minor units as the decimal a person reads in the file: 125000 USD is "1250.00", a debit "-1250.00". */
  static String format(long minor, String currency) {
    return BigDecimal.valueOf(minor, Math.max(digits(currency), 0)).toPlainString();
  }
}
