package dev.billpay.benchmark;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * A light load generator: drives an {@link Operation} from ONE Vert.x event loop, either closed
 * (a fixed number of operations always in flight: the throughput ceiling) or open (operations
 * started on a fixed schedule whatever the answers: latency at an offered load). Only the measured
 * window after the warm-up counts. One event loop keeps its own CPU small and easy to see in the
 * report; if it ever saturates, the report says so.
 */
final class LoadGenerator {
  /** One request or transaction; its future fails on any error (non-2xx, SQL error, timeout). */
  interface Operation {
    Future<?> call();
  }

  /** Warm-up then the measured window, from {@code startNanos}; then at most {@code drain} for late answers. */
  record Window(long startNanos, long warmupNanos, long measureNanos, long drainNanos) {
    static Window startingIn(long delayMillis, int warmupSeconds, int measureSeconds) {
      return new Window(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis),
          TimeUnit.SECONDS.toNanos(warmupSeconds), TimeUnit.SECONDS.toNanos(measureSeconds),
          TimeUnit.SECONDS.toNanos(30));
    }

    long from() {
      return startNanos + warmupNanos;
    }

    long to() {
      return from() + measureNanos;
    }

    boolean contains(long nanos) {
      return nanos >= from() && nanos < to();
    }
  }

  private final Vertx vertx;
  private final Context context;

  LoadGenerator(Vertx vertx) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
  }

  /** {@code concurrency} operations in flight from the window's start until its end. */
  Future<PhaseOutcome> closed(Operation op, int concurrency, Window window) {
    Promise<PhaseOutcome> done = Promise.promise();
    context.runOnContext(v -> vertx.setTimer(delayMillis(window.startNanos()),
        id -> new ClosedRun(op, window, done).start(concurrency)));
    return done.future();
  }

  /** {@code ratePerSecond} operations started on schedule from the window's start until its end. */
  Future<PhaseOutcome> open(Operation op, double ratePerSecond, Window window) {
    Promise<PhaseOutcome> done = Promise.promise();
    context.runOnContext(v -> vertx.setTimer(delayMillis(window.startNanos()),
        id -> new OpenRun(op, new OpenSchedule(ratePerSecond, window.startNanos()), window, done).start()));
    return done.future();
  }

  private static long delayMillis(long atNanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(atNanos - System.nanoTime()));
  }

  private static Future<?> safely(Operation op) {
    try {
      return op.call();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Shared by both models: counts in-flight operations and ends the phase once drained or late. */
  private abstract class Run {
    final Operation op;
    final Window window;
    final Promise<PhaseOutcome> done;
    final PhaseRecorder recorder;
    long inFlight;
    boolean issuing = true;

    Run(Operation op, Window window, Promise<PhaseOutcome> done) {
      this.op = op;
      this.window = window;
      this.done = done;
      this.recorder = new PhaseRecorder(window);
    }

    void stopIssuing() {
      issuing = false;
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(window.drainNanos())), id -> finish());
      if (inFlight == 0) {
        finish();
      }
    }

    void finish() {
      if (!done.future().isComplete()) {
        done.complete(recorder.outcome(inFlight));
      }
    }

    void answered() {
      inFlight--;
      if (!issuing && inFlight == 0) {
        finish();
      }
    }
  }

  private final class ClosedRun extends Run {
    ClosedRun(Operation op, Window window, Promise<PhaseOutcome> done) {
      super(op, window, done);
    }

    void start(int concurrency) {
      vertx.setTimer(delayMillis(window.to()), id -> stopIssuing());
      for (int i = 0; i < concurrency; i++) {
        issue();
      }
    }

    private void issue() {
      if (!issuing) {
        return;
      }
      long start = System.nanoTime();
      inFlight++;
      safely(op).onComplete(ar -> {
        long end = System.nanoTime();
        recorder.closedAnswer(start, end, ar);
        answered();
        // a fresh task: an operation that fails at once must not recurse on the stack
        context.runOnContext(v -> issue());
      });
    }
  }

  private final class OpenRun extends Run {
    private final OpenSchedule schedule;
    private final long total;
    private long next;

    OpenRun(Operation op, OpenSchedule schedule, Window window, Promise<PhaseOutcome> done) {
      super(op, window, done);
      this.schedule = schedule;
      this.total = schedule.countBefore(window.to() - window.startNanos());
    }

    void start() {
      tick();
    }

    /**
     * Sends what is due, then sleeps until the next due time. Timers have 1 ms resolution, so a
     * request may leave up to 1 ms after its due time (its latency includes that); waking only when
     * something is due keeps the generator idle at low rates.
     */
    private void tick() {
      long now = System.nanoTime();
      while (next < total && schedule.dueAt(next) <= now) {
        fire(schedule.dueAt(next));
        next++;
      }
      if (next >= total) {
        stopIssuing();
        return;
      }
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(schedule.dueAt(next) - now)), id -> tick());
    }

    private void fire(long due) {
      inFlight++;
      recorder.sent(due);
      safely(op).onComplete(ar -> {
        recorder.openAnswer(due, System.nanoTime(), ar);
        answered();
      });
    }
  }
}
