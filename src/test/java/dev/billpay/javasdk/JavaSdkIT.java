package dev.billpay.javasdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.billpay.sdk.BillpayClient;
import dev.billpay.sdk.ClientProblemException;
import dev.billpay.sdk.RequestOptions;
import dev.billpay.sdk.RetryAttempt;
import dev.billpay.sdk.RetryPolicy;
import dev.billpay.sdk.model.AdminCreateClientRequest;
import dev.billpay.sdk.model.AdminCreateKeyRequest;
import dev.billpay.sdk.model.CreatePayeeRequest;
import dev.billpay.sdk.model.CreatePaymentRequest;
import dev.billpay.sdk.model.CreateUsBankAccountRequest;
import dev.billpay.sdk.model.CreateWebhookEndpointRequest;
import dev.billpay.sdk.model.FundingAccount;
import dev.billpay.sdk.model.ListPaymentsParams;
import dev.billpay.sdk.model.Payee;
import dev.billpay.sdk.model.Payment;
import dev.billpay.sdk.model.PaymentStatus;
import dev.billpay.sdk.model.UsBankFundingAccount;
import dev.billpay.sdk.model.WebhookEndpointWithSecret;
import dev.billpay.sdk.problems.DependencyUnavailableException;
import dev.billpay.sdk.problems.IllegalTransitionException;
import dev.billpay.sdk.problems.NotFoundException;
import dev.billpay.sdk.problems.UnknownReferenceException;
import dev.billpay.sdk.problems.ValidationException;
import dev.billpay.sdk.webhooks.WebhookEvent;
import dev.billpay.sdk.webhooks.WebhookVerificationException;
import dev.billpay.sdk.webhooks.WebhookVerifier;
import dev.billpay.testing.GatewayExtension;
import dev.billpay.testing.SharedStack;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Java SDK against the real gateway on the shared embedded stack, over real connections. */
@DisplayName("The Java SDK against the gateway")
class JavaSdkIT {
  @RegisterExtension
  static final GatewayExtension gateway = GatewayExtension.withDefaults();
  static final String BASE = "http://127.0.0.1:" + SharedStack.HTTP_PORT;

  /** A new API client of the gateway with its own key, made through the SDK's admin operations. */
  static String newClientKey(String name) {
    BillpayClient admin = BillpayClient.builder().baseUrl(BASE).adminToken(SharedStack.ADMIN_TOKEN).build();
    String client = admin.adminCreateClient(AdminCreateClientRequest.of(name)).id();
    return admin.adminCreateKey(client, AdminCreateKeyRequest.of()).key();
  }

  record Fixture(BillpayClient client, String apiKey, String fundingAccount, String payee) {}

  static Fixture fixture(String name, List<RetryAttempt> retries, RetryPolicy policy) {
    String key = newClientKey(name);
    BillpayClient client = BillpayClient.builder().baseUrl(BASE).apiKey(key).retryPolicy(policy)
        .onRetry(retries::add).build();
    FundingAccount fa = client.createFundingAccount(
        CreateUsBankAccountRequest.of("Jane Doe", "021000021", "000123456789", "checking"));
    Payee payee = client.createPayee(CreatePayeeRequest.of("City Power & Light", "blr_citypower", "5500000012345678"));
    return new Fixture(client, key, fa.id(), payee.id());
  }

  static Fixture fixture(String name) {
    return fixture(name, new CopyOnWriteArrayList<>(), RetryPolicy.defaults());
  }

