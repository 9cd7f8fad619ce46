package dev.billpay.benchmark;

import java.util.Locale;

/** The report's settings section: the knobs, and what each phase ran against. */
final class SettingsText {
  private SettingsText() {}

  static String of(BenchmarkResults r) {
    BenchmarkSettings s = r.settings();
    BenchmarkResults.GatewaySetup g = r.gateway();
    return String.format(Locale.ROOT, """
        - Each phase: %d s warm-up, then %d s measured. Closed loop: %d connections, each sending its next \
        request when the previous one is answered. Open model: %s requests/s%s, on the same pool of %d connections.
        - Load generator: this JVM (`billpay-benchmark`), ONE Vert.x event loop, Vert.x HttpClient (HTTP/1.1 \
        keep-alive, no pipelining) for (b) and (c), vertx-pg-client for (a); latencies in HdrHistogram; non-2xx \
        answers count as errors. Every POST has a fresh Idempotency-Key and reference (each one a new payment).
        - (a) raw PostgreSQL: the gateway's embedded server (%s), a vertx-pg-client pool of %d connections (the \
        gateway's `pg.pool-size`) with prepared statements; per operation BEGIN; INSERT idempotency record; INSERT \
        payment; INSERT outbox event (statement-level NOTIFY trigger, as on `outbox`); COMMIT, into scratch copies \
        of the gateway's tables (`CREATE TABLE bench_… (LIKE … INCLUDING ALL)`, plus the payment's foreign key to \
        `clients`), dropped at the end. (a') is the same with that trigger disabled (peak only). A CHECKPOINT \
        runs before each PostgreSQL phase.
        - (b) in-memory endpoint: `billpay-benchmark in-memory-endpoint` in a JVM of its own, one verticle per \
        core, Vert.x Web body handler + the gateway's `CreatePaymentRequest` parser + the payment JSON; no I/O.
        - (c) gateway: `billpay dev` in a JVM of its own (data under `%s`, wiped at the start; %d HTTP verticles, \
        PostgreSQL pool %d), the funding account and payee created through the API first, API key of the dev \
        client. Overridden for the run: %s. Before each gateway phase the pipeline is empty (outbox sent, \
        projector and webhook consumers at the end of the topic).
        - JVM flags: %s.
        - Lag sample: up to %d payments per gateway phase (reservoir sample of the answers in the window).
        - CPU: utime+stime from `/proc/<pid>/stat` (PostgreSQL: the postmaster and all its backends) over the \
        measured window, divided by the requests answered in it; machine busy/steal from `/proc/stat`.
        """, s.warmupSeconds(), s.durationSeconds(), s.connections(), Markdown.rate(r.offeredRate()),
        s.rateIsAutomatic() ? " (half of the gateway's measured peak)" : " (given)", s.connections(),
        g.durability(), g.pgPoolSize(), s.dataDir(), g.httpVerticles(), g.pgPoolSize(),
        String.join(", ", g.overrides()), String.join("; ", g.jvmFlags()), s.lagSample());
  }
}
