package dev.billpay.banking.fedach;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small FedACH directories for tests, from the published layout: a record's fields placed at
 * their positions for the fixed-width file, or named as in the JSON download.
 */
public final class FedAchRecords {
  private FedAchRecords() {}

  /** A record as the Fed writes one for an institution reached at its own number (type 1). */
  public static Map<FedAchField, String> participant(String routingNumber, String name) {
    // in the order of FedAchField, i.e. of the published layout
    String[] values = {routingNumber, "O", "021001208", "1", "072523", "000000000", name, "1 MAIN STREET", "NEW YORK",
        "NY", "10004", "0000", "212", "555", "0100", "1", "1"};
    Map<FedAchField, String> fields = new EnumMap<>(FedAchField.class);
    for (FedAchField field : FedAchField.values()) {
      fields.put(field, values[field.ordinal()]);
    }
    return fields;
  }

  /** A record type 2: items go to {@code newNumber}. */
  public static Map<FedAchField, String> replaced(String routingNumber, String name, String newNumber) {
    Map<FedAchField, String> fields = participant(routingNumber, name);
    fields.put(FedAchField.RECORD_TYPE_CODE, "2");
    fields.put(FedAchField.NEW_ROUTING_NUMBER, newNumber);
    return fields;
  }

  /** {@code fields} with one changed. */
  public static Map<FedAchField, String> with(Map<FedAchField, String> fields, FedAchField field, String value) {
    Map<FedAchField, String> changed = new EnumMap<>(fields);
    changed.put(field, value);
    return changed;
  }

  /** One 155-character line: each field left-justified, space-padded at its position. */
  public static String line(Map<FedAchField, String> fields) {
    char[] line = " ".repeat(FedAchField.RECORD_LENGTH).toCharArray();
    fields.forEach((field, value) -> {
      for (int i = 0; i < Math.min(value.length(), field.length()); i++) {
        line[field.position() - 1 + i] = value.charAt(i);
      }
    });
    return new String(line);
  }

  /** The fixed-width file: one line a record, each ending in a line feed. */
  public static String fixedWidth(List<Map<FedAchField, String>> records) {
    StringBuilder file = new StringBuilder();
    records.forEach(r -> file.append(line(r)).append('\n'));
    return file.toString();
  }

  /** The JSON download, as the E-Payments Routing Directory serves it. */
  public static String json(List<Map<FedAchField, String>> records) {
    JsonArray list = new JsonArray();
    records.forEach(r -> {
      JsonObject entry = new JsonObject();
      r.forEach((field, value) -> entry.put(field.jsonName(), value));
      list.add(entry);
    });
    return new JsonObject().put("fedACHParticipants", new JsonObject()
        .put("response", new JsonObject().put("code", 100)).put("fedACHParticipants", list)).encodePrettily();
  }
}
