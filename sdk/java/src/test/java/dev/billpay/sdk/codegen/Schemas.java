package dev.billpay.sdk.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The named schemas of the contract and how any schema maps to a Java type: named objects, unions
 * and enums are generated types; ids, amounts and other constrained scalars are plain String, Long,
 * Boolean or Double; untyped objects stay JsonNode; an inline object becomes a nested record.
 */
final class Schemas {
  private static final String PREFIX = "#/components/schemas/";
  private final JsonNode named;

  Schemas(JsonNode openapi) {
    this.named = openapi.path("components").path("schemas");
  }

  JsonNode named() {
    return named;
  }

  com.fasterxml.jackson.databind.node.ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }

  JsonNode resolve(JsonNode schema) {
    return schema.has("$ref") ? resolve(named.path(refName(schema))) : schema;
  }

  static String refName(JsonNode schema) {
    return refName(schema.path("$ref").asText());
  }

  static String refName(String ref) {
    if (!ref.startsWith(PREFIX)) {
      throw new IllegalArgumentException("unsupported $ref " + ref);
    }
    return ref.substring(PREFIX.length());
  }

  /** A schema that gets a class of its own when named: an object, an allOf or a discriminated union. */
  static boolean isGenerated(JsonNode schema) {
    return isObject(schema) || isUnion(schema) || isEnum(schema);
  }

  static boolean isObject(JsonNode schema) {
    return schema.has("properties") || schema.has("allOf")
        || "object".equals(schema.path("type").asText()) && schema.path("maxProperties").asInt(-1) == 0;
  }

  static boolean isUnion(JsonNode schema) {
    return schema.has("oneOf") && schema.has("discriminator");
  }

  static boolean isEnum(JsonNode schema) {
    return schema.has("enum") && "string".equals(schema.path("type").asText());
  }

  /**
   * The Java type of a property (or parameter, or answer) schema. An inline object becomes a nested
   * record called {@code nestedName}, whose source is added to {@code nested}.
   */
  String javaType(JsonNode schema, String nestedName, List<String> nested, RecordWriter records) {
    if (schema.has("$ref")) {
      String name = refName(schema);
      JsonNode target = named.path(name);
      return isGenerated(target) ? name : javaType(target, nestedName, nested, records);
    }
    for (String combinator : List.of("oneOf", "anyOf")) {
      if (schema.has(combinator)) {
        List<JsonNode> options = nonNull(schema.path(combinator));
        return options.size() == 1 ? javaType(options.get(0), nestedName, nested, records) : "JsonNode";
      }
    }
    if (schema.has("const")) {
      JsonNode c = schema.path("const");
      return c.isBoolean() ? "Boolean" : c.isIntegralNumber() ? "Long" : c.isNumber() ? "Double" : "String";
    }
    switch (scalarType(schema)) {
      case "string":
        return "String";
      case "integer":
        // every JSON integer is a Long: amounts in minor units do not fit an int, and one rule is easy to remember
        return "Long";
      case "number":
        return "Double";
      case "boolean":
        return "Boolean";
      case "array":
        return "List<" + javaType(schema.path("items"), nestedName, nested, records) + ">";
      default:
        if (schema.has("properties")) {
          nested.add(records.record(nestedName, schema, List.of(), true));
          return nestedName;
        }
        return "JsonNode";
    }
  }

  /** The one non-null type of {@code type: [x, "null"]}; "null" alone or none gives "". */
  private static String scalarType(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      return type.asText().equals("null") ? "" : type.asText();
    }
    for (JsonNode t : type) {
      if (!t.asText().equals("null")) {
        return t.asText();
      }
    }
    return "";
  }

  private static List<JsonNode> nonNull(JsonNode options) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode o : options) {
      if (!"null".equals(o.path("type").asText())) {
        out.add(o);
      }
    }
    return out;
  }
}
