package dev.billpay.infra;

import java.util.concurrent.TimeUnit;

/** Stopping operating-system processes we started in an earlier run. */
final class Processes {
  private Processes() {}

  static void terminate(ProcessHandle handle, long gracefulSeconds) {
    handle.destroy();
    try {
      handle.onExit().get(gracefulSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      handle.destroyForcibly();
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // nothing more we can do; the port check will report it
      }
    }
  }
}
