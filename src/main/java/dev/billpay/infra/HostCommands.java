package dev.billpay.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Short read-only commands about the host ({@code nproc}, {@code getconf CLK_TCK}, {@code git rev-parse}). */
public final class HostCommands {
  private HostCommands() {}

  /** The command's first line of output, or empty when it is missing, fails or takes over 10 s. */
  public static Optional<String> firstLine(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String first = out.lines().findFirst().orElse("").strip();
      return first.isEmpty() ? Optional.empty() : Optional.of(first);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
