package dev.billpay.benchmark;

import java.util.List;
import java.util.Locale;

/** Number formats and tables of the report. */
final class Markdown {
  private Markdown() {}

  /** A table: the first column left-aligned (labels), the others right-aligned (numbers). */
  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.size(); i++) {
      out.append(i == 0 ? "---|" : "---:|");
    }
    out.append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond >= 100 ? "%,.0f" : "%,.1f", perSecond);
  }

  /** Two decimals, but two significant digits below 0.1 (0.0044, not 0.00) and none from 10 up. */
  static String ratio(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    String format = value >= 10 ? "%.0f" : value >= 0.1 || value == 0 ? "%.2f" : "%.2g";
    return String.format(Locale.ROOT, format, value);
  }

  /** Microseconds as milliseconds, with the precision that still means something. */
  static String millis(long micros) {
    double ms = micros / 1000.0;
    return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%,.0f ms", ms);
  }

  static String seconds(double s) {
    return Double.isFinite(s) ? String.format(Locale.ROOT, "%.3f", s) : "n/a";
  }

  static String cores(double c) {
    return String.format(Locale.ROOT, "%.2f", c);
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }
}
