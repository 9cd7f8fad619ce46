package dev.billpay.infra;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Restarts an embedded server whose process dies while the stack is not closing (a kill -9, an
 * out-of-memory kill), with the same settings and data dir, retrying with backoff until it is back.
 * Opt-in for the long-running commands; tests stop and start servers themselves and are not supervised.
 */
final class ServerSupervisor implements AutoCloseable {
  // a PostgreSQL restarted right after a SIGKILL fails while its orphaned backends still hold shared memory
  private static final long[] BACKOFF_SECONDS = {1, 2, 5, 10, 30};

  private final Consumer<String> progress;
  private final ExecutorService restarts;
  private boolean closed;

  ServerSupervisor(Map<String, EmbeddedServer> servers, Consumer<String> progress) {
    this.progress = progress;
    this.restarts = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "embedded-stack-supervisor");
      t.setDaemon(true);
      return t;
    });
    servers.forEach(this::watch);
  }

  private void watch(String name, EmbeddedServer server) {
    Optional<ProcessHandle> handle = server.process();
    String pid = handle.map(h -> Long.toString(h.pid())).orElse("unknown");
    // a process already gone when we look is a death like any other
    CompletableFuture<?> exit = handle.<CompletableFuture<?>>map(ProcessHandle::onExit)
        .orElse(CompletableFuture.completedFuture(null));
    exit.thenRun(() -> {
      synchronized (this) {
        if (!closed) {
          restarts.execute(() -> restart(name, server, pid));
        }
      }
    });
  }

  private void restart(String name, EmbeddedServer server, String pid) {
    progress.accept(name + " (pid " + pid + ") exited unexpectedly; restarting");
    long t0 = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      if (isClosed()) {
        return;
      }
      try {
        // releases what the dead process left: zonky's data-dir lock, a child's stdin and pid file
        server.stop();
        server.start();
        break;
      } catch (Exception e) {
        server.stop();
        if (isClosed() || Thread.currentThread().isInterrupted()) {
          return;
        }
        long delay = BACKOFF_SECONDS[Math.min(attempt, BACKOFF_SECONDS.length - 1)];
        progress.accept(name + " restart failed (" + firstLine(e) + "); retrying in " + delay + " s");
        try {
          Thread.sleep(delay * 1000);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
    progress.accept(String.format(Locale.ROOT, "%s restarted on %s in %.1f s", name, server.address(),
        (System.nanoTime() - t0) / 1e9));
    watch(name, server);
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Stops watching and waits for a restart in progress (interrupted) to end, so that the stack's own
   * stop that follows sees every server in a settled state and stops a restarted one too.
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      restarts.shutdownNow();
    }
    try {
      if (!restarts.awaitTermination(60, TimeUnit.SECONDS)) {
        progress.accept("a server restart did not end within 60 s of the stop; stopping anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
