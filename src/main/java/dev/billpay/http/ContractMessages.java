package dev.billpay.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says, in words, what the contract expects of a field or parameter ("must be an integer from 1 to
 * 100"), so a validation error tells the client how to fix the request, not only which field failed
 * (the schema validator's own words are "does not match schema").
 */
final class ContractMessages {
  private static final int MAX_REF_DEPTH = 10;
  private final JsonObject contract;

  ContractMessages(JsonObject contract) {
    this.contract = contract;
  }

  /** What the request body's property {@code field} (a dotted path) must be, if the contract says. */
  Optional<String> bodyField(Operation operation, String field) {
    JsonObject schema = requestSchema(operation);
    for (String name : field.split("\\.")) {
      if (schema == null) {
        return Optional.empty();
      }
      JsonObject properties = schema.getJsonObject("properties");
      schema = properties == null ? null : resolve(properties.getJsonObject(name));
    }
    return Optional.ofNullable(schema).map(ContractMessages::describe);
  }

  /** What the parameter must be. */
  Optional<String> parameter(Parameter parameter) {
    JsonSchema schema = parameter.getSchema();
    if (schema == null) {
      return Optional.empty();
    }
    JsonObject json = new JsonObject();
    schema.fieldNames().forEach(name -> json.put(name, schema.get(name)));
    return Optional.ofNullable(resolve(json)).map(ContractMessages::describe);
  }

  private JsonObject requestSchema(Operation operation) {
    JsonObject item = contract.getJsonObject("paths", new JsonObject()).getJsonObject(operation.getOpenAPIPath());
    JsonObject op = item == null ? null : item.getJsonObject(operation.getHttpMethod().name().toLowerCase());
    JsonObject body = op == null ? null : resolve(op.getJsonObject("requestBody"));
    JsonObject content = body == null ? null : body.getJsonObject("content");
    JsonObject json = content == null ? null : content.getJsonObject("application/json");
    return json == null ? null : resolve(json.getJsonObject("schema"));
  }

  /** Follows local {@code $ref}s ("#/components/schemas/Amount"). */
  private JsonObject resolve(JsonObject schema) {
    for (int depth = 0; schema != null && schema.containsKey("$ref") && depth < MAX_REF_DEPTH; depth++) {
      String ref = schema.getString("$ref");
      if (!ref.startsWith("#/")) {
        return null;
      }
      Object node = contract;
      for (String segment : ref.substring(2).split("/")) {
        node = node instanceof JsonObject o ? o.getValue(segment.replace("~1", "/").replace("~0", "~")) : null;
      }
      schema = node instanceof JsonObject o ? o : null;
    }
    return schema;
  }

  static String describe(JsonObject schema) {
    if (schema.containsKey("const")) {
      return "must be " + quoted(schema.getValue("const"));
    }
    if (schema.getValue("enum") instanceof JsonArray values) {
      List<String> shown = new ArrayList<>();
      values.forEach(v -> shown.add(v == null ? "null" : String.valueOf(v)));
      return "must be one of: " + String.join(", ", shown);
    }
    List<String> types = types(schema);
    boolean nullable = types.remove("null");
    String what;
    if (types.size() == 1 && types.get(0).equals("integer")) {
      what = "an integer" + range(schema);
    } else if (types.size() == 1 && types.get(0).equals("number")) {
      what = "a number" + range(schema);
    } else if (types.size() == 1 && types.get(0).equals("string")) {
      what = string(schema);
    } else if (types.size() == 1 && types.get(0).equals("boolean")) {
      what = "true or false";
    } else if (types.size() == 1 && types.get(0).equals("array")) {
      what = "an array" + (schema.containsKey("maxItems") ? " of at most " + schema.getValue("maxItems") + " items" : "");
    } else if (types.size() == 1 && types.get(0).equals("object")) {
      what = "a JSON object";
    } else {
      return "does not match the API contract";
    }
    return "must be " + what + (nullable ? " (or null)" : "");
  }

  private static List<String> types(JsonObject schema) {
    Object type = schema.getValue("type");
    List<String> types = new ArrayList<>();
    if (type instanceof String s) {
      types.add(s);
    } else if (type instanceof JsonArray a) {
      a.forEach(t -> types.add(String.valueOf(t)));
    }
    return types;
  }

  private static String range(JsonObject schema) {
    Object min = schema.getValue("minimum");
    Object max = schema.getValue("maximum");
    if (min != null && max != null && ((Number) max).doubleValue() < 1e15) {
      return " from " + min + " to " + max;
    }
    if (min != null) {
      return " of at least " + min;
    }
    return max != null ? " of at most " + max : "";
  }

  private static String string(JsonObject schema) {
    String format = schema.getString("format");
    if ("date".equals(format)) {
      return "a date YYYY-MM-DD";
    }
    if ("date-time".equals(format)) {
      return "an RFC 3339 timestamp such as 2026-11-25T10:15:30Z";
    }
    StringBuilder what = new StringBuilder("a string");
    Object min = schema.getValue("minLength");
    Object max = schema.getValue("maxLength");
    if (min != null && max != null) {
      what.append(" of ").append(min).append('-').append(max).append(" characters");
    } else if (max != null) {
      what.append(" of at most ").append(max).append(" characters");
    } else if (min != null) {
      what.append(" of at least ").append(min).append(" characters");
    }
    if (schema.getString("pattern") != null) {
      what.append(" matching ").append(schema.getString("pattern"));
    }
    return what.toString();
  }

  private static String quoted(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
