package dev.billpay.http;

import dev.billpay.shared.DomainException;
import dev.billpay.shared.FieldError;
import dev.billpay.shared.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Validates every API request against the OpenAPI contract (src/main/resources/openapi.yaml) before
 * it reaches a handler: parameters, headers, content type and body schema. The contract is the
 * source of truth; handlers still parse into typed requests, and their richer domain checks
 * (limits, references, bank numbers) come after. Requests for routes the contract does not know
 * pass through, so the router answers them 404 or 405.
 */
public final class ContractValidation implements Handler<RoutingContext> {
  public static final String CONTRACT = "openapi.yaml";
  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");

  /**
   * Operations whose handler reads and checks the whole request itself, at least as strictly as the
   * contract (CreatePaymentContractTest holds the parser to the schema): POST /v1/payments is the
   * busiest route, and the generic validator walked its schema a second time on a worker thread,
   * a sixth of the gateway's CPU under load and a thread hop on every payment's latency.
   */
  static final Set<String> CHECKED_BY_THEIR_HANDLER = Set.of("createPayment");

  private final OpenAPIContract contract;
  private final RequestValidator validator;
  private final RequestExtractor extractor = RequestExtractor.withBodyHandler();
  private final ContractMessages messages;

  private ContractValidation(Vertx vertx, OpenAPIContract contract) {
    this.contract = contract;
    this.messages = new ContractMessages(contract.getRawContract());
    this.validator = RequestValidator.create(vertx, new ValidatorCachingContract(contract));
  }

  public static Future<ContractValidation> load(Vertx vertx) {
    return vertx.executeBlocking(ContractValidation::readForValidation)
        .compose(json -> OpenAPIContract.from(vertx, json))
        .map(c -> new ContractValidation(vertx, c));
  }

  /**
   * The contract as the validator needs it. vertx-openapi 5.0 refuses response media types it cannot
   * validate (application/problem+json, application/yaml, text/html); only requests are validated
   * here, so those response entries are relabelled in this in-memory copy. The served document keeps
   * the true media types.
   */
  static JsonObject readForValidation() throws java.io.IOException {
    try (var in = ContractValidation.class.getClassLoader().getResourceAsStream(CONTRACT)) {
      if (in == null) {
        throw new java.io.IOException(CONTRACT + " is missing from the classpath");
      }
      JsonObject contract = (JsonObject) toJson(new Yaml(new SafeConstructor(new LoaderOptions()),
          new Representer(new DumperOptions()), new DumperOptions(), new YamlWithoutTimestamps()).load(in));
      relabelResponseMediaTypes(contract.getJsonObject("paths"));
      JsonObject components = contract.getJsonObject("components", new JsonObject());
      relabel(components.getJsonObject("responses", new JsonObject()));
      return contract;
    }
  }

