package dev.billpay.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * The knobs of one benchmark run. {@code rate} 0 means "half of the gateway's measured peak";
 * {@code notes} are the operator's own remarks, printed in the report as given.
 */
record BenchmarkSettings(int durationSeconds, int warmupSeconds, int connections, double rate, int lagSample,
    int endpointPort, Path dataDir, Path resultsDir, int readyTimeoutSeconds, int drainTimeoutSeconds,
    List<String> notes, Options options) {

  /**
   * The optional parts of a run: a soak of {@code soakMinutes} at the open-model rate after the other
   * phases (0 = none); {@code webhookClients} clients, each with one endpoint subscribed to every event
   * on a receiver in this JVM (0 = no webhooks); a CPU profile of the gateway during the half-peak
   * phase with the async-profiler jar {@code profilerJar} (null = no profile).
   */
  record Options(int soakMinutes, int webhookClients, int receiverPort, Path profilerJar) {
    static final Options NONE = new Options(0, 0, 18091, null);

    Options {
      require(soakMinutes >= 0, "--soak-minutes must not be negative");
      require(webhookClients >= 0, "--webhook-clients must not be negative");
    }

    boolean webhooks() {
      return webhookClients > 0;
    }

    boolean profile() {
      return profilerJar != null;
    }

    /** These options as they were given to benchmark.sh (empty when none). */
    String commandLine() {
      return (soakMinutes > 0 ? " --soak-minutes " + soakMinutes : "")
          + (webhooks() ? " --webhooks --webhook-clients " + webhookClients : "") + (profile() ? " --profile" : "");
    }
  }

  BenchmarkSettings {
    require(durationSeconds >= 1, "--duration must be at least 1 second");
    require(warmupSeconds >= 0, "--warmup must not be negative");
    require(connections >= 1, "--connections must be at least 1");
    require(rate >= 0, "--rate must not be negative");
    require(lagSample >= 1, "--lag-sample must be at least 1");
    notes = List.copyOf(notes);
    options = options == null ? Options.NONE : options;
  }

  boolean rateIsAutomatic() {
    return rate == 0;
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException(problem);
    }
  }
}
