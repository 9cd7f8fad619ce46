package dev.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Finding our stale servers by their command line")
class ProcessesTest {
  @Test
  @DisplayName("a marker past the JDK's 4,096-byte cut of the command line is still found")
  void markerPastTheCut() throws Exception {
    String marker = "dev.billpay.infra.ChildMain";
    // like a server JVM: ~10 KB of classpath before the marker
    Process p = new ProcessBuilder(List.of("sh", "-c", "sleep 30", "x".repeat(10_000), marker)).start();
    try {
      ProcessHandle h = p.toHandle();
      awaitExec(h);
      // the JDK's own view is cut before the marker: the bug this guards against
      assertThat(h.info().commandLine().orElse("")).doesNotContain(marker);
      assertThat(Processes.commandLineContains(h, marker)).isTrue();
      assertThat(Processes.commandLineContains(h, "some.other.Main")).isFalse();
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Until the spawned child runs sh (before that its command line is the JDK's spawn helper's). */
  private static void awaitExec(ProcessHandle h) throws Exception {
    Path cmdline = Path.of("/proc", Long.toString(h.pid()), "cmdline");
    for (int i = 0; i < 100 && !new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).startsWith("sh"); i++) {
      Thread.sleep(50);
    }
  }
}
