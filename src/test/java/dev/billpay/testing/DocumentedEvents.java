package dev.billpay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The event examples of docs/events.md, and the check that an emitted event has its example's shape. */
public final class DocumentedEvents {
  private static final Pattern SECTION =
      Pattern.compile("(?m)^### (billpay\\.[a-z_]+\\.[a-z_]+)\\s*$[\\s\\S]*?```json\\n([\\s\\S]*?)\\n```");

  private DocumentedEvents() {}

  public static Map<String, JsonObject> examples() throws Exception {
    Map<String, JsonObject> examples = new HashMap<>();
    Matcher m = SECTION.matcher(Files.readString(Path.of("docs/events.md")));
    while (m.find()) {
      examples.putIfAbsent(m.group(1), new JsonObject(m.group(2)));
    }
    return examples;
  }

  /** The event has the documented example's envelope and data fields (and the same status, if any). */
  public static void assertMatchesItsExample(JsonObject emitted) {
    JsonObject event = emitted.copy();
    event.remove("_kafka_key");
    JsonObject example;
    try {
      example = examples().get(event.getString("type"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(example).as("documented example for " + event.getString("type")).isNotNull();
    assertThat(event.fieldNames()).as("envelope of " + event.getString("type"))
        .containsExactlyInAnyOrderElementsOf(example.fieldNames());
    assertThat(event.getJsonObject("data").fieldNames()).as("data of " + event.getString("type"))
        .containsExactlyInAnyOrderElementsOf(example.getJsonObject("data").fieldNames());
    assertThat(event.getJsonObject("data").getString("status"))
        .isEqualTo(example.getJsonObject("data").getString("status"));
    assertThat(event.getString("source")).isEqualTo(example.getString("source"));
  }

}
