package dev.billpay.cli;

import dev.billpay.config.ConfigException;
import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.config.LogFormat;
import dev.billpay.infra.EmbeddedStack;
import dev.billpay.observability.Logging;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Production mode: external PostgreSQL, Kafka and Cassandra from configuration; starts no server. */
@Command(name = "serve", description = "Run against external PostgreSQL, Kafka and Cassandra (from config/env).")
final class ServeCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    GatewayConfig config = ConfigLoader.load(System.getenv());
    // a log shipper reads this output
    Logging.use(config.log().formatOr(LogFormat.JSON));
    List<String> missing = EmbeddedStack.plan(config);
    if (!missing.isEmpty()) {
      throw new ConfigException(missing.stream().map(ServeCommand::missingLine).toList());
    }
    return Running.runUntilSignal(config, null, false);
  }

  private static String missingLine(String server) {
    return switch (server) {
      case "postgresql" -> "pg.url (BILLPAY_PG_URL): required by serve, e.g. postgresql://db:5432/billpay";
      case "kafka" -> "kafka.bootstrap-servers (BILLPAY_KAFKA_BOOTSTRAP_SERVERS): required by serve";
      default -> "cassandra.contact-points (BILLPAY_CASSANDRA_CONTACT_POINTS): required by serve";
    };
  }
}
