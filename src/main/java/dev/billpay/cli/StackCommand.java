package dev.billpay.cli;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.infra.EmbeddedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Only the embedded servers, supervised, for running the gateway's roles as separate {@code billpay serve}
 * processes on one machine. It prints the environment those processes need; they migrate PostgreSQL,
 * create the topics and apply the Cassandra schema themselves when they start.
 */
@Command(name = "stack", description = "Run only the embedded servers (restarted if they die) and print the"
    + " environment for separate `billpay serve` processes; stops them on SIGINT/SIGTERM.")
final class StackCommand implements Callable<Integer> {
  /** A harness waits for exactly this line. */
  static final String READY_LINE = "billpay stack ready";

  @Override
  public Integer call() throws Exception {
    GatewayConfig config = ConfigLoader.load(System.getenv());
    List<String> plan = EmbeddedStack.plan(config);
    if (plan.isEmpty()) {
      System.err.println("nothing to start: PostgreSQL, Kafka and Cassandra all have configured addresses");
      return 2;
    }
    System.out.println("starting embedded " + String.join(", ", plan) + " under "
        + config.embedded().dataDir().toAbsolutePath());
    EmbeddedStack stack = EmbeddedStack.start(config, line -> System.out.println("  " + line));
    stack.superviseRestarts(line -> System.out.println("  " + line));
    environment(plan, stack.config()).forEach(System.out::println);
    var stopped = Running.stopOnSignal("billpay stack", stack::close);
    System.out.println(READY_LINE);
    stopped.await();
    return 0;
  }

  /** The variables that point a {@code billpay serve} at the servers of {@code plan}. */
  static List<String> environment(List<String> plan, GatewayConfig resolved) {
    List<String> lines = new ArrayList<>();
    if (plan.contains("postgresql")) {
      lines.add("BILLPAY_PG_URL=" + resolved.pg().url());
    }
    if (plan.contains("kafka")) {
      lines.add("BILLPAY_KAFKA_BOOTSTRAP_SERVERS=" + resolved.kafka().bootstrapServers());
    }
    if (plan.contains("cassandra")) {
      lines.add("BILLPAY_CASSANDRA_CONTACT_POINTS=" + resolved.cassandra().contactPoints());
    }
    return lines;
  }
}
