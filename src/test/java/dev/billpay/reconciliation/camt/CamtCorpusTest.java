package dev.billpay.reconciliation.camt;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of {@code src/test/resources/bankfiles/camt} (what each exercises is in the README.md next to them)
 * against the expectation kept beside it in {@code name.expected.json}: every statement and transaction field for a
 * message read, the line, path and message of every problem for one rejected.
 */
@DisplayName("camt corpus")
class CamtCorpusTest {

  static Stream<String> corpus() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList().stream();
    }
  }

  @Test
  @DisplayName("the corpus holds at least eight messages read and a rejection of each kind, each with its expectation")
  void everyFileHasItsExpectation() throws IOException, URISyntaxException {
    List<String> names = corpus().toList();
    assertThat(names.stream().filter(n -> !n.startsWith("bad-"))).hasSizeGreaterThanOrEqualTo(8);
    assertThat(names).contains("bad-balances-off.xml", "bad-batch-parts.xml", "bad-currency-decimals.xml",
        "bad-unknown-namespace.xml", "bad-not-well-formed.xml");
    for (String name : names) {
      assertThat(folder().resolve(expectation(name))).as("the expectation of " + name).exists();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  @DisplayName("each message reads to its expected statements and transactions, or is rejected with its problems")
  void readsAsExpected(String name) throws IOException, URISyntaxException {
    JsonObject expected = new JsonObject(Files.readString(folder().resolve(expectation(name))));
    JsonObject actual;
    try (InputStream in = Files.newInputStream(folder().resolve(name))) {
      actual = CamtJson.of(CamtReader.read(in));
    }
    assertThat(actual.getString("result")).as(actual.encodePrettily()).isEqualTo(expected.getString("result"));
    if (expected.getString("result").equals("read")) {
      assertRead(actual, expected);
    } else {
      assertProblems(actual.getJsonArray("problems"), expected.getJsonArray("problems"));
    }
  }

  private static void assertRead(JsonObject actual, JsonObject expected) {
    for (String field : List.of("messageType", "version", "messageId")) {
      assertThat(actual.getString(field)).as(field).isEqualTo(expected.getString(field));
    }
    JsonArray actualStatements = actual.getJsonArray("statements");
    JsonArray expectedStatements = expected.getJsonArray("statements");
    assertThat(actualStatements).as("statements").hasSameSizeAs(expectedStatements);
    for (int s = 0; s < expectedStatements.size(); s++) {
      JsonObject want = expectedStatements.getJsonObject(s).copy();
      JsonObject got = actualStatements.getJsonObject(s).copy();
      JsonArray wantTransactions = (JsonArray) want.remove("transactions");
      JsonArray gotTransactions = (JsonArray) got.remove("transactions");
      assertThat(got).as("statement " + (s + 1)).isEqualTo(want);
      assertThat(gotTransactions).as("transactions of statement " + (s + 1)).hasSameSizeAs(wantTransactions);
      for (int t = 0; t < wantTransactions.size(); t++) {
        assertThat(gotTransactions.getJsonObject(t)).as("statement " + (s + 1) + ", transaction " + (t + 1))
            .isEqualTo(wantTransactions.getJsonObject(t));
      }
    }
  }

  /** Lines and paths exactly; messages by their start (the parser words its own not-well-formed messages). */
  private static void assertProblems(JsonArray actual, JsonArray expected) {
    assertThat(actual).as(actual.encodePrettily()).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      JsonObject want = expected.getJsonObject(i);
      JsonObject got = actual.getJsonObject(i);
      assertThat(got.getInteger("line")).as("line of problem " + (i + 1)).isEqualTo(want.getInteger("line"));
      assertThat(got.getString("path")).as("path of problem " + (i + 1)).isEqualTo(want.getString("path"));
      assertThat(got.getString("message")).as("problem " + (i + 1)).startsWith(want.getString("message"));
    }
  }

  private static String expectation(String name) {
    return name.substring(0, name.length() - ".xml".length()) + ".expected.json";
  }

  static Path folder() throws URISyntaxException {
    return Path.of(CamtCorpusTest.class.getResource("/bankfiles/camt").toURI());
  }
}
