package dev.billpay.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Picks the java binary for the server JVMs. Cassandra 5.0 refuses Java 24+, so we prefer a Java
 * 17: the configured home, else the running JDK when it is 17, else the Debian/Ubuntu default path.
 */
final class JavaRuntime {
  private static final Path DEBIAN_17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

  private JavaRuntime() {}

  static String javaBinary(String configuredHome) {
    if (configuredHome != null && !configuredHome.isBlank()) {
      return Path.of(configuredHome, "bin", "java").toString();
    }
    Path running = Path.of(System.getProperty("java.home"));
    if (Runtime.version().feature() == 17 || !Files.isExecutable(DEBIAN_17.resolve("bin/java"))) {
      return running.resolve("bin/java").toString();
    }
    return DEBIAN_17.resolve("bin/java").toString();
  }
}
