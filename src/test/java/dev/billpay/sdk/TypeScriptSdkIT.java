package dev.billpay.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.billpay.testing.Api;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.SharedStack;
import dev.billpay.testing.TestGateway;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the TypeScript SDK's own tests (sdk/typescript, {@code npm test}: tsc, then {@code node --test}) against
 * this run's embedded gateway, and fails with node's output if they fail. Around the gateway it provides what
 * those tests cannot make themselves: a proxy that loses an answer, a second gateway with a rate limit of 2/s,
 * a way to stop and start the real PostgreSQL, and a topic with one event per codec from Kafka's Java producer.
 */
@DisplayName("TypeScript SDK: its node tests pass against the real embedded gateway")
class TypeScriptSdkIT {
  private static final int LIMITED_PORT = 18097;
  private static final Path SDK = Path.of("sdk", "typescript");

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  private static TestGateway limited;
  private static DropFirstAnswerProxy proxy;
  private static HttpServer control;
  private static String codecsTopic;

  @BeforeAll
  static void aroundTheGateway() throws Exception {
    limited = TestGateway.start(SharedStack.configWith(Map.of(
        "BILLPAY_HTTP_PORT", Integer.toString(LIMITED_PORT),
        "BILLPAY_ROLES", "api",
        "BILLPAY_RATE_LIMIT_REQUESTS_PER_SECOND", "2",
        "BILLPAY_RATE_LIMIT_BURST", "2")));
    proxy = new DropFirstAnswerProxy(SharedStack.HTTP_PORT);
    control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    control.setExecutor(Executors.newSingleThreadExecutor());
    control.createContext("/postgres/stop", ex -> answer(ex, () -> SharedStack.stack().postgres().stop()));
    control.createContext("/postgres/start", ex -> answer(ex, () -> SharedStack.stack().postgres().start()));
    control.start();
    codecsTopic = "billpay.sdk-ts.codecs." + System.currentTimeMillis();
    writeOneEventPerCodec(gateway.config().kafka().bootstrapServers(), codecsTopic);
  }

  @AfterAll
  static void stop() throws Exception {
    if (control != null) {
      control.stop(0);
    }
    if (proxy != null) {
      proxy.close();
    }
    if (limited != null) {
      limited.close();
    }
  }

  @Test
  @DisplayName("npm test in sdk/typescript: generated code current, unit tests, the gateway, webhooks and Kafka suites")
  void nodeTests() throws Exception {
    Path log = Path.of("target", "sdk-typescript-tests.log").toAbsolutePath();
    ProcessBuilder pb = new ProcessBuilder("npm", "test").directory(SDK.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("BILLPAY_URL", "http://127.0.0.1:" + SharedStack.HTTP_PORT);
    env.put("BILLPAY_API_KEY", Api.DEV_KEY);
    env.put("BILLPAY_ADMIN_TOKEN", SharedStack.ADMIN_TOKEN);
    env.put("BILLPAY_DROP_PROXY_URL", "http://127.0.0.1:" + proxy.port());
    env.put("BILLPAY_LIMITED_URL", "http://127.0.0.1:" + LIMITED_PORT);
    env.put("BILLPAY_CONTROL_URL", "http://127.0.0.1:" + control.getAddress().getPort());
    env.put("BILLPAY_KAFKA_BROKERS", gateway.config().kafka().bootstrapServers());
    env.put("BILLPAY_KAFKA_TOPIC", gateway.config().kafka().paymentEventsTopic());
    env.put("BILLPAY_KAFKA_CODECS_TOPIC", codecsTopic);
    Process node = pb.start();
    boolean done = node.waitFor(8, TimeUnit.MINUTES);
    if (!done) {
      node.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertThat(done).as("npm test finished within 8 minutes; its output:\n" + output).isTrue();
    assertThat(node.exitValue()).as("npm test exit code; its output:\n" + output).isZero();
    // the spec reporter's summary: "ℹ pass 16", "ℹ fail 0"
    assertThat(output).containsPattern("ℹ pass [1-9]").contains("ℹ fail 0");
    assertThat(proxy.connections()).as("the dropped connection and the retry").isGreaterThanOrEqualTo(2);
  }

  private interface Action {
    void run() throws Exception;
  }

  private static void answer(HttpExchange exchange, Action action) throws IOException {
    try {
      action.run();
      exchange.sendResponseHeaders(204, -1);
    } catch (Exception e) {
      byte[] body = e.toString().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(500, body.length);
      exchange.getResponseBody().write(body);
    } finally {
      exchange.close();
    }
  }

  /** One valid event per codec, each in its own batch, then a record that is not an event at all. */
  private static void writeOneEventPerCodec(String bootstrap, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    for (String codec : List.of("gzip", "snappy", "lz4", "zstd")) {
      Properties p = new Properties();
      p.put("bootstrap.servers", bootstrap);
      p.put("compression.type", codec);
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        String subject = "pay_CODEC" + codec.toUpperCase(java.util.Locale.ROOT);
        String event = "{\"specversion\":\"1.0\",\"id\":\"evt_codec_" + codec + "\",\"source\":\"/billpay-gateway/payments\","
            + "\"type\":\"billpay.payment.created\",\"subject\":\"" + subject + "\",\"time\":\"2026-12-03T10:00:00Z\","
            + "\"datacontenttype\":\"application/json\",\"clientid\":\"cli_dev\",\"data\":{\"id\":\"" + subject
            + "\",\"object\":\"payment\",\"amount\":100,\"currency\":\"USD\"}}";
        producer.send(new ProducerRecord<>(topic, subject, event)).get(30, TimeUnit.SECONDS);
        if (codec.equals("zstd")) {
          producer.send(new ProducerRecord<>(topic, "garbage", "{not an event")).get(30, TimeUnit.SECONDS);
        }
      }
    }
  }
}