  @Test
  @DisplayName("creates a funding account, a payee and payments, reads them back typed, and cancels a scheduled one")
  void createsAndReads() {
    Fixture f = fixture("sdk-basics");
    FundingAccount fa = f.client().getFundingAccount(f.fundingAccount());
    assertThat(fa).isInstanceOfSatisfying(UsBankFundingAccount.class, us -> {
      assertThat(us.accountNumberLast4()).isEqualTo("6789");
      assertThat(us.routingNumber()).isEqualTo("021000021");
    });

    Payment now = f.client().createPayment(CreatePaymentRequest.of(f.fundingAccount(), f.payee(), 12550L, "USD")
        .withReference("sdk-" + UUID.randomUUID()));
    assertThat(now.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(now.amount()).isEqualTo(12550L);
    assertThat(f.client().getPayment(now.id())).isEqualTo(now);

    String nextWeek = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
    Payment later = f.client().createPayment(CreatePaymentRequest.of(f.fundingAccount(), f.payee(), 4200L, "USD")
        .withScheduledFor(nextWeek));
    assertThat(later.status()).isEqualTo(PaymentStatus.SCHEDULED);
    assertThat(f.client().listPayments(ListPaymentsParams.of().withStatus(PaymentStatus.SCHEDULED)).data())
        .extracting(Payment::id).containsExactly(later.id());

    assertThat(f.client().cancelPayment(later.id()).status()).isEqualTo(PaymentStatus.CANCELED);
    assertThatThrownBy(() -> f.client().cancelPayment(later.id())).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  @DisplayName("a payment whose answer is lost with the connection is retried with the same key: one payment, the answer replayed")
  void replayAfterDroppedConnection() throws Exception {
    List<RetryAttempt> retries = new CopyOnWriteArrayList<>();
    Fixture f = fixture("sdk-dropped", retries, RetryPolicy.defaults());
    try (DroppingProxy proxy = new DroppingProxy(SharedStack.HTTP_PORT, 1)) {
      BillpayClient viaProxy = BillpayClient.builder().baseUrl(proxy.url()).apiKey(f.apiKey()).onRetry(retries::add)
          .build();

      Payment paid = viaProxy.createPayment(CreatePaymentRequest.of(f.fundingAccount(), f.payee(), 990L, "USD"));

      assertThat(proxy.exchanges).hasSize(2);
      DroppingProxy.Exchange lost = proxy.exchanges.get(0);
      DroppingProxy.Exchange replayed = proxy.exchanges.get(1);
      assertThat(lost.dropped()).isTrue();
      assertThat(lost.answerHead()).as("the gateway did create it the first time").startsWith("HTTP/1.1 201");
      assertThat(replayed.requestHeader("Idempotency-Key")).isNotBlank()
          .isEqualTo(lost.requestHeader("Idempotency-Key"));
      assertThat(replayed.answerHeader("Idempotent-Replayed")).isEqualTo("true");
      assertThat(retries).singleElement().satisfies(r -> {
        assertThat(r.status()).as("no answer").isZero();
        assertThat(r.idempotencyKey()).isEqualTo(lost.requestHeader("Idempotency-Key"));
      });
      assertThat(f.client().listPayments().data()).extracting(Payment::id).containsExactly(paid.id());
    }
  }

  @Test
  @DisplayName("auto-paging reads every one of 250 payments exactly once, a page of 100 at a time")
  void paginates() throws Exception {
    Fixture f = fixture("sdk-paging");
    // created by a few threads at once: 250 one after the other would add seconds to every build
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<String> created;
    try {
      List<Future<String>> ids = new ArrayList<>();
      for (int i = 0; i < 250; i++) {
        long amount = 100L + i;
        ids.add(pool.submit(() -> f.client().createPayment(
            CreatePaymentRequest.of(f.fundingAccount(), f.payee(), amount, "USD")).id()));
      }
      created = new ArrayList<>();
      for (Future<String> id : ids) {
        created.add(id.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    List<Payment> read = f.client().listPaymentsAutoPaging(ListPaymentsParams.of().withLimit(100L)).stream().toList();
    assertThat(read).extracting(Payment::id).hasSize(250).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(created);
    assertThat(f.client().listPayments(ListPaymentsParams.of().withLimit(100L)).hasMore()).isTrue();
  }

  @Test
  @DisplayName("problems are thrown as their type's exception with errors[], status, type and the request id")
  void problems() {
    Fixture f = fixture("sdk-problems");
    String requestId = "sdk-it-" + UUID.randomUUID().toString().substring(0, 8);
    assertThatThrownBy(() -> f.client().createPayment(CreatePaymentRequest.of(f.fundingAccount(), f.payee(), -5L, "usd"),
        RequestOptions.none().withRequestId(requestId))).isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.type()).isEqualTo("https://billpay-gateway.dev/problems/validation");
          assertThat(e.requestId()).isEqualTo(requestId);
          assertThat(e.problem().instance()).isEqualTo(requestId);
          assertThat(e.errors()).extracting(err -> err.field()).contains("amount", "currency");
          assertThat(e.attempts()).isEqualTo(1);
        });
    assertThatThrownBy(() -> f.client().createPayment(CreatePaymentRequest.of("fa_00000000000000000000000000",
        f.payee(), 100L, "USD"))).isInstanceOf(UnknownReferenceException.class)
        .isInstanceOf(ClientProblemException.class);
    assertThatThrownBy(() -> f.client().getPayment("pay_00000000000000000000000000"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.requestId()).startsWith("req_"));
  }

  @Test
  @DisplayName("a real delivery from the gateway to a local receiver verifies, and parses into the payment it is about")
  void webhookDelivery() throws Exception {
    Fixture f = fixture("sdk-webhooks");
    LinkedBlockingQueue<Map.Entry<Map<String, List<String>>, String>> received = new LinkedBlockingQueue<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hooks", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(Map.entry(Map.copyOf(exchange.getRequestHeaders()), body));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    try {
      WebhookEndpointWithSecret endpoint = f.client().createWebhookEndpoint(CreateWebhookEndpointRequest.of(
          "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", List.of("billpay.payment.created")));
      Payment paid = f.client().createPayment(CreatePaymentRequest.of(f.fundingAccount(), f.payee(), 990L, "USD"));

      var delivery = received.poll(30, TimeUnit.SECONDS);
      assertThat(delivery).as("a delivery within 30 s").isNotNull();
      WebhookVerifier verifier = new WebhookVerifier(endpoint.secret());
      WebhookEvent event = verifier.verify(delivery.getKey(), delivery.getValue());
      assertThat(event.type()).isEqualTo("billpay.payment.created");
      assertThat(event.payment()).hasValueSatisfying(p -> {
        assertThat(p.id()).isEqualTo(paid.id());
        assertThat(p.amount()).isEqualTo(990L);
      });
      assertThat(event.resource()).isInstanceOf(Payment.class);

      assertThatThrownBy(() -> verifier.verify(delivery.getKey(), delivery.getValue().replace("990", "991")))
          .isInstanceOf(WebhookVerificationException.class);
      assertThat(new WebhookVerifier(f.client().rotateWebhookSecret(endpoint.id()).secret())
          .isValid(delivery.getKey(), delivery.getValue())).as("a rotated secret did not sign the old delivery")
          .isFalse();
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  @DisplayName("while PostgreSQL is stopped a payment gets 503s that are retried with the same key until it is back: one payment")
  void dependencyDown() throws Exception {
    List<RetryAttempt> retries = new CopyOnWriteArrayList<>();
    Fixture f = fixture("sdk-outage", retries,
        new RetryPolicy(40, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(30)));
    CreatePaymentRequest body = CreatePaymentRequest.of(f.fundingAccount(), f.payee(), 777L, "USD")
        .withReference("sdk-outage-" + UUID.randomUUID());
    BillpayClient once = BillpayClient.builder().baseUrl(BASE).apiKey(f.apiKey()).maxAttempts(2).build();
    var postgres = SharedStack.stack().postgres();
    postgres.stop();
    Thread restart = new Thread(() -> {
      try {
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        postgres.start();
      } catch (Exception e) {
        throw new IllegalStateException("PostgreSQL did not start again", e);
      }
    }, "sdk-it-postgres-restart");
    try {
      assertThatThrownBy(() -> once.createPayment(body)).isInstanceOfSatisfying(DependencyUnavailableException.class,
          e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.attempts()).isEqualTo(2);
          });
      restart.start();
      Payment paid = f.client().createPayment(body);
      assertThat(paid.reference()).isEqualTo(body.reference());
      assertThat(retries).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isIn(0, 503));
      assertThat(retries).extracting(RetryAttempt::status).contains(503);
      assertThat(new HashSet<>(retries.stream().map(RetryAttempt::idempotencyKey).toList())).hasSize(1);
      Set<String> withReference = new HashSet<>();
      f.client().listPaymentsAutoPaging().forEach(p -> {
        if (body.reference().equals(p.reference())) {
          withReference.add(p.id());
        }
      });
      assertThat(withReference).containsExactly(paid.id());
    } finally {
      restart.join(60_000);
      if (restart.getState() == Thread.State.NEW) {
        postgres.start();
      }
    }
  }
}
