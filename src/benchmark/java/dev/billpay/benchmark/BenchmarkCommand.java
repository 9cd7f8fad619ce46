package dev.billpay.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code billpay-benchmark}: how far the gateway is from the floors under it, in one go on this machine:
 * the raw PostgreSQL transaction behind a payment and an in-memory endpoint that parses the same JSON.
 * Run by {@link BenchmarkMain}, outside the gateway's jar.
 */
@Command(name = "billpay-benchmark", mixinStandardHelpOptions = true, subcommands = InMemoryEndpointCommand.class,
    description = {
        "Measures (a) the raw PostgreSQL ceiling of a payment's transaction, (b) an in-memory Vert.x endpoint"
            + " with the same JSON and (c) the gateway on its embedded stack: peak throughput (closed loop),"
            + " latency at a fixed offered load (open model), accept->Kafka and accept->Cassandra lag, and CPU"
            + " per 1,000 payments of every process. Writes a markdown report. Measures only: never fails on"
            + " slowness."})
public final class BenchmarkCommand implements Callable<Integer> {
  @Option(names = "--duration", defaultValue = "30",
      description = "Measured seconds per phase (default: ${DEFAULT-VALUE}).")
  int durationSeconds;

  @Option(names = "--warmup", defaultValue = "10",
      description = "Warm-up seconds before each phase (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--connections", defaultValue = "64",
      description = "Concurrent connections (closed loop) and HTTP pool size (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--rate", defaultValue = "0",
      description = "Offered load of the open-model phases, per second; 0 = half of the gateway's peak (default).")
  double rate;

  @Option(names = "--lag-sample", defaultValue = "500",
      description = "Payments per gateway phase whose Cassandra lag is read (default: ${DEFAULT-VALUE}).")
  int lagSample;

  @Option(names = "--endpoint-port", defaultValue = "18090",
      description = "Port of the in-memory endpoint (default: ${DEFAULT-VALUE}).")
  int endpointPort;

  @Option(names = "--data-dir", defaultValue = "target/benchmark-data",
      description = "The gateway's embedded data, wiped at the start (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--results-dir", defaultValue = "load-tests/results",
      description = "Where the report is written (default: ${DEFAULT-VALUE}).")
  Path resultsDir;

  @Option(names = "--soak-minutes", defaultValue = "0",
      description = "After the other phases, this many minutes at the open-model rate, sampling the pipeline's"
          + " backlogs and the gateway's heap after GC every 10 s; 0 = no soak (default).")
  int soakMinutes;

  @Option(names = "--webhooks", description = "Subscribe the webhook dispatcher: the payments are spread over"
      + " --webhook-clients clients, each with one endpoint receiving every event on a receiver in this JVM.")
  boolean webhooks;

  @Option(names = "--webhook-clients", defaultValue = "10",
      description = "Clients (one webhook endpoint each) with --webhooks (default: ${DEFAULT-VALUE}).")
  int webhookClients;

  @Option(names = "--receiver-port", defaultValue = "18091",
      description = "Port of the webhook receiver with --webhooks (default: ${DEFAULT-VALUE}).")
  int receiverPort;

  @Option(names = "--profile", description = "A CPU profile (flame graph) of the gateway JVM during the half-peak"
      + " phase, with async-profiler; benchmark.sh fetches it (see --profiler-jar).")
  boolean profile;

  @Option(names = "--profiler-jar", defaultValue = "target/benchmark-tools/async-profiler.jar",
      description = "The tools.profiler:async-profiler jar that holds libasyncProfiler.so (default:"
          + " ${DEFAULT-VALUE}).")
  Path profilerJar;

  @Option(names = "--note", description = "A remark to print in the report's notes (repeatable).")
  List<String> notes = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    BenchmarkSettings settings = new BenchmarkSettings(durationSeconds, warmupSeconds, connections, rate, lagSample,
        endpointPort, dataDir, resultsDir, 600, 300, notes, new BenchmarkSettings.Options(soakMinutes,
        webhooks ? webhookClients : 0, receiverPort, profile ? profilerJar : null));
    Path report = new BenchmarkRun(settings, System.out).execute();
    System.out.println("report: " + report);
    return 0;
  }
}
