package dev.billpay.portal;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.heading.anchor.IdGenerator;

/**
 * The event catalogue, made from docs/events.md: each {@code ### billpay.<resource>.<event>} heading there is one
 * documented event type (the same sections the event catalogue test checks emitted events against), with the
 * paragraph under it and the data fields of its example.
 */
final class EventCatalogue {
  private static final Pattern GROUP = Pattern.compile("(?m)^## (.+)$");
  private static final Pattern EVENT = Pattern.compile(
      "(?m)^### (billpay\\.[a-z_]+\\.[a-z_]+)\\s*\\n([\\s\\S]*?)```json\\n([\\s\\S]*?)\\n```");

  private EventCatalogue() {}

  record Event(String group, String type, String description, List<String> dataFields) {}

  static List<Event> events(String eventsMarkdown) {
    List<Event> events = new ArrayList<>();
    Matcher m = EVENT.matcher(eventsMarkdown);
    while (m.find()) {
      events.add(new Event(groupAt(eventsMarkdown, m.start()), m.group(1), firstParagraph(m.group(2)),
          new ArrayList<>(new JsonObject(m.group(3)).getJsonObject("data").fieldNames())));
    }
    return events;
  }

  /** The catalogue as markdown, linking each type to its section of the events guide. */
  static String markdown(String eventsMarkdown) {
    List<Event> events = events(eventsMarkdown);
    StringBuilder md = new StringBuilder("# Event catalogue\n\n")
        .append("Every event type the gateway publishes, on the Kafka topic and to webhook endpoints alike, each in")
        .append(" the CloudEvents envelope described in [Events for consumers](events.md). ").append(events.size())
        .append(" types; each links to its full example.\n");
    String group = null;
    for (Event e : events) {
      if (!e.group().equals(group)) {
        group = e.group();
        md.append("\n## ").append(group).append("\n\n| type | what it means | data fields |\n|---|---|---|\n");
      }
      md.append("| [`").append(e.type()).append("`](events.md#").append(IdGenerator.builder().build().generateId(e.type()))
          .append(") | ").append(e.description().replace("|", "\\|")).append(" | ")
          .append(String.join(", ", e.dataFields().stream().map(f -> "`" + f + "`").toList())).append(" |\n");
    }
    return md.toString();
  }

  private static String groupAt(String markdown, int offset) {
    Matcher g = GROUP.matcher(markdown);
    String group = "Events";
    while (g.find() && g.start() < offset) {
      group = g.group(1).trim();
    }
    return group;
  }

  private static String firstParagraph(String text) {
    for (String block : text.strip().split("\\n\\s*\\n")) {
      String b = block.strip();
      if (!b.isEmpty() && !b.startsWith("```") && !b.startsWith("|") && !b.startsWith("#")) {
        return b.replaceAll("\\s*\\n\\s*", " ");
      }
    }
    return "";
  }
}
