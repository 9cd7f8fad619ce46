package dev.billpay.sdk.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Java source of one schema: a record for an object, a sealed interface for a union, an enum for an enum. */
final class RecordWriter {
  private final Schemas schemas;

  RecordWriter(Schemas schemas) {
    this.schemas = schemas;
  }

  /** One component of a record: its wire name, Java name and type, and the constant it always has, if any. */
  private record Component(String wire, String name, String type, String constant, String doc, boolean required) {}

  String record(String name, JsonNode schema, List<String> interfaces, boolean nested) {
    ObjectShape shape = ObjectShape.of(schema, schemas);
    List<String> nestedSources = new ArrayList<>();
    List<Component> components = new ArrayList<>();
    shape.properties().forEach((wire, property) -> {
      String type = schemas.javaType(property, JavaNames.type(wire), nestedSources, this);
      JsonNode resolved = schemas.resolve(property);
      String constant = property.has("const") && property.path("const").isTextual()
          ? property.path("const").asText() : null;
      String doc = property.path("description").asText(resolved.path("description").asText(""));
      components.add(new Component(wire, JavaNames.member(wire), type, constant, doc,
          shape.required().contains(wire)));
    });
    StringBuilder out = new StringBuilder();
    out.append("/**\n * ").append(describe(shape.description(), name)).append("\n");
    if (!components.isEmpty()) {
      out.append(" *\n");
      for (Component c : components) {
        out.append(" * @param ").append(c.name()).append(" {@code ").append(c.wire()).append("}")
            .append(c.required() ? "" : " (optional)")
            .append(c.doc().isEmpty() ? "" : ": " + JavaNames.doc(c.doc())).append("\n");
      }
    }
    out.append(" */\n");
    out.append("@JsonInclude(JsonInclude.Include.NON_NULL)\n@JsonIgnoreProperties(ignoreUnknown = true)\n");
    out.append("public record ").append(name).append("(");
    out.append(components.stream()
        .map(c -> "\n    @JsonProperty(\"" + c.wire() + "\") " + c.type() + " " + c.name())
        .collect(Collectors.joining(",")));
    out.append(")");
    if (!interfaces.isEmpty()) {
      out.append(" implements ").append(String.join(", ", interfaces));
    }
    out.append(" {\n");
    appendFactory(out, name, components);
    for (Component c : components) {
      if (c.constant() == null) {
        appendWither(out, name, components, c);
      }
    }
    for (String source : nestedSources) {
      out.append("\n").append(indent(source));
    }
    out.append("}\n");
    return out.toString();
  }

  private static void appendFactory(StringBuilder out, String name, List<Component> components) {
    List<Component> params = components.stream().filter(c -> c.required() && c.constant() == null).toList();
    out.append("\n  /** The required fields (and the constants); the others are null until set with their {@code with} method. */\n");
    out.append("  public static ").append(name).append(" of(")
        .append(params.stream().map(c -> c.type() + " " + c.name()).collect(Collectors.joining(", ")))
        .append(") {\n    return new ").append(name).append("(")
        .append(components.stream().map(c -> c.constant() != null && c.required() ? quote(c.constant())
            : c.required() ? c.name() : "null").collect(Collectors.joining(", ")))
        .append(");\n  }\n");
  }

  private static void appendWither(StringBuilder out, String name, List<Component> components, Component changed) {
    out.append("\n  /** A copy with {@code ").append(changed.wire()).append("} set. */\n");
    out.append("  public ").append(name).append(" with").append(JavaNames.type(changed.wire())).append("(")
        .append(changed.type()).append(" ").append(changed.name()).append(") {\n    return new ").append(name)
        .append("(").append(components.stream().map(Component::name).collect(Collectors.joining(", ")))
        .append(");\n  }\n");
  }

  /** A discriminated oneOf: a sealed interface with the accessors every variant has, Jackson picking by the property. */
  String union(String name, JsonNode schema) {
    String property = schema.path("discriminator").path("propertyName").asText();
    Map<String, String> variants = new LinkedHashMap<>();
    schema.path("discriminator").path("mapping").fields().forEachRemaining(e ->
        variants.put(e.getKey(), Schemas.refName(e.getValue().asText())));
    StringBuilder out = new StringBuilder();
    out.append("/**\n * ").append(describe(schema.path("description").asText(""), name))
        .append("\n *\n * <p>One of ").append(String.join(", ", variants.values()))
        .append(", told apart by {@code ").append(property).append("}.\n */\n");
    out.append("@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = \"")
        .append(property).append("\", visible = true)\n@JsonSubTypes({");
    out.append(variants.entrySet().stream().map(e -> "\n    @JsonSubTypes.Type(value = " + e.getValue()
        + ".class, name = \"" + e.getKey() + "\")").collect(Collectors.joining(",")));
    out.append("})\npublic sealed interface ").append(name).append(" permits ")
        .append(String.join(", ", variants.values())).append(" {\n");
    for (Map.Entry<String, String> accessor : commonAccessors(variants.values().stream().toList()).entrySet()) {
      out.append("\n  ").append(accessor.getValue()).append(" ").append(accessor.getKey()).append("();\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private Map<String, String> commonAccessors(List<String> variants) {
    Map<String, String> common = null;
    for (String variant : variants) {
      Map<String, String> own = new LinkedHashMap<>();
      ObjectShape.of(schemas.named().path(variant), schemas).properties().forEach((wire, property) ->
          own.put(JavaNames.member(wire), schemas.javaType(property, JavaNames.type(wire), new ArrayList<>(), this)));
      if (common == null) {
        common = own;
      } else {
        common.entrySet().removeIf(e -> !e.getValue().equals(own.get(e.getKey())));
      }
    }
    // a nested type is the variant's own, so it cannot be shared
    common.entrySet().removeIf(e -> !e.getValue().matches("(String|Long|Boolean|Double|JsonNode|List<String>)")
        && !schemas.named().has(e.getValue()));
    return common;
  }

  /** An enum, with a catch-all for values that a later version of the gateway may add. */
  String enumeration(String name, JsonNode schema) {
    StringBuilder out = new StringBuilder();
    out.append("/** ").append(describe(schema.path("description").asText(""), name)).append(" */\n");
    out.append("public enum ").append(name).append(" {\n");
    for (JsonNode value : schema.path("enum")) {
      out.append("  ").append(JavaNames.constant(value.asText())).append("(").append(quote(value.asText()))
          .append("),\n");
    }
    out.append("  /** A value this version of the SDK does not know: the gateway's contract is newer. */\n");
    out.append("  @JsonEnumDefaultValue\n  UNKNOWN(\"unknown\");\n\n");
    out.append("  private final String wire;\n\n  ").append(name).append("(String wire) {\n    this.wire = wire;\n  }\n\n");
    out.append("  /** The value as the API writes it. */\n  @JsonValue\n  public String wire() {\n    return wire;\n  }\n\n");
    out.append("  @Override\n  public String toString() {\n    return wire;\n  }\n}\n");
    return out.toString();
  }

  private static String describe(String description, String name) {
    return description.isBlank() ? name + ", as the contract (openapi.yaml) describes it." : JavaNames.doc(description);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String indent(String source) {
    return source.lines().map(l -> l.isEmpty() ? l : "  " + l).collect(Collectors.joining("\n", "", "\n"));
  }
}
