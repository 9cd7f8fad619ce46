package dev.billpay.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.billpay.testing.Api;
import dev.billpay.testing.SharedStack;
import io.vertx.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A seeded corpus of malformed or hostile requests for the gateway. Every request is invalid by
 * construction, and a body is broken at the field level too whenever it is also broken at the JSON
 * or encoding level: a parser more lenient than ours (or a future one) still cannot turn a hostile
 * request into a created resource, so the only correct answer stays a 4xx problem. The same seed
 * gives the same corpus byte for byte, so a failing run can be replayed. Only ordered collections
 * are used here: the iteration order of Set.of/Map.of changes between JVM runs and would break replay.
 */
public final class HostileRequests {

  /** One request; {@code description} is "category: kind" with no random part, so failures group by kind. */
  public record HostileRequest(String method, String path, Map<String, String> headers, byte[] body,
      String description) {
    public String category() {
      return description.substring(0, description.indexOf(':'));
    }
  }

  /** The requests of one seed, and how many candidates java.net.http refused to build (they were replaced). */
  public record Corpus(long seed, List<HostileRequest> requests, int skipped) {
    public Map<String, Integer> countsByCategory() {
      Map<String, Integer> counts = new TreeMap<>();
      requests.forEach(r -> counts.merge(r.category(), 1, Integer::sum));
      return counts;
    }
  }

