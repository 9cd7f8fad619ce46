package dev.billpay.cli;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.infra.EmbeddedStack;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The embedded default: starts the servers whose addresses are not configured, then the gateway. */
@Command(name = "dev", description = "Run on the embedded stack (PostgreSQL, Kafka, Cassandra started here).")
final class DevCommand implements Callable<Integer> {
  static final String DEV_ACCOUNT_KEY = "ZGV2LW9ubHktYWNjb3VudC1rZXktMzItYnl0ZXMhISE=";
  static final String DEV_ADMIN_TOKEN = "dev-admin-token";

  @Override
  public Integer call() throws Exception {
    GatewayConfig config = ConfigLoader.load(System.getenv());
    List<String> plan = EmbeddedStack.plan(config);
    EmbeddedStack stack = null;
    if (!plan.isEmpty()) {
      System.out.println("starting embedded " + String.join(", ", plan) + " under "
          + config.embedded().dataDir().toAbsolutePath());
      stack = EmbeddedStack.start(config, line -> System.out.println("  " + line));
      config = stack.config();
    }
    if (config.security().accountKey().isEmpty()) {
      // a fixed, published key: fine for local data, never for real account numbers (serve requires one)
      config = config.withSecurity(new GatewayConfig.SecurityConfig("dev", DEV_ACCOUNT_KEY,
          config.security().adminToken().isEmpty() ? DEV_ADMIN_TOKEN : config.security().adminToken()));
    }
    return Running.runUntilSignal(config, stack, true);
  }
}
