package dev.billpay.db;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies cassandra-schema/*.cql in file-name order, each once, recording applied files in
 * {@code <keyspace>.schema_migrations}. Files use {@code ${keyspace}} and {@code ${replication}}.
 * Blocking: call from a worker thread only.
 */
public final class CassandraSchema {
  private static final Logger LOG = LoggerFactory.getLogger(CassandraSchema.class);
  private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

  private CassandraSchema() {}

  public static int apply(CqlSession session, Path dir, String keyspace, String replication) throws IOException {
    return apply(session, dir, keyspace, replication, false);
  }

  /**
   * Runs every file again, whatever the ledger says: a Cassandra that lost tables but kept the ledger
   * (a table dropped or restored apart) would otherwise never get them back. Safe because every file
   * is written idempotently ({@code IF NOT EXISTS}). Answers the number of files run.
   */
  public static int reapply(CqlSession session, Path dir, String keyspace, String replication) throws IOException {
    return apply(session, dir, keyspace, replication, true);
  }

  private static int apply(CqlSession session, Path dir, String keyspace, String replication, boolean everyFile)
      throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".cql")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no .cql files in " + dir.toAbsolutePath());
    }
    int applied = 0;
    boolean ledgerReady = false;
    for (Path file : files) {
      String version = file.getFileName().toString();
      String cql = Files.readString(file).replace("${keyspace}", keyspace).replace("${replication}", replication);
      if (ledgerReady && !everyFile && isApplied(session, keyspace, version)) {
        continue;
      }
      for (String statement : statements(cql)) {
        session.execute(SimpleStatement.newInstance(statement).setTimeout(DDL_TIMEOUT));
      }
      if (!ledgerReady) {
        // the first file creates the keyspace; the ledger lives inside it
        session.execute(SimpleStatement.newInstance("CREATE TABLE IF NOT EXISTS " + keyspace
            + ".schema_migrations (version text PRIMARY KEY, checksum text, applied_at timestamp)")
            .setTimeout(DDL_TIMEOUT));
        ledgerReady = true;
        if (!everyFile && isApplied(session, keyspace, version)) {
          continue;
        }
      }
      session.execute(SimpleStatement.newInstance("INSERT INTO " + keyspace
          + ".schema_migrations (version, checksum, applied_at) VALUES (?, ?, ?)", version, sha256(cql), Instant.now()));
      LOG.info("applied Cassandra schema {}", version);
      applied++;
    }
    return applied;
  }

  private static boolean isApplied(CqlSession session, String keyspace, String version) {
    return session.execute(SimpleStatement.newInstance(
        "SELECT version FROM " + keyspace + ".schema_migrations WHERE version = ?", version)).one() != null;
  }

  static List<String> statements(String cql) {
    StringBuilder withoutComments = new StringBuilder();
    for (String line : cql.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--") && !trimmed.startsWith("//")) {
        withoutComments.append(line).append('\n');
      }
    }
    return Stream.of(withoutComments.toString().split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
