package dev.billpay.loadtests;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Reads knobs from system properties, then environment variables, then defaults. */
final class Knobs {
  private Knobs() {}

  static String string(String name, String defaultValue) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  static double positiveDouble(String name, double defaultValue) {
    String raw = string(name, null);
    if (raw == null) {
      return defaultValue;
    }
    try {
      double value = Double.parseDouble(raw);
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(name + " must be > 0, got " + raw);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got " + raw, e);
    }
  }

  static int nonNegativeInt(String name, int defaultValue) {
    String raw = string(name, null);
    if (raw == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value < 0) {
        throw new IllegalArgumentException(name + " must be >= 0, got " + raw);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got " + raw, e);
    }
  }

  static int positiveInt(String name, int defaultValue) {
    int value = nonNegativeInt(name, defaultValue);
    if (value == 0) {
      throw new IllegalArgumentException(name + " must be >= 1, got 0");
    }
    return value;
  }

  /**
   * Load is only ever sent to a gateway on this machine (loopback). Refuses anything else
   * so that a mistyped BASE_URL cannot point a load generator at someone else's host.
   */
  static String requireLoopback(String baseUrl) {
    URI uri;
    try {
      uri = URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("BASE_URL is not a valid URL: " + baseUrl, e);
    }
    String host = uri.getHost();
    if (host == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("BASE_URL must be http(s)://host[:port], got " + baseUrl);
    }
    boolean loopback;
    if ("localhost".equalsIgnoreCase(host)) {
      loopback = true;
    } else {
      try {
        // Literal IPs only: getByName does no DNS lookup for them. Host names other than
        // localhost are rejected rather than resolved.
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        loopback =
            (literal.matches("[0-9.]+") || literal.contains(":"))
                && InetAddress.getByName(literal).isLoopbackAddress();
      } catch (UnknownHostException e) {
        loopback = false;
      }
    }
    if (!loopback) {
      throw new IllegalArgumentException(
          "BASE_URL must point at this machine (localhost, 127.0.0.0/8 or [::1]), got " + baseUrl);
    }
    return baseUrl;
  }
}
