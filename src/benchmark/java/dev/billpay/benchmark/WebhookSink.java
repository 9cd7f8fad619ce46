package dev.billpay.benchmark;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiver of every webhook endpoint the benchmark subscribes (--webhooks): a Vert.x HTTP server
 * in this JVM, on an event loop of its own so that it never delays the load generator's, answering
 * 200 to anything once the body is read. It only counts: signatures are the dispatcher's concern,
 * tested elsewhere.
 */
final class WebhookSink implements AutoCloseable {
  private final Vertx vertx;
  private final AtomicLong received;
  private final int port;

  private WebhookSink(Vertx vertx, AtomicLong received, int port) {
    this.vertx = vertx;
    this.received = received;
    this.port = port;
  }

  static WebhookSink start(int port) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    AtomicLong received = new AtomicLong();
    vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(req -> req.body().onComplete(body -> {
          received.incrementAndGet();
          req.response().setStatusCode(200).end();
        }))
        .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new WebhookSink(vertx, received, port);
  }

  /** The URL of endpoint number {@code n}: each endpoint a path of its own on the one server. */
  String url(int n) {
    return "http://127.0.0.1:" + port + "/hooks/" + n;
  }

  long received() {
    return received.get();
  }

  @Override
  public void close() throws Exception {
    // closing Vert.x closes its server; composing on the server's close would run on a loop being shut down
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
