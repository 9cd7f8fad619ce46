package dev.billpay.infra;

import java.util.Optional;

/** One real server that the embedded stack starts as a child process on loopback. */
interface EmbeddedServer {

  /** Display name and version, e.g. "Kafka 4.3.1". */
  String displayName();

  /** Starts the server and returns once a real client connection has succeeded. */
  void start() throws Exception;

  /** The address clients use, e.g. "127.0.0.1:19092". */
  String address();

  void stop();

  /**
   * The server's operating-system process while it runs (for PostgreSQL the postmaster, which is
   * not our child), so a supervisor can see it die; empty when stopped or already gone.
   */
  Optional<ProcessHandle> process();
}
