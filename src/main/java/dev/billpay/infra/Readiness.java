package dev.billpay.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Waits for a server started by the launcher: first its port, then a real client call. */
final class Readiness {
  private Readiness() {}

  static void awaitPort(String host, int port, ChildProcess child, long timeoutMillis) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 500);
        return;
      } catch (IOException e) {
        if (child != null && !child.isAlive()) {
          throw new IOException("server exited during start-up; last lines of " + child.logFile() + ":\n"
              + tail(child.logFile(), 30));
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IOException("nothing listens on " + host + ":" + port + " after " + timeoutMillis + " ms");
        }
        sleep(200);
      }
    }
  }

  static <T> T retry(Callable<T> call, long timeoutMillis) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      try {
        return call.call();
      } catch (Exception e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        sleep(500);
      }
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a server", e);
    }
  }
}