  public static final int PER_CATEGORY = 2_000;
  /** Few on purpose: each is 70 KB to 1 MB. */
  public static final int OVERSIZED = 50;
  /** The gateway's default http.body-limit-bytes; every body but the oversized ones stays below it. */
  public static final int BODY_LIMIT = 64 * 1024;
  /** A header-map entry meaning "send the body chunked, without Content-Length"; not sent as a header. */
  public static final String CHUNKED = "Transfer-Encoding";
  /** Netty answers a request line over 4096 bytes with a bare 414 before the router; stay below it. */
  private static final int MAX_PATH = 3_500;
  private static final String KEY = Api.DEV_KEY;
  /** Spliced with raw bytes after encoding; \u0001 never appears in generated text otherwise. */
  private static final String BAD = "\u0001BAD\u0001";
  private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final List<String> PAYMENT_FIELDS =
      List.of("funding_account_id", "payee_id", "amount", "currency", "reference", "scheduled_for");
  private static final List<String> US_FIELDS =
      List.of("type", "holder_name", "routing_number", "account_number", "account_type");
  private static final List<String> IBAN_FIELDS = List.of("type", "holder_name", "iban");
  private static final List<String> PAYEE_FIELDS = List.of("display_name", "biller_id", "account_number");
  private static final List<String> UNKNOWN_NAMES = List.of("colour", "amount_cents", "__proto__", "constructor",
      "Amount", "AMOUNT", "currency ", " payee_id", "payee-id", "", "$where", "id", "client_id", "status",
      "metadata", "fundingAccountId", "holderName", "displayName", "created_at", "routing_number", "iban",
      "reference", "scheduled_for", "type");
  private static final String[][] BAD_AMOUNTS = {
      {"12.5", "0.01", "1.0", "12550.00", "1e2", "1E-2", "125.5e1"},
      {"-1", "-12550", "-0.5", "-9223372036854775808", "-99999999999999999999"},
      {"0", "-0", "0.0", "0e0"},
      {"1e400", "-1e400", "99999999999999999999999999", "9223372036854775807", "9223372036854775808",
          "4611686018427387904", "1" + "0".repeat(200), "9".repeat(2_000)}};
  private static final String[] AMOUNT_CLASSES = {"fractional", "negative", "zero", "huge"};
  private static final String[] UTF8_CLASSES = {"overlong encoding", "lone continuation byte",
      "UTF-8-encoded surrogate", "invalid byte 0xF8-0xFF", "truncated sequence", "code point above U+10FFFF"};
  private static final int[][][] UTF8_SEQUENCES = {
      {{0xC0, 0x80}, {0xC0, 0xAF}, {0xC1, 0xBF}, {0xE0, 0x80, 0xAF}, {0xE0, 0x9F, 0xBF}, {0xF0, 0x80, 0x80, 0xAF}},
      {{0x80}, {0xBF}, {0x80, 0x80, 0x80}, {0x8F, 0xA0}},
      {{0xED, 0xA0, 0x80}, {0xED, 0xAF, 0xBF}, {0xED, 0xB0, 0x80}, {0xED, 0xBF, 0xBF},
          {0xED, 0xA0, 0xBD, 0xED, 0xB2, 0xA9}},
      {{0xFF}, {0xFE}, {0xFE, 0xFF}, {0xFF, 0xFE}, {0xF8, 0x88, 0x80, 0x80, 0x80}, {0xFC, 0x84, 0x80, 0x80, 0x80, 0x80}},
      {{0xE2, 0x82}, {0xF0, 0x9F, 0x98}, {0xC3}, {0xE2}},
      {{0xF4, 0x90, 0x80, 0x80}, {0xF7, 0xBF, 0xBF, 0xBF}, {0xF5, 0x80, 0x80, 0x80}}};
  /**
   * Traversal attempts; {id} is replaced by a fresh payment id. Each was checked against Vert.x's path
   * normalisation (RFC3986.normalizePath): none ends at a route that could answer 2xx (a list or health).
   */
  private static final List<String> TRAVERSALS = List.of(
      "/v1/payments/..%2F..%2Fetc%2Fpasswd", "/v1/payments/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/v1/payments/..%252F..%252Fetc%252Fpasswd", "/v1/payments/%c0%ae%c0%ae%c0%afetc%c0%afpasswd",
      "/v1/payments/..%5C..%5Cwindows%5Cwin.ini", "/v1/payments/..;/..;/etc/passwd", "/v1/../../../etc/passwd",
      "/v1/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/v1/payments/%2e%2e/%2e%2e/etc/passwd",
      "/v1/payees/../../admin/v1/clients", "/v1/funding-accounts/..%2F..%2Fadmin%2Fv1%2Fclients",
      "/v1/payments/{id}/..%2F..%2F..%2Fhealth%2Flive", "/v1/./payments/./{id}/./events/../../../../etc/passwd");
  private static final List<String> UNKNOWN_PATHS = List.of("/v1/nothing-here", "/v1/paymentss", "/v1/payments-old",
      "/v1/widgets", "/v1/refundz", "/v1/payees-archive", "/v1/funding", "/v1/accounts", "/v1/",
      "/v1/payments/{pay}/refund-now", "/v1/payments/{pay}/events/extra", "/v1/payees/{pe}/payments",
      "/v1/funding-accounts/{fa}/verify", "/v1/payments/{pay}/cancel/now", "/v1/bank-account-validations/{pay}",
      "/v1/payments%2F{pay}", "/v1/payments.json", "/v2/payments", "/v0/payments", "/api/v1/payments", "/v1payments",
      "/.env", "/.git/config", "/wp-login.php", "/actuator/health", "/cgi-bin/test.cgi", "/health/live/extra");
  /** Routes and the methods they do not support (DELETE /v1/payees/{id} exists, so it is not here). */
  private static final String[][] UNSUPPORTED = {
      {"/v1/payments", "PUT", "PATCH", "DELETE"}, {"/v1/payments/{pay}", "PUT", "PATCH", "DELETE", "POST"},
      {"/v1/payments/{pay}/cancel", "GET", "PUT", "DELETE"}, {"/v1/payments/{pay}/events", "POST", "PUT", "DELETE"},
      {"/v1/funding-accounts", "PUT", "PATCH", "DELETE"}, {"/v1/funding-accounts/{fa}", "PUT", "PATCH", "DELETE", "POST"},
      {"/v1/payees", "PUT", "PATCH", "DELETE"}, {"/v1/payees/{pe}", "PUT", "PATCH", "POST"},
      {"/v1/bank-account-validations", "GET", "PUT", "DELETE"}, {"/health/live", "POST", "PUT", "DELETE"},
      {"/health/ready", "POST", "DELETE"}, {"/admin/v1/clients", "GET", "DELETE"}};
  /** Single-resource routes: path prefix, id prefix, method. */
  private static final String[][] ID_ROUTES = {{"/v1/payments/", "pay", "GET"}, {"/v1/payees/", "pe", "GET"},
      {"/v1/payees/", "pe", "DELETE"}, {"/v1/funding-accounts/", "fa", "GET"}, {"/v1/payments/", "pay", "events"}};
  private static final List<String> ODD_IDS = List.of("null", "undefined", "0", "-1", "*", "%2A", "%20", "pay_%FF%FE",
      "pay_%C0%AF", "pay_'%20OR%20'1'%3D'1", "pay_%3BDROP%20TABLE%20payments", "pay_%0D%0AX-Injected:%20yes",
      "%24%7Bjndi:ldap:%2F%2Fx%7D", "pay_%22%7D", "pay_%F0%9F%98%80", "PAY_01ABC", "pay-01ABC", "pay_");

  private final Random random;
  private final List<HostileRequest> requests = new ArrayList<>();
  private int skipped;

  private HostileRequests(long seed) {
    this.random = new Random(seed);
  }

  public static Corpus generate(long seed) {
    HostileRequests g = new HostileRequests(seed);
    g.fill("types", PER_CATEGORY, g::wrongTypes);
    g.fill("malformed-json", PER_CATEGORY, g::malformedJson);
    g.fill("bad-utf8", PER_CATEGORY, g::badUtf8);
    g.fill("headers", PER_CATEGORY, g::badHeaders);
    g.fill("paths", PER_CATEGORY, g::oddPathsAndMethods);
    g.fill("oversized", OVERSIZED, g::oversized);
    return new Corpus(seed, List.copyOf(g.requests), g.skipped);
  }

