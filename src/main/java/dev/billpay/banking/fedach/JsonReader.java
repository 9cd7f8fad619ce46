package dev.billpay.banking.fedach;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;

/**
 * The E-Payments Routing Directory's JSON download of FedACH participants:
 * {@code {"fedACHParticipants": {"response": {...}, "fedACHParticipants": [{"routingNumber": ...}]}}},
 * every value a string named as in {@link FedAchField#jsonName()}.
 */
final class JsonReader {
  private static final String LIST = "fedACHParticipants";

  private JsonReader() {}

  static FedAchDirectory read(String source, String text) throws FedAchDirectoryException {
    RecordCollector records = new RecordCollector();
    JsonArray list = participants(text, records);
    for (int i = 0; list != null && i < list.size(); i++) {
      String location = LIST + "[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject entry)) {
        records.problem(location, "must be an object");
        continue;
      }
      Map<FedAchField, String> raw = new EnumMap<>(FedAchField.class);
      for (FedAchField field : FedAchField.values()) {
        Object value = entry.getValue(field.jsonName());
        if (value != null) {
          raw.put(field, String.valueOf(value));
        }
      }
      records.record(location, raw, FedAchField::jsonName);
    }
    return records.finish(source, FedAchDirectory.Format.JSON);
  }

  private static JsonArray participants(String text, RecordCollector records) {
    Object root;
    try {
      root = Json.decodeValue(text);
    } catch (DecodeException e) {
      records.problem("file", "is not valid JSON: " + e.getMessage());
      return null;
    }
    if (root instanceof JsonObject object) {
      Object outer = object.getValue(LIST);
      Object inner = outer instanceof JsonObject wrapper ? wrapper.getValue(LIST) : outer;
      if (inner instanceof JsonArray list) {
        return list;
      }
      if (object.containsKey("fedwireParticipants")) {
        records.problem("file", "is the Fedwire participant directory: the gateway needs the FedACH one");
        return null;
      }
    }
    records.problem("file", "must be {\"" + LIST + "\": {\"" + LIST + "\": [...]}}, the FedACH JSON download");
    return null;
  }
}
