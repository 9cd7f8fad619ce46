package dev.billpay.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * The knobs of one benchmark run. {@code rate} 0 means "half of the gateway's measured peak";
 * {@code notes} are the operator's own remarks, printed in the report as given.
 */
record BenchmarkSettings(int durationSeconds, int warmupSeconds, int connections, double rate, int lagSample,
    int endpointPort, Path dataDir, Path resultsDir, int readyTimeoutSeconds, int drainTimeoutSeconds,
    List<String> notes) {

  BenchmarkSettings {
    require(durationSeconds >= 1, "--duration must be at least 1 second");
    require(warmupSeconds >= 0, "--warmup must not be negative");
    require(connections >= 1, "--connections must be at least 1");
    require(rate >= 0, "--rate must not be negative");
    require(lagSample >= 1, "--lag-sample must be at least 1");
    notes = List.copyOf(notes);
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
