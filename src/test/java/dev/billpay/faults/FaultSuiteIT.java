package dev.billpay.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short fault suite of the test command: a few hundred payments from retrying clients while SIGKILL
 * hits Kafka, Cassandra, PostgreSQL and the gateway processes in turn, on servers of its own (other
 * ports and data dir than the shared test stack). load-tests/faults.sh runs the long one.
 */
class FaultSuiteIT {
  private static final Path RUNTIME_CLASSPATH =
      Path.of(System.getProperty("billpay.it.runtime-classpath-dir", "target/runtime-classpath"));

  @Test
  void devLayoutLosesAndDoublesNothingWhenEachServerAndTheGatewayAreKilled() throws Exception {
    assertHeld(run(FaultSettings.DEV));
  }

  @Test
  void scaleOutLayoutLosesAndDoublesNothingWhenEachServerAndOneProcessOfEachRoleAreKilled() throws Exception {
    assertHeld(run(FaultSettings.SCALE_OUT));
  }

  private static FaultSuite.Result run(String mode) throws Exception {
    FaultSettings settings = new FaultSettings(mode, 4, 4, Duration.ofSeconds(6), 40000,
        Path.of("target/faults-it", mode), Path.of("target/faults-it"), RUNTIME_CLASSPATH, java.util.Set.of());
    return new FaultSuite(settings, line -> System.out.println("[faults] " + line)).run();
  }

  private static void assertHeld(FaultSuite.Result result) throws Exception {
    String report = Files.readString(result.report());
    System.out.println(report);
    assertThat(result.failed()).as(report).isEmpty();
    // a run that sent next to nothing proves nothing
    assertThat(result.figures().get("payments acknowledged")).as(report).isGreaterThanOrEqualTo(100L);
  }
}
