package dev.billpay.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One API call as BillpayApi describes it, before it is sent: the transport adds the base URL,
 * credentials, the idempotency key and the retries.
 *
 * @param body a model to send as JSON, a String for a text body, or null for none
 * @param idempotent the operation takes an Idempotency-Key
 */
record Call(String method, String path, List<Map.Entry<String, String>> query, Object body, String contentType,
    Auth auth, boolean idempotent, Map<String, String> headers, RequestOptions options) {

  /** The path with each {name} replaced, in order, by the next value, percent-encoded. */
  static String expand(String template, String... values) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{') {
        int end = template.indexOf('}', i);
        if (next >= values.length || values[next] == null) {
          throw new IllegalArgumentException("no value for " + template.substring(i, end + 1) + " in " + template);
        }
        out.append(encode(values[next++]));
        i = end;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Name/value pairs of the query string; null values are left out. */
  static List<Map.Entry<String, String>> queryOf(Object... namesAndValues) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        out.add(Map.entry((String) namesAndValues[i], String.valueOf(namesAndValues[i + 1])));
      }
    }
    return out;
  }

  static Map<String, String> headersOf(String... namesAndValues) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        out.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return out;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Whether sending it twice cannot do the thing twice: a read, a delete, or a call with an idempotency key. */
  boolean replaySafe() {
    return idempotent || method.equals("GET") || method.equals("DELETE");
  }
}
