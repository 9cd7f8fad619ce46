package dev.billpay.infra;

import java.util.List;

/**
 * How the embedded Kafka and Cassandra JVMs compile: for a quick start (tests, a first look) the
 * serial collector and the C1 compiler only, which cut their start-up CPU by a third; otherwise the
 * JVM's default tiered compilation, whose C2 code runs a server under sustained load on much less
 * CPU (what the benchmark and a long dev session want).
 */
record JitFlags(List<String> flags) {
  static JitFlags of(boolean quickStart) {
    return new JitFlags(quickStart ? List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
        : List.of("-XX:+UseSerialGC"));
  }
}
