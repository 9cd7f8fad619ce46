package dev.billpay.cli;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.config.LogFormat;
import dev.billpay.infra.EmbeddedStack;
import dev.billpay.observability.Logging;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The embedded default: starts the servers whose addresses are not configured, then the gateway. */
@Command(name = "dev", description = "Run on the embedded stack (PostgreSQL, Kafka, Cassandra started here).")
final class DevCommand implements Callable<Integer> {
  static final String DEV_ACCOUNT_KEY = "ZGV2LW9ubHktYWNjb3VudC1rZXktMzItYnl0ZXMhISE=";
  static final String DEV_ADMIN_TOKEN = "dev-admin-token";

  /**
   * The embedded default's settings, each only where the environment does not set it: a fixed,
   * published account key and admin token (fine for local data, never for real account numbers;
   * serve requires real ones), webhooks to local http receivers allowed, debits from accounts not yet
   * verified allowed (so a first payment needs no verification), and the sample file of known-good
   * accounts as the external verifier, and a published signing secret for the development bank's notifications.
   */
  static Map<String, String> withDevDefaults(Map<String, String> env) {
    Map<String, String> dev = new HashMap<>(env);
    dev.putIfAbsent("BILLPAY_SECURITY_ACCOUNT_KEY_ID", "dev");
    dev.putIfAbsent("BILLPAY_SECURITY_ACCOUNT_KEY", DEV_ACCOUNT_KEY);
    dev.putIfAbsent("BILLPAY_SECURITY_ADMIN_TOKEN", DEV_ADMIN_TOKEN);
    dev.putIfAbsent("BILLPAY_WEBHOOKS_ALLOW_HTTP", "true");
    dev.putIfAbsent("BILLPAY_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
    dev.putIfAbsent("BILLPAY_PAYMENTS_REQUIRE_VERIFIED_ACCOUNT", "false");
    dev.putIfAbsent("BILLPAY_ACCOUNTS_VERIFICATION_KNOWN_GOOD_ACCOUNTS", "conf/known-good-accounts-sample.txt");
    // the published secret `billpay bank-notify` signs with by default
    dev.putIfAbsent("BILLPAY_BANK_NOTIFICATION_SECRETS", "dev-bank=" + BankNotifyCommand.DEV_SECRET);
    return dev;
  }

  @Override
  public Integer call() throws Exception {
    GatewayConfig config = ConfigLoader.load(withDevDefaults(System.getenv()));
    // a person reads this terminal
    Logging.use(config.log().formatOr(LogFormat.TEXT));
    List<String> plan = EmbeddedStack.plan(config);
    EmbeddedStack stack = null;
    if (!plan.isEmpty()) {
      System.out.println("starting embedded " + String.join(", ", plan) + " under "
          + config.embedded().dataDir().toAbsolutePath());
      stack = EmbeddedStack.start(config, line -> System.out.println("  " + line))
          .superviseRestarts(line -> System.out.println("  " + line));
      config = stack.config();
    }
    return Running.runUntilSignal(config, stack, true);
  }
}
