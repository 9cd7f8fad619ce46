package dev.billpay.testing;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.infra.EmbeddedStack;
import java.util.HashMap;
import java.util.Map;

/**
 * The one embedded stack of a test run: real PostgreSQL, Kafka and Cassandra child processes,
 * started on first use and stopped when the test JVM exits. Tests isolate themselves by data
 * (their own ids, references and keys), never by restarting servers.
 */
public final class SharedStack {
  public static final int HTTP_PORT = 18080;
  public static final String TEST_ACCOUNT_KEY = "dGVzdC1vbmx5LWFjY291bnQta2V5LTMyLWJ5dGVzISE=";
  public static final String ADMIN_TOKEN = "it-admin-token";
  private static EmbeddedStack stack;

  private SharedStack() {}

  /** The environment-style overrides that make the test configuration. */
  public static Map<String, String> testEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("BILLPAY_EMBEDDED_DATA_DIR", System.getProperty("billpay.it.data-dir", "target/it-data"));
    env.put("BILLPAY_EMBEDDED_RUNTIME_CLASSPATH_DIR",
        System.getProperty("billpay.it.runtime-classpath-dir", "target/runtime-classpath"));
    env.put("BILLPAY_EMBEDDED_PG_PORT", "25432");
    env.put("BILLPAY_EMBEDDED_KAFKA_PORT", "29092");
    env.put("BILLPAY_EMBEDDED_KAFKA_CONTROLLER_PORT", "29093");
    env.put("BILLPAY_EMBEDDED_CASSANDRA_PORT", "29042");
    env.put("BILLPAY_EMBEDDED_CASSANDRA_STORAGE_PORT", "27000");
    env.put("BILLPAY_HTTP_PORT", Integer.toString(HTTP_PORT));
    env.put("BILLPAY_HTTP_HOST", "127.0.0.1");
    env.put("BILLPAY_HTTP_INSTANCES", "2");
    env.put("BILLPAY_CASSANDRA_KEYSPACE", "billpay_it");
    env.put("BILLPAY_OUTBOX_POLL_INTERVAL_MS", "200");
    env.put("BILLPAY_PROJECTOR_RETRY_DELAY_MS", "500");
    env.put("BILLPAY_SECURITY_ACCOUNT_KEY_ID", "it");
    env.put("BILLPAY_SECURITY_ACCOUNT_KEY", TEST_ACCOUNT_KEY);
    env.put("BILLPAY_SECURITY_ADMIN_TOKEN", ADMIN_TOKEN);
    // the published development secret, as under billpay dev, so the tutorials' bank-notify signs with the secret the gateway knows
    env.put("BILLPAY_BANK_NOTIFICATION_SECRETS", "dev-bank=whsec_ZGV2LW9ubHktYmFuay1ub3RpZmljYXRpb24ta2V5ISE=");
    env.put("BILLPAY_WEBHOOKS_ALLOW_HTTP", "true");
    env.put("BILLPAY_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
    // as under dev: tests of other features debit new accounts; the verification tests turn it on
    env.put("BILLPAY_PAYMENTS_REQUIRE_VERIFIED_ACCOUNT", "false");
    env.put("BILLPAY_ACCOUNTS_VERIFICATION_KNOWN_GOOD_ACCOUNTS", "conf/known-good-accounts-sample.txt");
    env.put("BILLPAY_WEBHOOKS_RETRY_SCHEDULE_SECONDS", "1,1,1");
    env.put("BILLPAY_WEBHOOKS_POLL_INTERVAL_MS", "200");
    env.put("BILLPAY_WEBHOOKS_TIMEOUT_MS", "3000");
    // no clearing at the configured cut-offs: it would put every test's pending payments into files.
    // The clearing tests run cut-offs themselves (POST /v1/clearing-runs or their own ClearingVerticle).
    env.put("BILLPAY_ROLES", "api,relay,projector,webhooks,maintenance,scheduler");
    env.put("BILLPAY_CLEARING_TRANSMIT_DIR", System.getProperty("billpay.it.data-dir", "target/it-data")
        + "/outgoing-ach");
    return env;
  }

  /** Starts the stack once per JVM and answers the configuration resolved against it. */
  public static synchronized GatewayConfig config() {
    if (stack == null) {
      try {
        GatewayConfig config = ConfigLoader.load(testEnvironment());
        long t0 = System.nanoTime();
        stack = EmbeddedStack.start(config, line -> System.out.println("[it-stack] " + line));
        System.out.printf("[it-stack] ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "it-stack-stop"));
      } catch (Exception e) {
        throw new IllegalStateException("embedded stack failed to start", e);
      }
    }
    return stack.config();
  }

  /** The shared stack's configuration with some keys overridden (e.g. a lower daily limit). */
  public static GatewayConfig configWith(Map<String, String> overrides) {
    GatewayConfig base = config();
    Map<String, String> env = testEnvironment();
    env.put("BILLPAY_PG_URL", base.pg().url());
    env.put("BILLPAY_KAFKA_BOOTSTRAP_SERVERS", base.kafka().bootstrapServers());
    env.put("BILLPAY_CASSANDRA_CONTACT_POINTS", base.cassandra().contactPoints());
    env.putAll(overrides);
    return ConfigLoader.load(env);
  }

  public static EmbeddedStack stack() {
    config();
    return stack;
  }
}
