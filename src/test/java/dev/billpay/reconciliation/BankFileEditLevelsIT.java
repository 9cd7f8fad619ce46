package dev.billpay.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billpay.clearing.nacha.NachaFile;
import dev.billpay.clearing.nacha.NachaReader;
import dev.billpay.clearing.nacha.NachaWriter;
import dev.billpay.clearing.nacha.ReturnFileBuilder;
import dev.billpay.testing.Api;
import dev.billpay.testing.Eventually;
import dev.billpay.testing.Fixtures;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.Probes;
import dev.billpay.testing.SharedStack;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Bank files as real banks send them: edit levels, other SEC codes, forward files refused")
class BankFileEditLevelsIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.with(Map.of());
  private static final Api api = new Api();
  private static final String OPERATOR = SharedStack.ADMIN_TOKEN;

  @Test
  @DisplayName("our WEB returns beside a POS return batch and a differently justified company id are applied, the"
      + " rest recorded as exceptions; the same file again changes nothing; our own clearing file gets a 422")
  void acceptance() throws Exception {
    String account = Fixtures.createFundingAccount(Api.DEV_KEY, "000777" + (System.nanoTime() % 1_000_000));
    String payee = Fixtures.devPayee();
    String first = payment(account, payee, 4321);
    String second = payment(account, payee, 8765);
    Api.Response run = api.send("POST", "/v1/clearing-runs", OPERATOR, "application/json", "{}");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    JsonObject p1 = api.get(Api.DEV_KEY, "/v1/payments/" + first).json();
    JsonObject p2 = api.get(Api.DEV_KEY, "/v1/payments/" + second).json();
    assertThat(p2.getString("clearing_file_id")).isEqualTo(p1.getString("clearing_file_id"));
    String clearing = api.get(OPERATOR, "/v1/clearing-files/" + p1.getString("clearing_file_id") + "/content").body();

    Api.Response forward = upload(clearing);
    assertThat(forward.status()).as(forward.body()).isEqualTo(422);
    assertThat(forward.header("Content-Type")).startsWith("application/problem+json");
    assertThat(forward.json().getString("type")).endsWith("/bank-file-not-a-return");
    assertThat(forward.json().getString("detail")).contains("an origination file: ").contains(" WEB debit entr")
        .contains("no return or NOC addenda");

    String text = mixedFile(clearing, p1.getString("trace_number"), p2.getString("trace_number"));
    Api.Response imported = upload(text);
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    JsonObject summary = imported.json().getJsonObject("summary");
    assertThat(summary.getInteger("returned")).isEqualTo(2);
    assertThat(summary.getInteger("batches_applied")).isEqualTo(2);
    assertThat(summary.getInteger("batches_set_aside")).isEqualTo(1);
    assertThat(summary.getJsonArray("set_aside").getJsonObject(0).getString("sec_code")).isEqualTo("CTX");
    JsonArray lines = summary.getJsonArray("exception_lines");
    assertThat(lines.stream().map(JsonObject.class::cast).map(e -> e.getString("reason")))
        .containsExactlyInAnyOrder("unknown_trace", "batch_set_aside");
    JsonObject batchAside = lines.stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("reason").equals("batch_set_aside")).findFirst().orElseThrow();
    assertThat(batchAside.getInteger("last_line")).isEqualTo(batchAside.getInteger("line") + 3);
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + first).json().getString("status")).isEqualTo("returned");
    assertThat(api.get(Api.DEV_KEY, "/v1/payments/" + second).json().getString("status")).isEqualTo("returned");
    String fileId = imported.json().getString("id");
    assertThat(api.get(OPERATOR, "/v1/bank-files/" + fileId).json().getJsonObject("summary")).isEqualTo(summary);
    assertThat(Probes.pgLong("SELECT count(*) FROM bank_files WHERE id = ? AND length(content) = ?", fileId,
        text.length())).as("the file is kept as received").isEqualTo(1);

    Api.Response again = upload(text);
    assertThat(again.status()).as("the same file again changes nothing").isEqualTo(200);
    assertThat(again.json().getString("id")).isEqualTo(fileId);
    assertThat(Probes.pgLong("SELECT count(*) FROM reconciliation_exceptions WHERE bank_file_id = ?", fileId))
        .isEqualTo(2);
  }

  @Test
  @DisplayName("a dishonored return, then a contested one, show on the payment and in its events; its status stays")
  void dishonoredAndContestedReturnsShowOnThePayment() throws Exception {
    String account = Fixtures.createFundingAccount(Api.DEV_KEY, "000778" + (System.nanoTime() % 1_000_000));
    String id = payment(account, Fixtures.devPayee(), 1234);
    Api.Response run = api.send("POST", "/v1/clearing-runs", OPERATOR, "application/json", "{}");
    assertThat(run.status()).as(run.body()).isEqualTo(200);
    JsonObject submitted = api.get(Api.DEV_KEY, "/v1/payments/" + id).json();
    assertThat(submitted.getValue("return_dispute")).isNull();
    NachaFile ours = NachaReader.read(new StringReader(api.get(OPERATOR, "/v1/clearing-files/"
        + submitted.getString("clearing_file_id") + "/content").body())).orElseThrow();
    String trace = submitted.getString("trace_number");

    Api.Response dishonored = upload(NachaWriter.write(new ReturnFileBuilder(ours).returnEntry(trace, "R69")
        .build(LocalDateTime.now(), 'C')));
    assertThat(dishonored.status()).as(dishonored.body()).isEqualTo(201);
    JsonObject afterDishonor = api.get(Api.DEV_KEY, "/v1/payments/" + id).json();
    assertThat(afterDishonor.getString("status")).isEqualTo(submitted.getString("status"));
    assertThat(afterDishonor.getJsonObject("return_dispute").getString("kind")).isEqualTo("dishonored");
    assertThat(afterDishonor.getJsonObject("return_dispute").getString("code")).isEqualTo("R69");

    Api.Response contested = upload(NachaWriter.write(new ReturnFileBuilder(ours).returnEntry(trace, "R71")
        .build(LocalDateTime.now(), 'D')));
    assertThat(contested.status()).as(contested.body()).isEqualTo(201);
    JsonObject afterContest = api.get(Api.DEV_KEY, "/v1/payments/" + id).json();
    assertThat(afterContest.getString("status")).isEqualTo(submitted.getString("status"));
    assertThat(afterContest.getJsonObject("return_dispute").getString("kind")).isEqualTo("contested");
    assertThat(afterContest.getJsonObject("return_dispute").getString("code")).isEqualTo("R71");
    Eventually.await(Duration.ofSeconds(30), "both disputes in the payment's events", () -> api.get(Api.DEV_KEY,
        "/v1/payments/" + id + "/events").json().getJsonArray("data").stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("type").equals("billpay.payment.return_disputed")).count() == 2);
  }

  /**
   * The bank's file: our two WEB returns with the batch header's company id left-justified and the control's
   * right-justified, a POS return batch for a trace no payment has (dated 000000), and a CTX batch whose entry hash
   * does not add up.
   */
  private static String mixedFile(String clearing, String trace1, String trace2) throws Exception {
    NachaFile ours = NachaReader.read(new StringReader(clearing)).orElseThrow();
    String returns = NachaWriter.write(new ReturnFileBuilder(ours).returnEntry(trace1, "R01")
        .returnEntry(trace2, "R08").build(LocalDateTime.now(), 'B'));
    List<String> records = new ArrayList<>(NachaRecords.withoutFileControl(returns));
    int batches = 0;
    for (int i = 0; i < records.size(); i++) {
      String r = records.get(i);
      if (r.startsWith("5")) {
        batches++;
        records.set(i, NachaRecords.put(r, 41, "123456789 "));
      } else if (r.startsWith("8")) {
        records.set(i, NachaRecords.put(r, 45, " 123456789"));
      }
    }
    records.addAll(NachaRecords.returnBatch("POS", batches + 1, "011000019999999", 2500, false));
    List<String> ctx = new ArrayList<>(NachaRecords.returnBatch("CTX", batches + 2, "011000019999998", 990, true));
    records.addAll(ctx);
    return NachaRecords.close(records);
  }

  private static Api.Response upload(String content) {
    return api.send("POST", "/v1/bank-files", OPERATOR, "text/plain", content);
  }

  private static String payment(String fundingAccount, String payee, long amount) {
    Api.Response r = api.post(Api.DEV_KEY, "/v1/payments", new JsonObject().put("funding_account_id", fundingAccount)
        .put("payee_id", payee).put("amount", amount).put("currency", "USD"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getString("id");
  }
}
