package dev.billpay.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.payments.CreatePaymentRequest;
import dev.billpay.shared.DomainException;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/payments is not run through the contract validator (see {@link ContractValidation}): its
 * handler's parser checks the whole body itself. This holds it to that: on seeded bodies near and
 * far from valid ones, every body the contract's schema refuses, the parser refuses too.
 */
@DisplayName("The payment body parser refuses whatever the contract refuses")
class CreatePaymentContractTest {
  private static final long SEED = Long.getLong("contract.seed", System.nanoTime());
  private static Vertx vertx;
  private static RequestValidator validator;

  @BeforeAll
  static void loadContract() throws Exception {
    vertx = Vertx.vertx();
    JsonObject raw = ContractValidation.readForValidation();
    OpenAPIContract contract = OpenAPIContract.from(vertx, raw).toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
    validator = RequestValidator.create(vertx, contract);
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("2,000 generated bodies: refused by the schema implies refused by the parser")
  void parserIsAtLeastAsStrict() throws Exception {
    Random random = new Random(SEED);
    int schemaRefused = 0;
    List<String> letThrough = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      JsonObject body = mutate(valid(), random);
      boolean schemaOk = schemaAccepts(body);
      boolean parserOk = parserAccepts(body);
      if (!schemaOk) {
        schemaRefused++;
        if (parserOk) {
          letThrough.add(body.encode());
        }
      }
    }
    assertThat(letThrough).as("bodies the contract refuses but the parser takes (seed %d)", SEED).isEmpty();
    assertThat(schemaRefused).as("the generator reaches refused bodies (seed %d)", SEED).isGreaterThan(500);
  }

  @Test
  @DisplayName("the contract's own example passes both")
  void exampleAccepted() throws Exception {
    assertThat(schemaAccepts(valid())).isTrue();
    assertThat(parserAccepts(valid())).isTrue();
  }

  private static JsonObject valid() {
    return new JsonObject().put("funding_account_id", "fa_01JDQ6ZQ5V3J4W8N2K7XG9H1BC")
        .put("payee_id", "pe_01JDQ70A1B2C3D4E5F6G7H8J9K").put("amount", 12550).put("currency", "USD")
        .put("reference", "invoice-2026-11");
  }

  private static final String[] FIELDS = {"funding_account_id", "payee_id", "amount", "currency", "reference",
      "scheduled_for", "speed", "unknown"};
  private static final Object[] VALUES = {null, "", " ", "x", "USD", "usd", "US", "XXX", "JPY", "EUR", "BHD",
      "fa_01JDQ6ZQ5V3J4W8N2K7XG9H1BC", "pe_01JDQ70A1B2C3D4E5F6G7H8J9K", "fa_", "fa_short", "pe_01jdq70a1b2c3d4e5f6g7h8j9k",
      "01JDQ70A1B2C3D4E5F6G7H8J9K", "2026-12-10", "2026-02-30", "2026-1-1", "20261210", "same_day", "standard",
      "SAME_DAY", "é", "a".repeat(64), "a".repeat(65), "line\nbreak", 0, -1, 1, 12550, 1.5, 12550.0,
      Long.MAX_VALUE, 1e20, true, false, new JsonArray(), new JsonObject(), new JsonArray().add("USD")};

  /** One to three changes: set a field to a value from the pool, or remove it. */
  private static JsonObject mutate(JsonObject body, Random random) {
    int changes = 1 + random.nextInt(3);
    for (int c = 0; c < changes; c++) {
      String field = FIELDS[random.nextInt(FIELDS.length)];
      if (random.nextInt(5) == 0) {
        body.remove(field);
      } else {
        body.put(field, VALUES[random.nextInt(VALUES.length)]);
      }
    }
    return body;
  }

  private static boolean schemaAccepts(JsonObject body) throws Exception {
    var request = new ValidatableRequestImpl(Map.of(), Map.of("Idempotency-Key", new RequestParameterImpl("key-1")),
        Map.of(), Map.of(), new RequestParameterImpl(body.toBuffer()), "application/json");
    try {
      validator.validate(request, "createPayment").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException e) {
      return false;
    }
  }

  private static boolean parserAccepts(JsonObject body) {
    try {
      CreatePaymentRequest.parse(body);
      return true;
    } catch (DomainException e) {
      return false;
    }
  }
}
