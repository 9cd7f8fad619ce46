package dev.billpay.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.billpay.accounts.FundingAccountsHandler;
import dev.billpay.clients.AdminHandler;
import dev.billpay.health.HealthHandler;
import dev.billpay.history.AccountHistoryHandler;
import dev.billpay.history.PaymentEventsHandler;
import dev.billpay.http.ApiDocsHandler;
import dev.billpay.payees.PayeesHandler;
import dev.billpay.payments.PaymentsHandler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI contract (src/main/resources/openapi.yaml) and the routes the code registers must list the same
 * operations. The routes are mounted exactly as HttpApiVerticle mounts them, through {@link ApiRoutes}, with null
 * services: handlers only register routes in mount() and use their services per request.
 */
@DisplayName("The OpenAPI contract")
class ContractRoutesTest {
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  /** The POSTs that create or move money: each must require an Idempotency-Key. */
  private static final List<String> IDEMPOTENT_POSTS =
      List.of("createPayment", "cancelPayment", "createFundingAccount", "createPayee", "createExpectedPayment",
          "archiveExpectedPayment");

  private static JsonNode contract;

  @BeforeAll
  static void readContract() throws IOException {
    try (InputStream in = ContractRoutesTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      assertThat(in).as("openapi.yaml on the classpath").isNotNull();
      contract = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  @DisplayName("lists exactly the method and path of every route the gateway registers")
  void routesMatchContract() {
    Set<String> inCode = registeredRoutes();
    Set<String> inContract = new TreeSet<>(operations().keySet());

    Set<String> missingFromContract = new TreeSet<>(inCode);
    missingFromContract.removeAll(inContract);
    Set<String> missingFromCode = new TreeSet<>(inContract);
    missingFromCode.removeAll(inCode);

    assertThat(inCode).as("routes registered by the code").isNotEmpty();
    assertThat(inContract)
        .as("in code but not in the contract: %s; in the contract but not in code: %s",
            missingFromContract, missingFromCode)
        .isEqualTo(inCode);
  }

  @Test
  @DisplayName("gives every operation a unique operationId and requires an Idempotency-Key on every POST that"
      + " creates or moves money")
  void operationIdsAndIdempotencyKeys() {
    Map<String, JsonNode> operations = operations();
    Map<String, List<String>> byOperationId = new HashMap<>();
    List<String> withoutId = new ArrayList<>();
    operations.forEach((operation, node) -> {
      String id = node.path("operationId").asText("");
      if (id.isBlank()) {
        withoutId.add(operation);
      } else {
        byOperationId.computeIfAbsent(id, k -> new ArrayList<>()).add(operation);
      }
    });
    assertThat(withoutId).as("operations without an operationId").isEmpty();
    assertThat(byOperationId).as("operationIds used by more than one operation")
        .allSatisfy((id, ops) -> assertThat(ops).as(id).hasSize(1));

    for (String operationId : IDEMPOTENT_POSTS) {
      List<String> ops = byOperationId.getOrDefault(operationId, List.of());
      assertThat(ops).as("operation %s", operationId).hasSize(1);
      String operation = ops.get(0);
      assertThat(operation).as(operationId).startsWith("POST /v1/");
      String path = operation.substring("POST ".length());
      JsonNode idempotencyKey = headerParameter(path, operations.get(operation), "Idempotency-Key");
      assertThat(idempotencyKey).as("%s (%s) declares the Idempotency-Key header", operationId, operation)
          .isNotNull();
      assertThat(idempotencyKey.path("required").asBoolean(false))
          .as("%s (%s) requires the Idempotency-Key header", operationId, operation).isTrue();
    }
  }

  @Test
  @DisplayName("is an OpenAPI 3.1 document")
  void isOpenApi31() {
    assertThat(contract.path("openapi").asText("")).startsWith("3.1");
  }

  /**
   * "METHOD /path" of every route with an exact path and at least one method, ":id" written "{id}". Prefix
   * ("/x/*") and pure regex routes are skipped: the method-less handlers on "/v1/*" and "/admin/v1/*" (auth, bodies) and the
   * static Swagger UI files under /docs/assets/, which are not API operations.
   */
  private static Set<String> registeredRoutes() {
    Vertx vertx = Vertx.vertx();
    try {
      Router router = Router.router(vertx);
      ApiRoutes routes = new ApiRoutes(
          new HealthHandler(null, null, null),
          new dev.billpay.observability.MetricsHandler(null),
          new ApiDocsHandler(),
          new AdminHandler(null, "", new dev.billpay.clients.KeyRevocations()),
          new dev.billpay.history.HistoryRebuildHandler(null),
          new dev.billpay.banking.RoutingDirectoryHandler(null),
          new PaymentsHandler(null),
          new PaymentEventsHandler(null, null),
          new AccountHistoryHandler(null, null, null),
          new FundingAccountsHandler(null, null),
          new PayeesHandler(null),
          new dev.billpay.webhooks.WebhooksHandler(null),
          new dev.billpay.plans.PlansHandler(null),
          new dev.billpay.clearing.ClearingFilesHandler(null, null, null, null),
          new dev.billpay.reconciliation.BankFilesHandler(null, null, null, 0, null),
          new dev.billpay.expectedpayments.ExpectedPaymentsHandler(null),
          new dev.billpay.banknotifications.BankNotificationsHandler(null, null, 0));
      routes.mountPublic(router);
      routes.mountAdmin(router, ctx -> ctx.next());
      routes.mountOperator(router, ctx -> ctx.next(), ctx -> ctx.next());
      routes.mountV1(router);

      Set<String> found = new TreeSet<>();
      for (Route route : router.getRoutes()) {
        Set<HttpMethod> methods = route.methods();
        // a path with ":id" is matched by a regex internally but keeps its path; a pure regex route has none
        if (route.getPath() == null || !route.isExactPath() || methods == null || methods.isEmpty()) {
          continue;
        }
        String path = route.getPath().replaceAll(":([A-Za-z_][A-Za-z0-9_]*)", "{$1}");
        methods.forEach(m -> found.add(m.name().toUpperCase(Locale.ROOT) + " " + path));
      }
      return found;
    } finally {
      vertx.close().await();
    }
  }

  /** "METHOD /path" to the operation object, for every operation in the contract. */
  private static Map<String, JsonNode> operations() {
    Map<String, JsonNode> operations = new HashMap<>();
    contract.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (HTTP_METHODS.contains(op.getKey())) {
        operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
      }
    }));
    return operations;
  }

  /** The header parameter of that name on the operation or its path item ($refs resolved), or null. */
  private static JsonNode headerParameter(String path, JsonNode operation, String name) {
    List<JsonNode> parameters = new ArrayList<>();
    operation.path("parameters").forEach(parameters::add);
    contract.path("paths").path(path).path("parameters").forEach(parameters::add);
    for (JsonNode parameter : parameters) {
      JsonNode p = resolve(parameter);
      if ("header".equals(p.path("in").asText()) && name.equalsIgnoreCase(p.path("name").asText())) {
        return p;
      }
    }
    return null;
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
      String ref = current.get("$ref").asText();
      assertThat(ref).as("local $ref").startsWith("#/");
      current = contract.at(ref.substring(1));
      assertThat(current.isMissingNode()).as("$ref %s resolves", ref).isFalse();
    }
    return current;
  }
}
