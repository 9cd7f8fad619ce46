package dev.billpay.sdk.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The properties of an object schema, with those of every allOf part merged in, in contract order. */
record ObjectShape(Map<String, JsonNode> properties, Set<String> required, String description) {

  static ObjectShape of(JsonNode schema, Schemas schemas) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    collect(schema, schemas, properties, required);
    // a name that is required but not described (an envelope field of a partly described event) is still a field
    for (String name : required) {
      properties.putIfAbsent(name, schemas.empty());
    }
    return new ObjectShape(properties, required, schema.path("description").asText(""));
  }

  private static void collect(JsonNode schema, Schemas schemas, Map<String, JsonNode> properties, Set<String> required) {
    JsonNode resolved = schemas.resolve(schema);
    for (JsonNode part : resolved.path("allOf")) {
      collect(part, schemas, properties, required);
    }
    resolved.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
    resolved.path("required").forEach(r -> required.add(r.asText()));
  }
}