  /** The java.net.http request for one corpus entry; IllegalArgumentException when the client refuses it. */
  public static HttpRequest toHttpRequest(HostileRequest r, String baseUrl, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + r.path())).timeout(timeout);
    r.headers().forEach((name, value) -> {
      if (!name.equals(CHUNKED)) {
        b.header(name, value);
      }
    });
    BodyPublisher body = r.body().length == 0 ? BodyPublishers.noBody()
        // a publisher of unknown length makes java.net.http send Transfer-Encoding: chunked
        : r.headers().containsKey(CHUNKED) ? BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(r.body()))
        : BodyPublishers.ofByteArray(r.body());
    return b.method(r.method(), body).build();
  }

  /** Draws until {@code count} sendable requests exist; what java.net.http cannot send is replaced, not lost. */
  private void fill(String category, int count, Supplier<HostileRequest> next) {
    int made = 0;
    for (int attempts = 0; made < count; attempts++) {
      if (attempts > count * 10) {
        throw new IllegalStateException(category + ": java.net.http refuses too many of these requests");
      }
      HostileRequest r = next.get();
      if (!r.category().equals(category) || !category.equals("oversized") && r.body().length >= BODY_LIMIT) {
        throw new IllegalStateException("generator bug: " + r.description() + ", " + r.body().length + " bytes");
      }
      try {
        toHttpRequest(r, "http://127.0.0.1:" + SharedStack.HTTP_PORT, Duration.ofSeconds(30));
        requests.add(r);
        made++;
      } catch (IllegalArgumentException e) {
        skipped++;
      }
    }
  }

  // ---- category: wrong JSON types, bad amounts, unknown and missing fields ----

  private HostileRequest wrongTypes() {
    Shape s = anyShape(false);
    String what = breakBody(s);
    return request("POST", s.path, jsonHeaders(), s.encode(), "types: " + what);
  }

  /** Makes a valid-looking body invalid at the field level, whatever JSON parser reads it; says how. */
  private String breakBody(Shape s) {
    return switch (random.nextInt(s.label.equals("payments") ? 5 : 4)) {
      case 0 -> wrongType(s);
      case 1 -> {
        String name = pick(s.required);
        s.set(name, "null");
        yield s.label + " " + name + " null";
      }
      case 2 -> unknownField(s);
      case 3 -> missingRequired(s);
      default -> {
        int c = random.nextInt(AMOUNT_CLASSES.length);
        s.set("amount", pick(BAD_AMOUNTS[c]));
        yield "payments amount " + AMOUNT_CLASSES[c];
      }
    };
  }

  /** Every field of these endpoints is a string except amount (an integer), so any other type is wrong. */
  private String wrongType(Shape s) {
    String name = pick(s.allowed);
    String old = s.rawOr(name, "1");
    String kind = name.equals("amount") ? pick("string", "boolean", "array", "object")
        : pick("number", "boolean", "array", "object");
    s.set(name, switch (kind) {
      case "string" -> pick("\"12550\"", "\"\"", "\"125.50\"", "\"abc\"", "\"1e3\"");
      case "number" -> pick("12345", "0", "-1", "3.14", "1e3");
      case "boolean" -> pick("true", "false");
      case "array" -> pick("[]", "[\"x\"]", "[1,2]", "[" + old + "]");
      default -> pick("{}", "{\"value\":" + old + "}");
    });
    return s.label + " " + name + " as " + kind;
  }

  private String unknownField(Shape s) {
    String name;
    do {
      name = random.nextInt(4) == 0 ? lower(3 + random.nextInt(12)) : pick(UNKNOWN_NAMES);
    } while (s.allowed.contains(name));
    s.set(name, pick("1", "\"x\"", "true", "null", "[]", "{}", "{\"nested\":{\"deep\":[1,2,3]}}"));
    return s.label + " unknown field";
  }

  private String missingRequired(Shape s) {
    List<String> names = new ArrayList<>(s.required);
    Collections.shuffle(names, random);
    int n = random.nextInt(3) == 0 ? 1 + random.nextInt(names.size()) : 1;
    names.subList(0, n).forEach(s::remove);
    return s.label + (n == 1 ? " missing " + names.get(0) : " missing several required fields");
  }

  // ---- category: malformed JSON ----

  private HostileRequest malformedJson() {
    Shape s = anyShape(true);
    breakBody(s);
    String base = s.encode();
    Made made = malformed(s, base);
    // cancel accepts no body or {}; a lenient parser (ours allows comments) may read "{}//" or '{}' as {},
    // so cancel only gets bodies built on a non-empty object
    boolean cancel = random.nextInt(8) == 0 && !base.equals("{}") && !made.text.isBlank();
    String path = cancel ? "/v1/payments/" + id("pay") + "/cancel" : s.path;
    return request("POST", path, jsonHeaders(), made.text, "malformed-json: " + made.what);
  }

  private record Made(String what, String text) {}

  private Made malformed(Shape s, String base) {
    int len = base.length();
    return switch (random.nextInt(12)) {
      case 0 -> new Made("truncated", base.substring(0, random.nextInt(len - 1)));
      case 1 -> new Made("trailing garbage", base + pick(" x", "}", "]", ",", " {}", "{\"a\":1}", " null", "\"",
          "\u0000", " garbage", "\r\n\r\n--", "//"));
      case 2 -> new Made("single quotes", base.replace('"', '\''));
      case 3 -> {
        s.set("amount", pick("NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf", "-NaN"));
        yield new Made("NaN or Infinity", s.encode());
      }
      case 4 -> new Made("unbalanced brackets", switch (random.nextInt(6)) {
        case 0 -> base.substring(0, len - 1);
        case 1 -> "{" + base;
        case 2 -> base.substring(0, len - 1) + "]";
        case 3 -> member(base, "\"x\":[1,2");
        case 4 -> member(base, "\"x\":{\"y\":1]");
        default -> "[" + base + "}";
      });
      case 5 -> random.nextBoolean() ? new Made("empty body", "")
          : new Made("whitespace-only body", pick(" ", "\n", "\r\n\t "));
      case 6 -> {
        String top = pick("[" + base + "]", "[]", "[1,2]", "\"payment\"", "12550", "true", "false", "null", "-0",
            "1e400", Json.encode(base));
        yield new Made(top.startsWith("[") ? "top-level array" : "top-level scalar", top);
      }
      case 7 -> deepNesting(base);
      case 8 -> longString(s);
      case 9 -> {
        String bad = pick("\\x41", "\\u12", "\\uZZZZ", "\\a", "\\'", "\t", "\n", "\r", "\u0000", "\u001f", "\\");
        s.set("note", "\"a" + bad + (bad.equals("\\") ? "\"" : "b\""));
        yield new Made("bad escape or raw control character", s.encode());
      }
      case 10 -> {
        s.set(s.label.equals("payments") ? "amount" : "n",
            pick("01", "+1", ".5", "0x10", "1.", "1e", "-", "--1", "1_000", "1,000", "0b101", "\u0661\u0662"));
        yield new Made("bad number syntax", s.encode());
      }
      default -> structural(base);
    };
  }

  /** The deepest nesting Jackson accepts is 1000; deeper must be a 400, never a StackOverflowError. */
  private Made deepNesting(String base) {
    return switch (random.nextInt(5)) {
      case 0 -> {
        int d = 1_001 + random.nextInt(11_000);
        yield new Made("deep arrays", "[".repeat(d) + "]".repeat(d));
      }
      case 1 -> {
        int d = 1_001 + random.nextInt(8_000); // 6 bytes a level: at most 54 KB
        yield new Made("deep objects", "{\"a\":".repeat(d) + "1" + "}".repeat(d));
      }
      case 2 -> new Made("deep unclosed arrays", "[".repeat(1_001 + random.nextInt(20_000)));
      case 3 -> {
        int d = 1_001 + random.nextInt(10_000);
        yield new Made("deep nesting inside a field", member(base, "\"x\":" + "[".repeat(d) + "]".repeat(d)));
      }
      default -> {
        int d = 2 + random.nextInt(998);
        yield new Made("moderate nesting inside a field", member(base, "\"x\":" + "{\"a\":".repeat(d) + "1"
            + "}".repeat(d)));
      }
    };
  }

  /** 5-60 KB of text in a key or a value: longer than any field allows, still under the body limit. */
  private Made longString(Shape s) {
    String unit = pick("x", "ab", "\u00e9", "\u20ac", "\ud83d\ude00");
    String text = unit.repeat((5_000 + random.nextInt(55_000)) / unit.getBytes(UTF_8).length);
    if (random.nextBoolean()) {
      s.set(text, "1");
      return new Made("very long key", s.encode());
    }
    s.set(random.nextBoolean() ? pick(s.allowed) : "note", Json.encode(text));
    return new Made("very long string value", s.encode());
  }

  private Made structural(String base) {
    boolean empty = base.equals("{}");
    return switch (random.nextInt(7)) {
      case 0 -> new Made("trailing comma", empty ? "{,}" : base.substring(0, base.length() - 1) + ",}");
      case 1 -> new Made("missing comma", base.contains(",\"") ? base.replaceFirst(",\"", " \"") : "{\"a\":1 \"b\":2}");
      case 2 -> new Made("missing colon", empty ? "{\"a\" 1}" : base.replaceFirst("\":", "\" "));
      case 3 -> new Made("double colon", empty ? "{\"a\"::1}" : base.replaceFirst("\":", "\"::"));
      case 4 -> new Made("unquoted key", empty ? "{a:1}" : base.replaceFirst("^\\{\"([^\"]*)\":", "{$1:"));
      case 5 -> new Made("key without value", member(base, "\"a\":"));
      default -> new Made("value without key", member(base, "1"));
    };
  }

  // ---- category: bad UTF-8 ----

  private HostileRequest badUtf8() {
    Shape s = anyShape(true);
    breakBody(s);
    int c = random.nextInt(UTF8_CLASSES.length);
    int[] seq = pick(UTF8_SEQUENCES[c]);
    String where;
    String text;
    switch (random.nextInt(7)) {
      case 0 -> {
        s.set("x" + BAD + "y", "1");
        where = "a key";
      }
      case 1 -> {
        s.set("note", "\"a" + BAD + "b\"");
        where = "a new string value";
      }
      case 2 -> {
        // appended inside an existing string: it stays a string, so the field-level break survives
        List<Field> strings = s.fields.stream().filter(f -> f.raw.length() > 1 && f.raw.startsWith("\"")
            && f.raw.endsWith("\"")).toList();
        Field f = strings.isEmpty() ? new Field("note", "\"a\"") : pick(strings);
        s.set(f.name, f.raw.substring(0, f.raw.length() - 1) + BAD + "\"");
        where = "an existing string value";
      }
      case 3 -> where = "between tokens";
      case 4 -> where = "front of the body";
      case 5 -> where = "end of the body";
      default -> {
        return otherEncoding(s);
      }
    }
    text = s.encode();
    if (where.equals("between tokens")) {
      text = "{" + BAD + text.substring(1);
    } else if (where.equals("front of the body")) {
      text = BAD + text;
    } else if (where.equals("end of the body")) {
      text = text + BAD;
    }
    return request("POST", s.path, jsonHeaders(), splice(text, seq), "bad-utf8: " + UTF8_CLASSES[c] + " in " + where);
  }

  /** The whole (invalid) body in Latin-1, UTF-16 or UTF-32: not UTF-8 at all. */
  private HostileRequest otherEncoding(Shape s) {
    s.set("note", Json.encode(pick("caf\u00e9", "na\u00efve fa\u00e7ade", "\u00ff\u00fe")));
    Charset cs = pick(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
        StandardCharsets.UTF_16, Charset.forName("UTF-32"));
    return request("POST", s.path, jsonHeaders(), s.encode().getBytes(cs), "bad-utf8: body encoded as " + cs.name());
  }

  private static byte[] splice(String text, int[] seq) {
    int at = text.indexOf(BAD);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, at).getBytes(UTF_8));
    Arrays.stream(seq).forEach(out::write);
    out.writeBytes(text.substring(at + BAD.length()).getBytes(UTF_8));
    return out.toByteArray();
  }

  // ---- category: missing or bad headers ----

  /** The headers are the subject here, but the request behind them is invalid on its own as well. */
  private HostileRequest badHeaders() {
    int kind = random.nextInt(9);
    String[] target = headerTarget(kind >= 3 && kind <= 6);
    String method = target[0];
    String path = target[1];
    String body = target[2];
    Map<String, String> h = method.equals("POST") ? jsonHeaders() : authHeader();
    String what;
    switch (kind) {
      case 0 -> {
        h.remove("Authorization");
        what = "no Authorization";
      }
      case 1 -> what = badAuthorization(h);
      case 2 -> {
        h.remove("Authorization");
        h.put(pick("X-Api-Key", "Api-Key", "X-Auth-Token"), KEY);
        what = "key in another header";
      }
      case 3 -> {
        h.remove("Idempotency-Key");
        what = "no Idempotency-Key";
      }
      case 4 -> {
        StringBuilder k = new StringBuilder();
        random.ints(256 + random.nextInt(3_800), 0x21, 0x7F).forEach(c -> k.append((char) c));
        h.put("Idempotency-Key", k.toString());
        what = "over-long Idempotency-Key";
      }
      case 5 -> {
        String k = pick("a\tb", "a\u0000b", "a\nb", "a\r\nb", "a\u007fb", "a\u001bb", "cl\u00e9-" + alnum(8),
            "\u00fcn\u00efc\u00f6d\u00e9", "\u2603" + alnum(4), "");
        h.put("Idempotency-Key", k);
        what = k.isEmpty() ? "empty Idempotency-Key" : "Idempotency-Key with control or non-ASCII characters";
      }
      case 6 -> {
        String[] ct = contentType();
        what = "Content-Type " + ct[0];
        if (ct[1] == null) {
          h.remove("Content-Type");
        } else {
          h.put("Content-Type", ct[1]);
        }
        body = ct[2] != null ? ct[2] : body;
      }
      case 7 -> {
        method = "POST";
        String[] admin = pick(new String[][] {{"/admin/v1/clients", "{\"name\":42}"},
            {"/admin/v1/clients/cl_" + alnum(8) + "/keys", "{\"mode\":\"root\"}"},
            {"/admin/v1/keys/key_" + alnum(8) + "/revoke", "{\"x\":1}"}});
        path = admin[0];
        body = admin[1];
        String token = pick("", "Bearer " + KEY, "Bearer not-the-admin-token", "Bearer " + SharedStack.ADMIN_TOKEN
            + "x", "Bearer " + SharedStack.ADMIN_TOKEN.toUpperCase(), SharedStack.ADMIN_TOKEN);
        h = jsonHeaders();
        if (token.isEmpty()) {
          h.remove("Authorization");
        } else {
          h.put("Authorization", token);
        }
        what = "admin route without the admin token";
      }
      default -> {
        h.put(pick("X-Request-Id", "Accept", "X-HTTP-Method-Override", "X-Forwarded-For", "Origin", "Cookie"),
            pick("<script>alert(1)</script>", "../../etc/passwd", "x".repeat(65 + random.nextInt(2_000)),
                "application/xml", "GET", "127.0.0.1, 10.0.0.1", "null", "session=" + alnum(40)));
        what = "odd extra header";
      }
    }
    return request(method, path, h, body, "headers: " + what);
  }

  /** {method, path, body} of a request that is invalid whatever its headers say. */
  private String[] headerTarget(boolean post) {
    int n = post ? random.nextInt(2) : random.nextInt(5);
    return switch (n) {
      case 0 -> {
        Shape s = anyShape(false);
        breakBody(s);
        yield new String[] {"POST", s.path, s.encode()};
      }
      case 1 -> new String[] {"POST", "/v1/payments/" + id("pay") + "/cancel", "{\"reason\":\"x\"}"};
      case 2 -> new String[] {"GET", "/v1/payments?limit=" + pick("0", "101", "abc"), ""};
      case 3 -> {
        String[] route = pick(ID_ROUTES);
        yield new String[] {"GET", route[0] + id(route[1]), ""};
      }
      default -> new String[] {"GET", "/v1/payees?" + pick("bogus=1", "limit=0"), ""};
    };
  }

  private String badAuthorization(Map<String, String> h) {
    String[] form = switch (random.nextInt(13)) {
      case 0 -> new String[] {"no token", pick("Bearer", "Bearer ")};
      case 1 -> new String[] {"Basic scheme", pick("Basic x",
          "Basic " + Base64.getEncoder().encodeToString(("dev:" + KEY).getBytes(UTF_8)))};
      case 2 -> new String[] {"lower-case scheme", "bearer " + KEY};
      case 3 -> new String[] {"no scheme", KEY};
      case 4 -> new String[] {"other scheme", pick("Token ", "ApiKey ", "Bearer: ") + KEY};
      case 5 -> new String[] {"two tokens", "Bearer " + KEY + " " + KEY};
      case 6 -> new String[] {"tab separator", "Bearer\t" + KEY};
      case 7 -> new String[] {"forbidden characters", "Bearer bp_test_" + alnum(10)
          + pick("$", "!", "-", ".", "/", "'", "<", ">", "%", " ", ";", "=", "\\", ",", "\"", "{") + alnum(10)};
      case 8 -> new String[] {"over-long key", "Bearer bp_test_" + alnum(121 + random.nextInt(3_800))};
      case 9 -> new String[] {"unknown key", "Bearer " + pick("bp_test_", "bp_live_") + alnum(32)};
      case 10 -> new String[] {"wrong key prefix", "Bearer " + pick("bp_prod_", "sk_test_", "BP_TEST_") + alnum(32)};
      case 11 -> new String[] {"key in the wrong case", "Bearer " + KEY.toUpperCase()};
      default -> new String[] {"non-ASCII key", "Bearer bp_test_" + pick("\u00e4\u00f6\u00fc\u00df", "\u043a\u043b\u044e\u0447")
          + alnum(8)};
    };
    h.put("Authorization", form[1]);
    return "malformed Authorization (" + form[0] + ")";
  }

  /** {label, header value or null for none, replacement body or null}. */
  private String[] contentType() {
    String[][] all = {{"text/plain", "text/plain", null}, {"application/xml", "application/xml", "<payment/>"},
        {"text/json", "text/json", null}, {"text/html", "text/html; charset=utf-8", null},
        {"form-urlencoded", "application/x-www-form-urlencoded", "funding_account_id=fa_1&amount=12550"},
        {"multipart", "multipart/form-data; boundary=hostile",
            "--hostile\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n12550\r\n--hostile--\r\n"},
        {"multipart garbage", "multipart/form-data; boundary=hostile", "--hostile\r\nnot a part\r\n--"},
        {"octet-stream", "application/octet-stream", null}, {"empty", "", null}, {"missing", null, null},
        {"parameters only", "charset=utf-8", null}, {"malformed media type", pick("application/ json", "json", "/"), null},
        {"upper-case XML", "APPLICATION/XML", null}, {"vendor JSON", "application/vnd.api+json", null},
        {"wildcard", "*/*", null}};
    return pick(all);
  }

  // ---- category: odd paths and methods ----

  private HostileRequest oddPathsAndMethods() {
    switch (random.nextInt(8)) {
      case 0, 1 -> {
        boolean withKey = random.nextInt(4) != 0;
        String method = pick("GET", "POST", "DELETE");
        Map<String, String> h = method.equals("POST") ? jsonHeaders() : authHeader();
        if (!withKey) {
          h.remove("Authorization");
        }
        return request(method, ids(pick(UNKNOWN_PATHS)), h, method.equals("POST") ? "{\"x\":1}" : "",
            "paths: unknown path" + (withKey ? "" : " without a key"));
      }
      case 2 -> {
        return request(pick("GET", "DELETE"), ids(pick(TRAVERSALS)), authHeader(), "", "paths: path traversal");
      }
      case 3 -> {
        String[] r = pick(ID_ROUTES);
        return idRequest(r, r[1] + "_" + alnum(65 + random.nextInt(MAX_PATH - 100)), "very long id");
      }
      case 4 -> {
        String[] r = pick(ID_ROUTES);
        boolean nul = random.nextInt(10) == 0;
        String other = pick(List.of("pay", "pe", "fa", "cl", "key", "req").stream().filter(p -> !p.equals(r[1])).toList());
        return nul ? idRequest(r, r[1] + "_" + alnum(6) + "%00", "NUL byte in an id")
            : random.nextBoolean() ? idRequest(r, id(other), "id of the wrong prefix")
            : idRequest(r, pick(ODD_IDS), "odd id");
      }
      case 5 -> {
        return unsupportedMethod();
      }
      default -> {
        return badQuery();
      }
    }
  }

  private HostileRequest idRequest(String[] route, String id, String what) {
    boolean events = route[2].equals("events");
    String path = route[0] + id + (events ? "/events" : "");
    if (random.nextInt(8) == 0 && route[1].equals("pay")) {
      // cancelling a payment that cannot exist; the body is the valid empty one, so only the id is wrong
      return request("POST", route[0] + id + "/cancel", jsonHeaders(), "", "paths: " + what + " (cancel)");
    }
    return request(events ? "GET" : route[2], path, authHeader(), "", "paths: " + what);
  }

  private HostileRequest unsupportedMethod() {
    String[] route = pick(UNSUPPORTED);
    String method = random.nextInt(5) == 0 ? pick("OPTIONS", "TRACE", "PURGE", "PROPFIND", "FOO")
        : route[1 + random.nextInt(route.length - 1)];
    boolean withBody = method.equals("PUT") || method.equals("PATCH") || method.equals("POST");
    return request(method, ids(route[0]), withBody ? jsonHeaders() : authHeader(), withBody ? "{\"x\":1}" : "",
        "paths: unsupported method" + (route[0].startsWith("/v1") ? "" : " outside /v1"));
  }

  /** At least one invalid parameter, maybe mixed with valid ones; each name at most once. */
  private HostileRequest badQuery() {
    boolean payments = random.nextInt(3) != 0;
    String list = payments ? "/v1/payments" : pick("/v1/payees", "/v1/funding-accounts");
    String prefix = payments ? "pay" : list.equals("/v1/payees") ? "pe" : "fa";
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1 + random.nextInt(2); i > 0; i--) {
      String[] p = invalidParam(payments, prefix);
      params.putIfAbsent(p[0], p[1]);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      String[] p = payments ? pick(new String[][] {{"limit", "5"}, {"status", pick("pending", "SETTLED")},
          {"created_gte", "2026-01-01T00:00:00Z"}, {"created_lt", "2030-01-01T00:00:00+01:00"},
          {"payee_id", id("pe")}, {"starting_after", id("pay")}})
          : pick(new String[][] {{"limit", "100"}, {"starting_after", id(prefix)}});
      params.putIfAbsent(p[0], p[1]);
    }
    List<String> pairs = new ArrayList<>();
    params.forEach((k, v) -> pairs.add(URLEncoder.encode(k, UTF_8) + "=" + URLEncoder.encode(v, UTF_8)));
    Collections.shuffle(pairs, random);
    return request("GET", list + "?" + String.join("&", pairs), authHeader(), "",
        "paths: bad query on " + (payments ? "/v1/payments" : "another list"));
  }

  private String[] invalidParam(boolean payments, String prefix) {
    int n = random.nextInt(payments ? 7 : 3);
    return switch (n) {
      case 0 -> new String[] {"limit", pick("0", "101", "-1", "abc", "1.5", "", "99999999999", "1e2", " 5", "0x10", "-0")};
      case 1 -> new String[] {"starting_after", pick(id("zz"), prefix + "_", prefix + "_$$", "", prefix + "_" + alnum(65))};
      // no case variants (LIMIT, Status): Vert.x query parameters are case-insensitive, so those are not unknown
      case 2 -> new String[] {pick("foo", "offset", "sort", "page", "expand[]", "created[gte]", "callback", "limit ",
          payments ? "order" : "status"), pick("1", "asc", "alert(1)", "")};
      case 3 -> new String[] {"status", pick("paid", "all", "pending,settled", "", "null", "*", "pending ", "1", "%00")};
      case 4 -> new String[] {pick("created_gte", "created_lt"), pick("yesterday", "2026-13-01T00:00:00Z", "2026-11-25",
          "1700000000", "2026-11-25T25:00:00Z", "2026-11-25 00:00:00Z", "", "2026-11-25T00:00:00", "2026-02-30T00:00:00Z")};
      case 5 -> new String[] {"payee_id", pick(id("fa"), "pe_", "pe_!!", id("pay"), "", "pe_" + alnum(65))};
      default -> new String[] {"funding_account_id", pick(id("pe"), "fa_", "fa_$$", "", "fa_" + alnum(65))};
    };
  }

  // ---- category: oversized bodies ----

  private HostileRequest oversized() {
    int size = 70_000 + random.nextInt(1_048_576 - 70_000);
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'x');
    byte[] head = "{\"reference\":\"".getBytes(UTF_8);
    System.arraycopy(head, 0, body, 0, head.length);
    body[size - 2] = '"';
    body[size - 1] = '}';
    Map<String, String> h = jsonHeaders();
    boolean chunked = random.nextBoolean();
    if (chunked) {
      h.put(CHUNKED, "chunked");
    }
    String path = pick("/v1/payments", "/v1/funding-accounts", "/v1/payees", "/v1/bank-account-validations",
        "/admin/v1/clients");
    return new HostileRequest("POST", path, Collections.unmodifiableMap(h), body,
        "oversized: " + (chunked ? "chunked body" : "body with Content-Length"));
  }

  // ---- bodies ----

  /** A JSON member whose value is raw JSON text, so values no encoder would write can be sent. */
  private record Field(String name, String raw) {}

  /** A create endpoint and its body, valid until {@link #breakBody} breaks it. */
  private static final class Shape {
    final String label;
    final String path;
    final List<String> allowed;
    final List<String> required = new ArrayList<>();
    final List<Field> fields = new ArrayList<>();

    Shape(String label, String path, List<String> allowed) {
      this.label = label;
      this.path = path;
      this.allowed = allowed;
    }

    Shape put(String name, String raw, boolean isRequired) {
      set(name, raw);
      if (isRequired) {
        required.add(name);
      }
      return this;
    }

    void set(String name, String raw) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).name.equals(name)) {
          fields.set(i, new Field(name, raw));
          return;
        }
      }
      fields.add(new Field(name, raw));
    }

    void remove(String name) {
      fields.removeIf(f -> f.name.equals(name));
    }

    String rawOr(String name, String otherwise) {
      return fields.stream().filter(f -> f.name.equals(name)).map(Field::raw).findFirst().orElse(otherwise);
    }

    String encode() {
      StringBuilder out = new StringBuilder("{");
      for (Field f : fields) {
        out.append(out.length() > 1 ? "," : "")
            .append(f.name.contains(BAD) ? "\"" + f.name + "\"" : Json.encode(f.name)).append(':').append(f.raw);
      }
      return out.append('}').toString();
    }
  }

  /** A valid-looking body of one of the create endpoints (or a bank-account validation, if allowed). */
  private Shape anyShape(boolean validations) {
    int n = random.nextInt(4);
    boolean validation = validations && (n == 1 || n == 2) && random.nextInt(3) == 0;
    String accounts = validation ? "/v1/bank-account-validations" : "/v1/funding-accounts";
    String accountsLabel = validation ? "bank-account-validations" : "funding-accounts";
    Shape s = switch (n) {
      case 0 -> new Shape("payments", "/v1/payments", PAYMENT_FIELDS)
          .put("funding_account_id", Json.encode(id("fa")), true).put("payee_id", Json.encode(id("pe")), true)
          .put("amount", Integer.toString(1 + random.nextInt(99_999)), true)
          .put("currency", Json.encode(pick("USD", "EUR", "GBP", "CAD")), true);
      case 1 -> new Shape(accountsLabel + "(us)", accounts, US_FIELDS).put("type", "\"us_bank_account\"", true)
          .put("holder_name", "\"Jane Doe\"", !validation).put("routing_number", "\"021000021\"", true)
          .put("account_number", Json.encode(digits(12)), true)
          .put("account_type", Json.encode(pick("checking", "savings")), true);
      case 2 -> new Shape(accountsLabel + "(iban)", accounts, IBAN_FIELDS).put("type", "\"iban\"", true)
          .put("holder_name", "\"Jane Doe\"", !validation)
          .put("iban", Json.encode(pick("DE89370400440532013000", "GB82WEST12345698765432")), true);
      default -> new Shape("payees", "/v1/payees", PAYEE_FIELDS)
          .put("display_name", Json.encode(pick("City Power & Light", "Water Co", "Acme Gas")), true)
          .put("biller_id", Json.encode(pick("blr_citypower", "blr_water")), true)
          .put("account_number", Json.encode(digits(16)), true);
    };
    if (n == 0 && random.nextBoolean()) {
      s.set("reference", Json.encode("inv-" + alnum(8)));
    }
    return s;
  }

  /** Appends a member to an object text (which always ends with '}'). */
  private static String member(String object, String member) {
    String open = object.substring(0, object.length() - 1);
    return open + (open.equals("{") ? "" : ",") + member + "}";
  }

  // ---- small helpers ----

  private HostileRequest request(String method, String path, Map<String, String> headers, String body, String what) {
    return request(method, path, headers, body.getBytes(UTF_8), what);
  }

  private HostileRequest request(String method, String path, Map<String, String> headers, byte[] body, String what) {
    return new HostileRequest(method, path, Collections.unmodifiableMap(new LinkedHashMap<>(headers)), body, what);
  }

  private Map<String, String> authHeader() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Authorization", "Bearer " + KEY);
    return h;
  }

  /** The headers of a well-formed create: valid key, JSON, a fresh Idempotency-Key. */
  private Map<String, String> jsonHeaders() {
    Map<String, String> h = authHeader();
    h.put("Content-Type", pick("application/json", "application/json", "application/json; charset=utf-8"));
    h.put("Idempotency-Key", "hostile-" + Long.toHexString(random.nextLong()));
    return h;
  }

  /** Replaces {id}/{pay}/{pe}/{fa} with fresh ids of a resource that does not exist. */
  private String ids(String template) {
    return template.replace("{id}", id("pay")).replace("{pay}", id("pay")).replace("{pe}", id("pe"))
        .replace("{fa}", id("fa"));
  }

  /** An id of the gateway's shape (prefix_ + 26 Crockford characters) that no resource has. */
  private String id(String prefix) {
    return prefix + "_" + chars(CROCKFORD, 26);
  }

  private String alnum(int n) {
    return chars(ALNUM, n);
  }

  private String lower(int n) {
    return chars("abcdefghijklmnopqrstuvwxyz_", n);
  }

  private String digits(int n) {
    return chars("0123456789", n);
  }

  private String chars(String alphabet, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}
