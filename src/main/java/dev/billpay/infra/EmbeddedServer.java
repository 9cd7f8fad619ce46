package dev.billpay.infra;

/** One real server that the embedded stack starts as a child process on loopback. */
interface EmbeddedServer {

  /** Display name and version, e.g. "Kafka 4.3.1". */
  String displayName();

  /** Starts the server and returns once a real client connection has succeeded. */
  void start() throws Exception;

  /** The address clients use, e.g. "127.0.0.1:19092". */
  String address();

  void stop();
}
