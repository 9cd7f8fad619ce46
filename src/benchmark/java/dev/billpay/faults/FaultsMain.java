package dev.billpay.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code load-tests/faults.sh}: the fault-injection suite as a command. Exits 0 when every check held,
 * 1 when one did not (the report says which), 2 on bad options.
 */
@Command(name = "billpay-faults", mixinStandardHelpOptions = true,
    description = "Kill -9 each server and gateway process under load, then check nothing was lost or doubled.")
public final class FaultsMain implements Callable<Integer> {
  @Option(names = "--mode", defaultValue = "dev", description = "dev (one billpay dev) or scale-out (roles as "
      + "separate billpay serve processes on a billpay stack). Default: ${DEFAULT-VALUE}")
  String mode;

  @Option(names = "--rate", defaultValue = "20", description = "Payments offered per second. Default: ${DEFAULT-VALUE}")
  double rate;

  @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients. Default: ${DEFAULT-VALUE}")
  int clients;

  @Option(names = "--settle", defaultValue = "20", description = "Seconds of load before, between and after the "
      + "faults. Default: ${DEFAULT-VALUE}")
  int settle;

  @Option(names = "--port-base", defaultValue = "41000", description = "Ports are offsets from it. "
      + "Default: ${DEFAULT-VALUE}")
  int portBase;

  @Option(names = "--data-dir", defaultValue = "target/faults-data", description = "Wiped at the start. "
      + "Default: ${DEFAULT-VALUE}")
  Path dataDir;

  @Option(names = "--report-dir", defaultValue = "load-tests/results", description = "Default: ${DEFAULT-VALUE}")
  Path reportDir;

  @Option(names = "--runtime-classpath-dir", defaultValue = "target/runtime-classpath", description = "The "
      + "Kafka and Cassandra classpaths the build writes. Default: ${DEFAULT-VALUE}")
  Path runtimeClasspathDir;

  @Option(names = "--only", split = ",", description = "Kill only these targets (kafka, cassandra, postgresql, "
      + "gateway; in scale-out api-1, projector-1, relay-1, webhooks-1, scheduler-1, clearing-1). Default: all")
  java.util.Set<String> only = java.util.Set.of();

  @Override
  public Integer call() throws Exception {
    FaultSettings settings = new FaultSettings(mode, rate, clients, Duration.ofSeconds(settle), portBase, dataDir,
        reportDir, runtimeClasspathDir, only);
    FaultSuite.Result result = new FaultSuite(settings, line -> System.out.println("[faults] " + line)).run();
    result.checks().forEach(c -> System.out.println((c.held() ? "  held    " : "  FAILED  ") + c.promise()
        + ": " + c.detail()));
    System.out.println("report: " + result.report());
    return result.passed() ? 0 : 1;
  }

  public static void main(String[] args) {
    int exit = new CommandLine(new FaultsMain()).execute(args);
    System.exit(exit);
  }
}
