package dev.billpay.banking;

import static dev.billpay.banking.fedach.FedAchRecords.participant;
import static dev.billpay.banking.fedach.FedAchRecords.replaced;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.banking.fedach.FedAchField;
import dev.billpay.banking.fedach.FedAchRecords;
import dev.billpay.testing.Api;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.SharedStack;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Bank validation against the FedACH participant directory, reloaded without a restart")
class RoutingDirectoryIT {
  private static final String CHASE = "021000021";
  private static final String BANK_OF_AMERICA = "026009593";
  private static final String GULF = "063100992";
  private static final String COASTAL = "063100277";
  private static final List<Map<FedAchField, String>> BASE = List.of(participant(CHASE, "JPMORGAN CHASE BANK, NA"),
      participant(COASTAL, "EXAMPLE COASTAL SAVINGS"), replaced(GULF, "EXAMPLE GULF SAVINGS", COASTAL));
  private static final Path FILE = write(temporaryFile(), FedAchRecords.fixedWidth(BASE));

  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(
      Map.of("BILLPAY_BANKING_ROUTING_DIRECTORY", FILE.toString()));
  private static final Api api = new Api();

  @Test
  @DisplayName("an account at a bank the directory does not list is refused with 422 routing-number-not-ach-participant")
  void notAParticipant() {
    useDirectory(FedAchRecords.fixedWidth(BASE));

    Api.Response refused = createAccount(BANK_OF_AMERICA, "948372615024");
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(refused.json().getString("type")).endsWith("/routing-number-not-ach-participant");
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getMap()).containsEntry("field", "routing_number")
        .containsEntry("code", "routing_number.not_ach_participant");

    Api.Response withTypo = createAccount(BANK_OF_AMERICA, "12-34");
    assertThat(withTypo.json().getString("type")).as("with other problems, every one is listed")
        .endsWith("/bank-account-invalid");
    assertThat(codes(withTypo.json())).containsExactly("routing_number.not_ach_participant", "account_number.format");

