package dev.billpay.benchmark;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code POST /v1/payments} as a client sends it: a fresh Idempotency-Key and reference per request
 * (so every request makes a new payment), over a keep-alive pool of HTTP/1.1 connections without
 * pipelining. Keeps a uniform sample (reservoir) of the payment ids answered in a chosen window, for
 * the pipeline-lag probe.
 */
final class PaymentPosts implements LoadGenerator.Operation {
  private final HttpClient client;
  private final List<RequestOptions> requests = new ArrayList<>();
  private final List<String> bodyStarts = new ArrayList<>();
  private final String runId;
  private final SplittableRandom random = new SplittableRandom(42);
  private long sequence;
  private LoadGenerator.Window sampleWindow;
  private int sampleSize;
  private long eligible;
  private final List<String> sample = new ArrayList<>();

  record Target(String host, int port, String apiKey, String fundingAccountId, String payeeId) {}

  PaymentPosts(Vertx vertx, Target target, int connections, String runId) {
    this(vertx, List.of(target), connections, runId);
  }

  /** Payments spread over {@code targets} in turn (each a client of its own, all on the same host and port). */
  PaymentPosts(Vertx vertx, List<Target> targets, int connections, String runId) {
    this.client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true).setPipelining(false).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    for (Target target : targets) {
      requests.add(new RequestOptions().setMethod(HttpMethod.POST).setHost(target.host()).setPort(target.port())
          .setURI("/v1/payments").setIdleTimeout(30_000)
          .putHeader("Authorization", "Bearer " + target.apiKey())
          .putHeader("Content-Type", "application/json"));
      bodyStarts.add("{\"funding_account_id\":\"" + target.fundingAccountId() + "\",\"payee_id\":\""
          + target.payeeId() + "\",\"amount\":");
    }
    this.runId = runId;
  }

  /** From now on, keep up to {@code size} ids of payments answered within {@code window}. */
  void sampleIn(LoadGenerator.Window window, int size) {
    this.sampleWindow = window;
    this.sampleSize = size;
    this.eligible = 0;
    this.sample.clear();
  }

  List<String> sample() {
    return List.copyOf(sample);
  }

  @Override
  public Future<?> call() {
    int target = (int) (sequence % requests.size());
    String key = runId + "-" + sequence++;
    // amounts vary like real bills; 100..9999 minor units stays far below the daily limit
    Buffer body = Buffer.buffer(bodyStarts.get(target) + (100 + random.nextInt(9900)) + ",\"currency\":\"USD\",\"reference\":\""
        + key + "\"}");
    return client.request(requests.get(target))
        .compose(req -> req.putHeader("Idempotency-Key", key).send(body))
        .compose(resp -> resp.body().map(answer -> {
          if (resp.statusCode() / 100 != 2) {
            throw new PhaseRecorder.StatusException(resp.statusCode());
          }
          offer(answer);
          return null;
        }));
  }

  /** Reservoir sampling (Algorithm R): every answer in the window has the same chance to be kept. */
  private void offer(Buffer answer) {
    if (sampleWindow == null || !sampleWindow.contains(System.nanoTime())) {
      return;
    }
    eligible++;
    if (sample.size() < sampleSize) {
      sample.add(idOf(answer));
    } else {
      long slot = random.nextLong(eligible);
      if (slot < sampleSize) {
        sample.set((int) slot, idOf(answer));
      }
    }
  }

  /** The resource's own id is the first "id" of the answer ({"id":"pay_...",...}). */
  static String idOf(Buffer answer) {
    String text = answer.toString();
    int start = text.indexOf("\"id\":\"");
    if (start < 0) {
      return "";
    }
    start += 6;
    return text.substring(start, text.indexOf('"', start));
  }

  Future<Void> close() {
    return client.close();
  }
}
