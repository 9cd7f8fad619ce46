package dev.billpay.benchmark;

import dev.billpay.benchmark.PhaseResult.Model;
import dev.billpay.benchmark.PhaseResult.Subject;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Runs one phase and reads every watched process's CPU at the edges of its measured window (and,
 * for the gateway, from the start of the warm-up until the pipeline is empty again). The reads
 * happen on this thread, not on the load generator's event loop, so they never delay a request.
 */
final class PhaseRunner {
  /** Waits for the gateway's pipeline to be empty; answers the seconds it took (negative on timeout). */
  interface Drain {
    double await() throws InterruptedException;
  }

  private final LoadGenerator generator;
  private final List<ProcessCpu.Watched> watched;
  private final long ticksPerSecond;
  private final int connections;
  private final long threadsOf;

  /** {@code threadsOf}: the process whose CPU is also broken down by thread (the gateway's). */
  PhaseRunner(LoadGenerator generator, List<ProcessCpu.Watched> watched, long threadsOf, long ticksPerSecond,
      int connections) {
    this.generator = generator;
    this.watched = List.copyOf(watched);
    this.threadsOf = threadsOf;
    this.ticksPerSecond = ticksPerSecond;
    this.connections = connections;
  }

  PhaseResult closed(Subject subject, LoadGenerator.Operation op, LoadGenerator.Window window, Drain drain)
      throws Exception {
    return measure(subject, Model.CLOSED, 0, w -> generator.closed(op, connections, w), window, drain);
  }

  PhaseResult open(Subject subject, LoadGenerator.Operation op, double rate, LoadGenerator.Window window, Drain drain)
      throws Exception {
    return measure(subject, Model.OPEN, rate, w -> generator.open(op, rate, w), window, drain);
  }

  private PhaseResult measure(Subject subject, Model model, double rate,
      Function<LoadGenerator.Window, Future<PhaseOutcome>> start, LoadGenerator.Window window, Drain drain)
      throws Exception {
    Future<PhaseOutcome> running = start.apply(window);
    Edge phaseStart = edgeAt(window.startNanos());
    Edge windowStart = edgeAt(window.from());
    Edge windowEnd = edgeAt(window.to());
    PhaseOutcome outcome = running.toCompletionStage().toCompletableFuture()
        .get(window.measureNanos() + window.drainNanos() + TimeUnit.SECONDS.toNanos(60), TimeUnit.NANOSECONDS);
    CpuUsage inWindow = windowEnd.since(windowStart, ticksPerSecond, outcome.answeredInWindow());
    Map<String, Double> threads = windowEnd.threadsSince(windowStart, ticksPerSecond);
    if (drain == null) {
      return new PhaseResult(subject, model, rate, outcome, inWindow, null, Double.NaN, threads);
    }
    double drainSeconds = drain.await();
    CpuUsage whole = edgeAt(System.nanoTime()).since(phaseStart, ticksPerSecond, outcome.okTotal());
    return new PhaseResult(subject, model, rate, outcome, inWindow, whole, drainSeconds, threads);
  }

  private Edge edgeAt(long nanos) {
    for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
    return new Edge(System.nanoTime(), ProcessCpu.sample(watched), MachineCpu.read(), ThreadCpu.sample(threadsOf));
  }

  /** The CPU counters at one instant. */
  private record Edge(long nanos, Map<String, Long> processes, MachineCpu machine, Map<String, Long> threads) {
    CpuUsage since(Edge earlier, long ticksPerSecond, long requests) {
      return CpuUsage.between(earlier.processes, processes, machine.minus(earlier.machine), ticksPerSecond,
          (nanos - earlier.nanos) / 1e9, requests);
    }

    /** CPU seconds by thread group; a group that appeared in between counts from zero. */
    Map<String, Double> threadsSince(Edge earlier, long ticksPerSecond) {
      Map<String, Double> seconds = new java.util.HashMap<>();
      threads.forEach((group, ticks) -> seconds.put(group,
          (ticks - earlier.threads.getOrDefault(group, 0L)) / (double) ticksPerSecond));
      return seconds;
    }
  }
}
