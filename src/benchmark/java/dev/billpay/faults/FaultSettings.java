package dev.billpay.faults;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One run of the fault suite: how the gateway is laid out, how much load, and how long between faults.
 *
 * @param mode {@code dev} (one {@code billpay dev} process owning its servers, as an operator runs it) or
 *     {@code scale-out} (a {@code billpay stack} process for the servers and one {@code billpay serve}
 *     process per role: two api, two projector, one each of relay, webhooks, scheduler, clearing)
 * @param rate payments offered per second, spread over the clients
 * @param clients concurrent well-behaved clients (each retries a failed request with the same key and body)
 * @param settle seconds of load before the first fault, between faults and after the last
 * @param portBase the servers' and gateway's ports are fixed offsets from it, apart from the tests' and dev's
 * @param dataDir wiped at the start: a run starts from empty servers so that every row is the run's own
 * @param reportDir where the markdown report goes
 * @param runtimeClasspathDir the Kafka and Cassandra classpath files the build writes
 * @param only the names of the targets to kill (e.g. kafka, gateway, api-1); empty for all of them
 */
record FaultSettings(String mode, double rate, int clients, Duration settle, int portBase, Path dataDir,
    Path reportDir, Path runtimeClasspathDir, java.util.Set<String> only) {

  static final String DEV = "dev";
  static final String SCALE_OUT = "scale-out";

  FaultSettings {
    if (!mode.equals(DEV) && !mode.equals(SCALE_OUT)) {
      throw new IllegalArgumentException("mode must be dev or scale-out, not " + mode);
    }
    only = java.util.Set.copyOf(only);
  }

  boolean kills(String target) {
    return only.isEmpty() || only.contains(target);
  }

  int httpPort(int index) {
    return portBase + 80 + index;
  }

  /** The suite's webhook receiver. */
  int webhookPort() {
    return portBase + 90;
  }

  int pgPort() {
    return portBase + 432;
  }

  int kafkaPort() {
    return portBase + 92;
  }

  int kafkaControllerPort() {
    return portBase + 93;
  }

  int cassandraPort() {
    return portBase + 42;
  }

  int cassandraStoragePort() {
    return portBase + 700;
  }
}
