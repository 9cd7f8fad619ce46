package dev.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.config.ConfigLoader;
import dev.billpay.config.GatewayConfig;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.SharedStack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Stacks of their own (ports and data dir apart from the shared stack), each with one embedded server
 * and the other two configured as external addresses nobody contacts, so nothing else starts.
 */
@DisplayName("A supervised embedded stack restarts a server that dies, and never one it stops itself")
class SupervisedStackIT {
  private static final String UNUSED_KAFKA = "127.0.0.1:26999";
  private static final String UNUSED_CASSANDRA = "127.0.0.1:26998";

  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Test
  @DisplayName("a postmaster killed with SIGKILL is restarted and takes connections again; after close it stays down")
  void postgresRestarts() throws Exception {
    Map<String, String> env = environment("pg");
    env.put("BILLPAY_EMBEDDED_PG_PORT", "26432");
    env.put("BILLPAY_KAFKA_BOOTSTRAP_SERVERS", UNUSED_KAFKA);
    env.put("BILLPAY_CASSANDRA_CONTACT_POINTS", UNUSED_CASSANDRA);
    GatewayConfig config = ConfigLoader.load(env);
    assertThat(EmbeddedStack.plan(config)).containsExactly("postgresql");

    ProcessHandle restarted;
    try (EmbeddedStack stack = EmbeddedStack.start(config, this::record).superviseRestarts(this::record)) {
      ProcessHandle postmaster = stack.postgres().process().orElseThrow();
      postmaster.destroyForcibly();

      awaitRestart("postgresql", postmaster.pid());
      Eventually.await(Duration.ofSeconds(20), "a JDBC connection to the restarted PostgreSQL",
          () -> selectOne(stack.config().pg().url().replace("postgresql://", "jdbc:postgresql://")));
      restarted = stack.postgres().process().orElseThrow();
      assertThat(restarted.pid()).isNotEqualTo(postmaster.pid());
    }
    assertStaysDown(restarted, "127.0.0.1", 26432);
  }

  @Test
  @DisplayName("a Kafka broker JVM killed with SIGKILL is restarted and answers an admin client again")
  void kafkaRestarts() throws Exception {
    Map<String, String> env = environment("kafka");
    env.put("BILLPAY_PG_URL", "postgresql://127.0.0.1:26997/billpay");
    env.put("BILLPAY_EMBEDDED_KAFKA_PORT", "26092");
    env.put("BILLPAY_EMBEDDED_KAFKA_CONTROLLER_PORT", "26093");
    env.put("BILLPAY_CASSANDRA_CONTACT_POINTS", UNUSED_CASSANDRA);
    GatewayConfig config = ConfigLoader.load(env);
    assertThat(EmbeddedStack.plan(config)).containsExactly("kafka");

    ProcessHandle restarted;
    try (EmbeddedStack stack = EmbeddedStack.start(config, this::record).superviseRestarts(this::record)) {
      ProcessHandle broker = stack.kafka().process().orElseThrow();
      broker.destroyForcibly();

      awaitRestart("kafka", broker.pid());
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().address()))) {
        assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
      }
      restarted = stack.kafka().process().orElseThrow();
      assertThat(restarted.pid()).isNotEqualTo(broker.pid());
    }
    assertStaysDown(restarted, "127.0.0.1", 26092);
  }

  private static Map<String, String> environment(String name) {
    Map<String, String> env = SharedStack.testEnvironment();
    env.put("BILLPAY_EMBEDDED_DATA_DIR", "target/it-supervise/" + name);
    return env;
  }

  private void record(String line) {
    System.out.println("[it-supervise] " + line);
    lines.add(line);
  }

  private void awaitRestart(String name, long pid) {
    Eventually.await(Duration.ofSeconds(60), name + " to be restarted",
        () -> lines.stream().anyMatch(l -> l.startsWith(name + " restarted on ")));
    assertThat(lines).contains(name + " (pid " + pid + ") exited unexpectedly; restarting");
  }

  /** close() stopped the restarted process, and the supervisor did not bring it back. */
  private void assertStaysDown(ProcessHandle restarted, String host, int port) throws Exception {
    restarted.onExit().get(30, TimeUnit.SECONDS);
    int linesAtClose = lines.size();
    Thread.sleep(3000);
    assertThat(lines).hasSize(linesAtClose);
    assertThat(listening(host, port)).as("something listens on %s:%d after close", host, port).isFalse();
    assertThat(lines.stream().filter(l -> l.contains("exited unexpectedly"))).hasSize(1);
  }

  private static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean selectOne(String jdbcUrl) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      return rs.next() && rs.getInt(1) == 1;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