  private static void relabelResponseMediaTypes(JsonObject paths) {
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        Object op = item.getValue(method);
        if (!(op instanceof JsonObject operation) || operation.getJsonObject("responses") == null) {
          continue;
        }
        relabel(operation.getJsonObject("responses"));
        dropUnvalidatedRequestTypes(operation.getJsonObject("requestBody"));
      }
    }
  }

  /**
   * Request media types vertx-openapi cannot validate (a camt statement's application/xml) are left
   * out of the copy when the operation takes another type too: such uploads are read by their own
   * handler, never by the validator.
   */
  private static void dropUnvalidatedRequestTypes(JsonObject requestBody) {
    JsonObject content = requestBody == null ? null : requestBody.getJsonObject("content");
    if (content == null) {
      return;
    }
    for (String mediaType : List.copyOf(content.fieldNames())) {
      if (mediaType.endsWith("/xml") && content.size() > 1) {
        content.remove(mediaType);
      }
    }
  }

  private static void relabel(JsonObject responses) {
    for (String status : responses.fieldNames()) {
      JsonObject content = responses.getJsonObject(status).getJsonObject("content");
      if (content == null) {
        continue;
      }
      for (String mediaType : List.copyOf(content.fieldNames())) {
        if (!mediaType.equals("application/json")) {
          Object schema = content.remove(mediaType);
          content.put(mediaType.startsWith("application/") ? "application/json" : "text/plain", schema);
        }
      }
    }
  }

  /** YAML maps may have non-string keys (response codes); JSON objects may not. */
  private static Object toJson(Object yaml) {
    if (yaml instanceof Map<?, ?> map) {
      JsonObject obj = new JsonObject();
      map.forEach((k, v) -> obj.put(String.valueOf(k), toJson(v)));
      return obj;
    }
    if (yaml instanceof List<?> list) {
      io.vertx.core.json.JsonArray arr = new io.vertx.core.json.JsonArray();
      list.forEach(v -> arr.add(toJson(v)));
      return arr;
    }
    return yaml;
  }

  /** Dates in examples stay strings, as in JSON. */
  private static final class YamlWithoutTimestamps extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operation operation = contract.findOperation(ctx.normalizedPath(), ctx.request().method());
    if (operation == null || CHECKED_BY_THEIR_HANDLER.contains(operation.getOperationId())) {
      ctx.next();
      return;
    }
    Future<?> validated;
    try {
      validated = extractor.extractValidatableRequest(ctx, operation)
          .compose(request -> validator.validate(request, operation.getOperationId()));
    } catch (RuntimeException e) {
      validated = Future.failedFuture(e);
    }
    validated.onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.next();
      } else {
        ctx.fail(toProblem(ar.cause(), operation));
      }
    });
  }

  DomainException toProblem(Throwable failure, Operation operation) {
    if (!(failure instanceof ValidatorException e)) {
      return DomainException.malformed("The request body could not be read as JSON.");
    }
    if (e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER && String.valueOf(e.getMessage())
        .contains(IdempotencyKey.HEADER)) {
      try {
        IdempotencyKey.require(null);
      } catch (DomainException missing) {
        return missing;
      }
    }
    if (e.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT) {
      return new DomainException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Send the body as Content-Type: application/json.");
    }
    Optional<Parameter> parameter = parameterOf(e, operation);
    if (parameter.isPresent()) {
      Parameter p = parameter.get();
      String message = e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER ? "is required"
          : messages.parameter(p).orElse("does not match the API contract");
      return DomainException.validation(p.getName(), message);
    }
    if (e instanceof SchemaValidationException s && s.getOutputUnit() != null) {
      List<FieldError> errors = fieldErrors(s.getOutputUnit(), operation);
      if (errors.size() == 1 && errors.get(0).field().equals("body")) {
        return DomainException.malformed("The request body must be a JSON object as the API contract describes.");
      }
      if (!errors.isEmpty()) {
        return DomainException.validation(errors);
      }
    }
    if (e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER || e.type() == ValidatorErrorType.INVALID_VALUE
        || e.type() == ValidatorErrorType.INVALID_VALUE_FORMAT) {
      return DomainException.validation(parameterName(e.getMessage()), "does not match the API contract");
    }
    return DomainException.malformed("The request does not match the API contract.");
  }

  /** The parameter a failure is about: the validator names it in its message. */
  private static Optional<Parameter> parameterOf(ValidatorException e, Operation operation) {
    String message = String.valueOf(e.getMessage());
    if (!message.toLowerCase(java.util.Locale.ROOT).contains("parameter")) {
      return Optional.empty();
    }
    return operation.getParameters().stream()
        .filter(p -> Pattern.compile("\\b" + Pattern.quote(p.getName()) + "\\b").matcher(message).find())
        .findFirst();
  }

  /** One error per offending field, said in words from the contract. */
  private List<FieldError> fieldErrors(OutputUnit root, Operation operation) {
    Map<String, String> byField = new LinkedHashMap<>();
    collect(root, byField, operation);
    List<FieldError> errors = new ArrayList<>();
    byField.forEach((field, message) -> errors.add(new FieldError(field, message)));
    return errors;
  }

  private void collect(OutputUnit unit, Map<String, String> byField, Operation operation) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(child -> collect(child, byField, operation));
      return;
    }
    String error = unit.getError();
    if (error == null) {
      return;
    }
    String location = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
    String field = location.replaceFirst("^#?/?", "").replace('/', '.');
    Matcher quoted = QUOTED.matcher(error);
    String named = quoted.find() ? quoted.group(1) : null;
    String message;
    if (error.contains("required property") && named != null) {
      field = field.isEmpty() ? named : field + "." + named;
      message = "is required";
    } else if (error.contains("additional properties") && named != null) {
      field = field.isEmpty() ? named : field;
      message = "is not a field of this request (unknown fields are refused)";
    } else {
      if (field.isEmpty()) {
        field = named != null ? named : "body";
      }
      message = messages.bodyField(operation, field).orElse(error);
    }
    byField.putIfAbsent(field, message);
  }

  private static String parameterName(String message) {
    Matcher quoted = QUOTED.matcher(String.valueOf(message));
    if (quoted.find()) {
      return quoted.group(1);
    }
    String[] words = String.valueOf(message).split(" ");
    return words[words.length - 1].replaceAll("[^A-Za-z0-9_-]", "");
  }
}
