package dev.billpay.infra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every embedded server JVM: runs the server's real main class and exits when the
 * parent's pipe on stdin closes, so a {@code kill -9} of the gateway never leaves a broker or a
 * Cassandra node behind. It has no dependencies: the launcher copies this one class file onto the
 * child's classpath.
 */
public final class ChildMain {
  private ChildMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ChildMain <main class> [args...]");
      System.exit(2);
    }
    Thread watchdog = new Thread(ChildMain::exitWhenParentGoes, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }

  private static void exitWhenParentGoes() {
    try {
      InputStream in = System.in;
      byte[] buffer = new byte[64];
      while (in.read(buffer) >= 0) {
        // the parent never writes; we only wait for end of stream
      }
    } catch (IOException ignored) {
      // a broken pipe means the parent is gone, as does end of stream
    }
    Thread halter =
        new Thread(
            () -> {
              try {
                Thread.sleep(20_000);
              } catch (InterruptedException ignored) {
                return;
              }
              Runtime.getRuntime().halt(1);
            },
            "parent-watchdog-halt");
    halter.setDaemon(true);
    halter.start();
    System.exit(0);
  }
}
