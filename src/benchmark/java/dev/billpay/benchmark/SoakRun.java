package dev.billpay.benchmark;

import dev.billpay.benchmark.PhaseResult.Subject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak (--soak-minutes): the gateway at the open-model rate for that many minutes, sampled every
 * {@link #SAMPLE_SECONDS} s on a thread of its own: the pipeline's backlogs, the gateway's heap after
 * its latest collection, the requests sent and not yet answered, and the errors so far. A leak or a
 * consumer that slowly falls behind shows as a last minute above the first; a gateway that cannot
 * keep up with the rate shows as requests in flight that pile up.
 */
final class SoakRun {
  static final int SAMPLE_SECONDS = 10;

  /** One sample, {@code atSeconds} into the soak; heap -1 when no collection happened yet. */
  record Sample(double atSeconds, PipelineDrain.Backlog backlog, long heapAfterGc, long inFlight, long errors) {}

  /** What the soak measured; {@code phase} is its load generator's and CPU view, like any phase's. */
  record Result(int minutes, double rate, PhaseResult phase, List<Sample> samples, long collections) {}

  private SoakRun() {}

  /** Runs the soak; without a heap reading (attach refused) it still runs, and says so on {@code out}. */
  static Result run(PhaseRunner runner, LoadGenerator.Operation posts, double rate, int minutes,
      PipelineDrain drain, long gatewayPid, java.io.PrintStream out) throws Exception {
    GatewayHeap heap = null;
    try {
      heap = GatewayHeap.attach(gatewayPid);
    } catch (Exception | LinkageError e) {
      out.println("warning: cannot read the gateway's heap after GC: " + e);
    }
    try {
      return sampled(runner, posts, rate, minutes, drain, heap);
    } finally {
      if (heap != null) {
        heap.close();
      }
    }
  }

  private static Result sampled(PhaseRunner runner, LoadGenerator.Operation posts, double rate, int minutes,
      PipelineDrain drain, GatewayHeap heap) throws Exception {
    AtomicLong errors = new AtomicLong();
    AtomicLong inFlight = new AtomicLong();
    LoadGenerator.Operation counted = () -> {
      inFlight.incrementAndGet();
      return posts.call().onComplete(ar -> {
        inFlight.decrementAndGet();
        if (ar.failed()) {
          errors.incrementAndGet();
        }
      });
    };
    LoadGenerator.Window window = LoadGenerator.Window.startingIn(200, 0, minutes * 60);
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "soak-sampler");
      t.setDaemon(true);
      return t;
    });
    long start = window.from();
    long firstDelay = TimeUnit.NANOSECONDS.toMillis(start - System.nanoTime()) + SAMPLE_SECONDS * 1000L;
    sampler.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      if (now <= window.to() + TimeUnit.SECONDS.toNanos(1)) {
        samples.add(new Sample((now - start) / 1e9, drain.backlog(), heap == null ? -1 : heap.afterLastGc(),
            inFlight.get(), errors.get()));
      }
    }, firstDelay, SAMPLE_SECONDS * 1000L, TimeUnit.MILLISECONDS);
    try {
      PhaseResult phase = runner.open(Subject.GATEWAY, counted, rate, window, null);
      return new Result(minutes, rate, phase, List.copyOf(samples), heap == null ? 0 : heap.collections());
    } finally {
      sampler.shutdownNow();
    }
  }
}