    assertThat(createAccount(CHASE, "948372615024").status()).isEqualTo(201);
  }

  @Test
  @DisplayName("a replaced routing number is refused with the new one as the suggestion, in the 422 and in a validation")
  void replacedNumberSuggested() {
    useDirectory(FedAchRecords.fixedWidth(BASE));

    Api.Response refused = createAccount(GULF, "948372615024");
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().getString("type")).endsWith("/bank-account-invalid");
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getMap())
        .containsEntry("field", "routing_number").containsEntry("code", "routing_number.replaced")
        .containsEntry("suggestion", COASTAL)
        .containsEntry("message", "was replaced by " + COASTAL + " (EXAMPLE COASTAL SAVINGS); use the new routing number");

    JsonObject validation = validate(GULF);
    assertThat(validation.getBoolean("valid")).isFalse();
    assertThat(validation.getString("bank_name")).isEqualTo("EXAMPLE GULF SAVINGS");
    assertThat(validation.getJsonArray("problems").getJsonObject(0).getString("suggestion")).isEqualTo(COASTAL);
    JsonObject suggested = validate(COASTAL);
    assertThat(suggested.getBoolean("valid")).isTrue();
    assertThat(suggested.getString("bank_name")).isEqualTo("EXAMPLE COASTAL SAVINGS");
  }

  @Test
  @DisplayName("a reload swaps in a new file at once, JSON or fixed width; a malformed one is refused by line and changes nothing")
  void reload() {
    useDirectory(FedAchRecords.fixedWidth(BASE));
    assertThat(createAccount(BANK_OF_AMERICA, "948372615024").status()).isEqualTo(422);

    List<Map<FedAchField, String>> withBofa = new ArrayList<>(BASE);
    withBofa.add(participant(BANK_OF_AMERICA, "BANK OF AMERICA, N.A."));
    JsonObject json = useDirectory(FedAchRecords.json(withBofa));
    assertThat(json.getString("format")).isEqualTo("fedach_json");
    assertThat(json.getInteger("participants")).isEqualTo(4);
    assertThat(json.getInteger("replaced")).isEqualTo(1);
    assertThat(json.getString("file")).isEqualTo(FILE.toString());
    assertThat(createAccount(BANK_OF_AMERICA, "948372615024").status()).isEqualTo(201);

    write(FILE, FedAchRecords.fixedWidth(BASE) + "02600959 BANK OF AMERICA\n");
    Api.Response refused = reloadRequest(SharedStack.ADMIN_TOKEN);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().getString("type")).endsWith("/routing-directory-invalid");
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getMap()).containsEntry("field", "line 4")
        .containsEntry("message", "is 24 characters long; a FedACH record is 155");
    assertThat(api.get(SharedStack.ADMIN_TOKEN, "/admin/v1/routing-directory").json().getMap())
        .containsEntry("format", "fedach_json").containsEntry("participants", 4);
    assertThat(createAccount(BANK_OF_AMERICA, "948372615024").status()).as("the old directory is still in use")
        .isEqualTo(201);

    // a directory the size of the Fed's (tens of thousands of records) is read off the event loop
    JsonObject large = useDirectory(FedAchRecords.fixedWidth(largeDirectory(30_000)));
    assertThat(large.getString("format")).isEqualTo("fedach_fixed_width");
    assertThat(large.getInteger("participants")).isEqualTo(30_000 + BASE.size());
    assertThat(createAccount(BANK_OF_AMERICA, "948372615024").status()).isEqualTo(422);
  }

  @Test
  @DisplayName("a payment from an account whose bank has left the directory since is refused with 422, and accepted once it is back")
  void paymentAfterTheBankLeft() {
    List<Map<FedAchField, String>> withBofa = new ArrayList<>(BASE);
    withBofa.add(participant(BANK_OF_AMERICA, "BANK OF AMERICA, N.A."));
    useDirectory(FedAchRecords.fixedWidth(withBofa));
    Api.Response account = createAccount(BANK_OF_AMERICA, "948372615024");
    assertThat(account.status()).as(account.body()).isEqualTo(201);
    JsonObject payment = Api.paymentBody(1_250).put("funding_account_id", account.json().getString("id"));

    useDirectory(FedAchRecords.fixedWidth(BASE));
    Api.Response refused = api.postPayment(Api.DEV_KEY, "pay-" + UUID.randomUUID(), payment);
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.json().getString("type")).endsWith("/routing-number-not-ach-participant");
    assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getMap())
        .containsEntry("field", "funding_account_id").containsEntry("code", "routing_number.not_ach_participant");

    useDirectory(FedAchRecords.fixedWidth(withBofa));
    Api.Response accepted = api.postPayment(Api.DEV_KEY, "pay-" + UUID.randomUUID(), payment);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
  }

  @Test
  @DisplayName("only the admin token may read or reload the directory")
  void adminOnly() {
    assertThat(reloadRequest(Api.DEV_KEY).status()).isEqualTo(401);
    assertThat(reloadRequest(null).status()).isEqualTo(401);
    assertThat(api.get(Api.DEV_KEY, "/admin/v1/routing-directory").status()).isEqualTo(401);
  }

  private static JsonObject useDirectory(String content) {
    write(FILE, content);
    Api.Response reloaded = reloadRequest(SharedStack.ADMIN_TOKEN);
    assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
    return reloaded.json();
  }

  private static Api.Response reloadRequest(String token) {
    return api.send("POST", "/admin/v1/routing-directory/reload", token, null, null);
  }

  private static Api.Response createAccount(String routingNumber, String accountNumber) {
    return api.post(Api.DEV_KEY, "/v1/funding-accounts",
        Fixtures.usAccount(accountNumber).put("routing_number", routingNumber));
  }

  private static JsonObject validate(String routingNumber) {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/bank-account-validations", new JsonObject()
        .put("type", "us_bank_account").put("routing_number", routingNumber).put("account_number", "948372615024")
        .put("account_type", "checking"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> codes(JsonObject problem) {
    return problem.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("code")).toList();
  }

  /** The base records and {@code size} more, at made-up but well-formed numbers (prefix 07, then 08). */
  private static List<Map<FedAchField, String>> largeDirectory(int size) {
    List<Map<FedAchField, String>> records = new ArrayList<>(BASE);
    for (int i = 0; i < size; i++) {
      String eight = String.format("%08d", 70_000_000 + i);
      records.add(participant(eight + checkDigit(eight), "EXAMPLE BANK " + i));
    }
    return records;
  }

  private static int checkDigit(String eight) {
    int[] weights = {3, 7, 1, 3, 7, 1, 3, 7};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += weights[i] * (eight.charAt(i) - '0');
    }
    return (10 - sum % 10) % 10;
  }

  private static Path temporaryFile() {
    try {
      Path file = Files.createTempFile("FedACHdir", ".txt");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, String content) {
    try {
      // written beside and moved over, as an operator should, so a reload never reads half a file
      Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
      return Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
