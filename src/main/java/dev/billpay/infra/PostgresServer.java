package dev.billpay.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * PostgreSQL from the zonky binaries (a Maven artifact, so it works on any Linux box and as root),
 * run by pg_ctl as a child process, with durable commits: fsync and synchronous_commit on.
 */
public final class PostgresServer implements EmbeddedServer {
  public static final String DATABASE = "billpay";
  private static final String HOST = "127.0.0.1";

  private final Path dir;
  private final int port;
  private EmbeddedPostgres postgres;
  private String version = "";

  PostgresServer(Path dataDir, int port) {
    this.dir = dataDir.toAbsolutePath().resolve("postgres");
    this.port = port;
  }

  @Override
  public String displayName() {
    return "PostgreSQL " + version;
  }

  @Override
  public String address() {
    return HOST + ":" + port;
  }

  public String url() {
    return "postgresql://" + HOST + ":" + port + "/" + DATABASE;
  }

  @Override
  public void start() throws Exception {
    Files.createDirectories(dir.getParent());
    stopStale();
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setPGStartupWait(Duration.ofSeconds(90))
        .setServerConfig("listen_addresses", HOST)
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "200")
        .start();
    DataSource admin = postgres.getPostgresDatabase();
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SHOW server_version")) {
        rs.next();
        version = rs.getString(1).split(" ")[0];
      }
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + DATABASE);
        }
      }
    }
  }

  @Override
  public void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException ignored) {
        // pg_ctl stop failed: the stale-pid check stops it at the next start
      }
      postgres = null;
    }
  }

  /** The postmaster, from its pid file: pg_ctl starts it, so it is no child of ours. */
  @Override
  public Optional<ProcessHandle> process() {
    return postgres == null ? Optional.empty()
        : ChildProcess.readPid(dir.resolve("postmaster.pid")).flatMap(ProcessHandle::of);
  }

  /** A postmaster survives a kill -9 of the JVM that started it; stop it before starting anew. */
  private void stopStale() {
    ChildProcess.readPid(dir.resolve("postmaster.pid"))
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(true))
        .ifPresent(h -> Processes.terminate(h, 30));
  }
}
