package dev.billpay.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server's classpath as resolved by the build into {@code target/runtime-classpath/NAME.classpath}. */
record ServerClasspath(String classpath) {

  static ServerClasspath read(Path dir, String name) throws IOException {
    Path file = dir.resolve(name + ".classpath");
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "missing " + file.toAbsolutePath() + ": build the project first (mvn -DskipTests package),"
              + " which resolves the embedded servers' jars");
    }
    return new ServerClasspath(Files.readString(file).trim());
  }

  /** The version of the jar whose file name starts with {@code artifactPrefix}, e.g. "kafka_2.13-". */
  String versionOf(String artifactPrefix) {
    Matcher m = Pattern.compile(Pattern.quote(artifactPrefix) + "([0-9][^/:]*?)\\.jar").matcher(classpath);
    return m.find() ? m.group(1) : "?";
  }
}
