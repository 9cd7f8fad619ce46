package dev.billpay.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Something the suite kills with SIGKILL: an embedded server (found by its pid file; whoever launched it
 * starts it again) or a gateway process (the suite starts it again, as it was launched).
 */
interface FaultTarget {

  String name();

  /** Kills it with SIGKILL and returns once the process is gone. */
  void kill() throws Exception;

  /** Waits until it serves again (started again by its owner, or by us). */
  void awaitRecovered(Duration within) throws Exception;

  /** Whether it came back on the first attempt (a gateway restart); servers restart until they are up. */
  default boolean firstTry() {
    return true;
  }

  /** A gateway process: killed and started again here. */
  static FaultTarget process(GatewayProcess process) {
    return new FaultTarget() {
      @Override
      public String name() {
        return process.name();
      }

      @Override
      public void kill() {
        process.kill();
      }

      @Override
      public void awaitRecovered(Duration within) throws Exception {
        process.start(within);
      }

      @Override
      public boolean firstTry() {
        return process.starts().get(process.starts().size() - 1).attempts() == 1;
      }
    };
  }

  /**
   * An embedded server whose pid is the first line of {@code pidFile}: recovered when a new process has
   * written its pid there and the port accepts connections (all three open their client port last).
   */
  static FaultTarget server(String name, Path pidFile, int port) {
    return new FaultTarget() {
      private long killed = -1;

      @Override
      public String name() {
        return name;
      }

      @Override
      public void kill() {
        ProcessHandle handle = pid(pidFile).flatMap(ProcessHandle::of)
            .orElseThrow(() -> new IllegalStateException(name + " is not running (" + pidFile + ")"));
        killed = handle.pid();
        handle.destroyForcibly();
        handle.onExit().join();
      }

      @Override
      public void awaitRecovered(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
          Optional<Long> now = pid(pidFile);
          if (now.isPresent() && now.get() != killed && ProcessHandle.of(now.get()).isPresent() && accepts(port)) {
            return;
          }
          Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not come back within " + within.toSeconds() + " s");
      }
    };
  }

  private static Optional<Long> pid(Path pidFile) {
    try {
      return Files.readAllLines(pidFile).stream().findFirst().map(String::strip).map(Long::parseLong);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** When it was killed and when it served again. */
  record Outcome(String target, Instant killedAt, Instant recoveredAt, boolean firstTry, String failure) {
    double downSeconds() {
      return recoveredAt == null ? Double.NaN : Duration.between(killedAt, recoveredAt).toMillis() / 1000.0;
    }
  }
}
