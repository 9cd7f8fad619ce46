package dev.billpay.sdk.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * BillpayApi: one method per operation of the contract (plus an overload with RequestOptions, and an
 * auto-paging variant for cursor lists), and the records of operations' query parameters and inline answers.
 */
final class OperationsWriter {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
  /** Headers the transport sets itself: the caller never passes them. */
  private static final Set<String> TRANSPORT_HEADERS = Set.of("Idempotency-Key", "X-Request-Id");
  private final JsonNode openapi;
  private final Schemas schemas;
  private final RecordWriter records;
  /** Extra model types (query parameters, inline answers), by class name. */
  private final Map<String, String> extraModels = new TreeMap<>();

  OperationsWriter(JsonNode openapi, Schemas schemas, RecordWriter records) {
    this.openapi = openapi;
    this.schemas = schemas;
    this.records = records;
  }

  Map<String, String> extraModels() {
    return extraModels;
  }

  String api() {
    StringBuilder out = new StringBuilder();
    out.append("/**\n * Every operation of the billpay-gateway API (src/main/resources/openapi.yaml), one method each. Use it\n"
        + " * through {@link BillpayClient}, which sends the calls: authentication, idempotency keys, retries and\n"
        + " * problem exceptions are its part.\n */\n");
    out.append("public class BillpayApi {\n  private final Transport transport;\n\n");
    out.append("  BillpayApi(Transport transport) {\n    this.transport = transport;\n  }\n");
    openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (METHODS.contains(op.getKey())) {
        operation(out, path.getKey(), path.getValue(), op.getKey().toUpperCase(java.util.Locale.ROOT), op.getValue());
      }
    }));
    out.append("}\n");
    return out.toString();
  }

  private void operation(StringBuilder out, String path, JsonNode pathItem, String method, JsonNode op) {
    String id = op.path("operationId").asText();
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(p -> parameters.add(resolveParameter(p)));
    op.path("parameters").forEach(p -> parameters.add(resolveParameter(p)));
    List<String> signature = new ArrayList<>();
    List<String> pathArgs = new ArrayList<>();
    List<String> headerArgs = new ArrayList<>();
    ObjectNode query = JsonNodeFactory.instance.objectNode().put("type", "object");
    ObjectNode queryProperties = query.putObject("properties");
    ArrayNode queryRequired = query.putArray("required");
    boolean idempotent = false;
    for (JsonNode p : parameters) {
      String name = p.path("name").asText();
      switch (p.path("in").asText()) {
        case "path" -> {
          signature.add("String " + JavaNames.member(name));
          pathArgs.add(JavaNames.member(name));
        }
        case "header" -> {
          if (name.equals("Idempotency-Key")) {
            idempotent = true;
          } else if (!TRANSPORT_HEADERS.contains(name)) {
            signature.add("String " + JavaNames.member(name));
            headerArgs.add("\"" + name + "\", " + JavaNames.member(name));
          }
        }
        case "query" -> {
          ObjectNode schema = p.path("schema").deepCopy();
          if (p.has("description")) {
            schema.put("description", p.path("description").asText());
          }
          queryProperties.set(name, schema);
          if (p.path("required").asBoolean()) {
            queryRequired.add(name);
          }
        }
        default -> throw new IllegalArgumentException("parameter in " + p.path("in") + " of " + id);
      }
    }
    String paramsType = null;
    if (!queryProperties.isEmpty()) {
      paramsType = JavaNames.type(id) + "Params";
      query.put("description", "The query parameters of " + id + " (" + method + " " + path + ").");
      extraModels.put(paramsType, records.record(paramsType, query, List.of(), false));
      signature.add(paramsType + " params");
    }
    String body = "null";
    String contentType = "null";
    JsonNode content = op.path("requestBody").path("content");
    if (content.has("application/json")) {
      JsonNode schema = content.path("application/json").path("schema");
      JsonNode resolved = schemas.resolve(schema);
      if (resolved.path("properties").isEmpty() && !Schemas.isUnion(resolved) && !resolved.has("allOf")) {
        body = "java.util.Map.of()"; // an empty object: the method takes nothing
      } else {
        signature.add(schemas.javaType(schema, JavaNames.type(id) + "Request", new ArrayList<>(), records) + " body");
        body = "body";
      }
      contentType = "\"application/json\"";
    } else if (content.size() > 0) {
      contentType = "\"" + content.fieldNames().next() + "\"";
      signature.add("String body");
      body = "body";
    }
    String answer = answerType(id, op);
    String auth = auth(op);
    String summary = JavaNames.doc(op.path("summary").asText(id));
    String call = "new Call(\"" + method + "\", Call.expand(\"" + path + "\"" + pathArgs.stream().map(a -> ", " + a)
        .reduce("", String::concat) + "), " + (paramsType == null ? "List.of()" : queryCall(queryProperties))
        + ", " + body + ", " + contentType + ", Auth." + auth + ", " + idempotent + ", Call.headersOf("
        + String.join(", ", headerArgs) + "), options)";
    String params = String.join(", ", signature);
    String args = signature.stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).reduce((a, b) -> a + ", " + b)
        .orElse("");
    String methodName = JavaNames.member(id);
    out.append("\n  /** ").append(summary).append(": {@code ").append(method).append(" ").append(path).append("}")
        .append(idempotent ? "; sends an Idempotency-Key, the same on every retry." : ".").append(" */\n");
    out.append("  public ").append(answer).append(" ").append(methodName).append("(").append(params)
        .append(") {\n    return ").append(methodName).append("(").append(args).append(args.isEmpty() ? "" : ", ")
        .append("RequestOptions.none());\n  }\n");
    out.append("\n  /** ").append(summary).append(", with per-call options (idempotency key, request id). */\n");
    out.append("  public ").append(answer).append(" ").append(methodName).append("(").append(params)
        .append(params.isEmpty() ? "" : ", ").append("RequestOptions options) {\n    return transport.send(")
        .append(call).append(", ").append(erasure(answer)).append(".class);\n  }\n");
    boolean optionalParams = paramsType != null && queryRequired.isEmpty();
    if (optionalParams) {
      appendWithoutParams(out, summary, answer, methodName, signature, paramsType);
    }
    if (paramsType != null && queryProperties.has("starting_after")) {
      appendAutoPaging(out, id, methodName, signature, paramsType, op, answer);
      if (optionalParams) {
        String item = out.substring(out.lastIndexOf("public Paginated<") + "public Paginated<".length(),
            out.lastIndexOf("> " + methodName + "AutoPaging("));
        appendWithoutParams(out, "Every item of " + id, "Paginated<" + item + ">", methodName + "AutoPaging",
            signature, paramsType);
      }
    }
  }

  private void appendAutoPaging(StringBuilder out, String id, String methodName, List<String> signature,
      String paramsType, JsonNode op, String answer) {
    JsonNode answerSchema = schemas.resolve(answerSchema(op));
    if (!answerSchema.path("properties").has("next_cursor")) {
      return;
    }
    JsonNode items = answerSchema.path("properties").path("data").path("items");
    // an inline item object is the nested record Data of the answer record
    String item = items.has("properties") ? answer + ".Data"
        : schemas.javaType(items, "Data", new ArrayList<>(), records);
    String params = String.join(", ", signature);
    List<String> others = signature.stream().filter(s -> !s.endsWith(" params"))
        .map(s -> s.substring(s.lastIndexOf(' ') + 1)).toList();
    String prefix = others.isEmpty() ? "" : String.join(", ", others) + ", ";
    out.append("\n  /** Every item of ").append(id).append(", page after page (each page one request, as it is read). */\n");
    out.append("  public Paginated<").append(item).append("> ").append(methodName).append("AutoPaging(").append(params)
        .append(") {\n    ").append(paramsType).append(" first = params == null ? ").append(paramsType)
        .append(".of() : params;\n    return new Paginated<>(cursor -> {\n      ").append(answer).append(" page = ")
        .append(methodName).append("(").append(prefix).append("cursor == null ? first : first.withStartingAfter(cursor));\n")
        .append("      return new Paginated.Page<>(page.data(), Boolean.TRUE.equals(page.hasMore()), page.nextCursor());\n")
        .append("    });\n  }\n");
  }

  /** The overload for a call with none of its (all optional) query parameters. */
  private static void appendWithoutParams(StringBuilder out, String summary, String answer, String methodName,
      List<String> signature, String paramsType) {
    List<String> others = signature.stream().filter(s -> !s.endsWith(" params")).toList();
    String args = String.join(", ", signature.stream().map(s -> s.endsWith(" params") ? paramsType + ".of()"
        : s.substring(s.lastIndexOf(' ') + 1)).toList());
    out.append("\n  /** ").append(summary).append(", without query parameters. */\n");
    out.append("  public ").append(answer).append(" ").append(methodName).append("(").append(String.join(", ", others))
        .append(") {\n    return ").append(methodName).append("(").append(args).append(");\n  }\n");
  }

  private static String queryCall(JsonNode properties) {
    StringBuilder out = new StringBuilder("Call.queryOf(");
    List<String> pairs = new ArrayList<>();
    properties.fieldNames().forEachRemaining(n -> pairs.add("\"" + n + "\", params." + JavaNames.member(n) + "()"));
    return out.append(String.join(", ", pairs)).append(")").toString();
  }

  private JsonNode answerSchema(JsonNode op) {
    for (var it = op.path("responses").fields(); it.hasNext(); ) {
      var response = it.next();
      if (response.getKey().startsWith("2")) {
        JsonNode content = resolveResponse(response.getValue()).path("content");
        if (content.has("application/json")) {
          return content.path("application/json").path("schema");
        }
        if (content.size() > 0) {
          return JsonNodeFactory.instance.objectNode().put("type", "string");
        }
      }
    }
    return JsonNodeFactory.instance.objectNode().put("type", "null");
  }

  private String answerType(String id, JsonNode op) {
    JsonNode schema = answerSchema(op);
    if ("null".equals(schema.path("type").asText())) {
      return "Void";
    }
    if (schema.has("properties")) {
      String name = JavaNames.type(id) + "Response";
      extraModels.put(name, records.record(name, schema, List.of(), false));
      return name;
    }
    return schemas.javaType(schema, JavaNames.type(id) + "Response", new ArrayList<>(), records);
  }

  private static String erasure(String type) {
    int generic = type.indexOf('<');
    return generic < 0 ? type : type.substring(0, generic);
  }

  private String auth(JsonNode op) {
    JsonNode security = op.has("security") ? op.path("security") : openapi.path("security");
    if (security.isEmpty()) {
      return "NONE";
    }
    return security.get(0).has("adminToken") ? "ADMIN_TOKEN" : "API_KEY";
  }

  private JsonNode resolveParameter(JsonNode p) {
    return p.has("$ref") ? openapi.at("/components/parameters/" + last(p.path("$ref").asText())) : p;
  }

  private JsonNode resolveResponse(JsonNode r) {
    return r.has("$ref") ? openapi.at("/components/responses/" + last(r.path("$ref").asText())) : r;
  }

  private static String last(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
