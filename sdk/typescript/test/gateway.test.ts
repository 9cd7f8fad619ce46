// The SDK against the real embedded gateway (PostgreSQL, Kafka, Cassandra), started by TypeScriptSdkIT.
import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, test } from "node:test";
import {
  BillpayClient,
  BillpayProblem,
  DependencyUnavailableProblem,
  IdempotencyKeyReusedProblem,
  NotFoundProblem,
  RateLimitedProblem,
  ValidationProblem,
  WebhookVerificationError,
  verifyWebhook,
  type Payment,
  type RetryInfo,
} from "../src/index.js";
import { control, env, eventually, newClient, paymentBody } from "./support.js";

describe("payments through the SDK", () => {
  test("a funding account, a payee and a payment are created, read back, and replayed with the same key", async () => {
    const { client, fundingAccountId, payeeId } = await newClient("ts-sdk payments");
    const body = paymentBody(fundingAccountId, payeeId, 12550);
    const first = await client.send("createPayment", { body });
    assert.equal(first.status, 201);
    assert.equal(first.replayed, false);
    assert.match(first.requestId ?? "", /.+/);
    const payment: Payment = first.body;
    assert.equal(payment.amount, 12550);
    assert.equal(payment.reference, body.reference);
    const read = await client.getPayment({ path: { id: payment.id } });
    assert.equal(read.id, payment.id);
    const again = await client.send("createPayment", { body }, { idempotencyKey: first.idempotencyKey });
    assert.equal(again.replayed, true);
    assert.equal(again.body.id, payment.id);
  });

  test("a connection dropped after the gateway answered is retried with the same key: exactly one payment", async () => {
    const setup = await newClient("ts-sdk connection drop");
    const retries: RetryInfo[] = [];
    const viaProxy = new BillpayClient({ baseUrl: env.dropProxyUrl, apiKey: setup.apiKey, onRetry: (r) => retries.push(r) });
    const body = paymentBody(setup.fundingAccountId, setup.payeeId, 4321);
    const answer = await viaProxy.send("createPayment", { body });
    assert.equal(answer.attempts, 2);
    assert.deepEqual(retries.map((r) => r.reason), ["connection"]);
    assert.equal(retries[0].idempotencyKey, answer.idempotencyKey);
    assert.equal(answer.replayed, true, "the second attempt got the stored answer of the first");
    const all: Payment[] = [];
    for await (const p of setup.client.paginate("listPayments")) all.push(p);
    assert.deepEqual(all.filter((p) => p.reference === body.reference).map((p) => p.id), [answer.body.id]);
  });

  test("429 answers are retried after their Retry-After; without retries a typed RateLimitedProblem", async () => {
    const setup = await newClient("ts-sdk rate limit");
    const retries: RetryInfo[] = [];
    const limited = new BillpayClient({ baseUrl: env.limitedUrl, apiKey: setup.apiKey, retry: { maxAttempts: 10 }, onRetry: (r) => retries.push(r) });
    const pages = await Promise.all(Array.from({ length: 6 }, () => limited.listPayments({ query: { limit: 1 } })));
    assert.equal(pages.length, 6);
    const rateLimited = retries.filter((r) => r.reason === "rate-limited");
    assert.ok(rateLimited.length > 0, "a burst of 6 over a limit of 2/s meets 429s");
    assert.ok(rateLimited.every((r) => r.status === 429 && r.delayMs >= 1000), JSON.stringify(rateLimited));

    const once = new BillpayClient({ baseUrl: env.limitedUrl, apiKey: setup.apiKey, retry: { maxAttempts: 1 } });
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => once.listPayments()));
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => o.reason);
    assert.ok(refused.length > 0);
    for (const e of refused) {
      assert.ok(e instanceof RateLimitedProblem, String(e));
      assert.equal(e.status, 429);
      assert.equal(e.problemType, "rate-limited");
      assert.ok((e.retryAfterSeconds ?? 0) >= 1);
      assert.match(e.requestId ?? "", /.+/);
    }
  });

  test("PostgreSQL stopped: 503 DependencyUnavailableProblem, and a call with retries succeeds once it is back", async () => {
    const { client, fundingAccountId, payeeId, apiKey } = await newClient("ts-sdk outage");
    await client.listPayments(); // the key is now known to the gateway's auth cache
    await control("postgres/stop");
    let restarted: Promise<void> | undefined;
    try {
      const refused = await client.createPayment({ body: paymentBody(fundingAccountId, payeeId) }, { maxAttempts: 1 }).then(
        () => assert.fail("a payment was accepted with PostgreSQL down"),
        (e) => e,
      );
      assert.ok(refused instanceof DependencyUnavailableProblem, String(refused));
      assert.equal(refused.status, 503);

      const retries: RetryInfo[] = [];
      const patient = new BillpayClient({
        baseUrl: env.url,
        apiKey,
        retry: { maxAttempts: 12, baseDelayMs: 500, maxDelayMs: 4000 },
        onRetry: (r) => {
          retries.push(r);
          restarted ??= control("postgres/start"); // the dependency comes back while the call is retrying
        },
      });
      const body = paymentBody(fundingAccountId, payeeId, 777);
      const answer = await patient.send("createPayment", { body });
      assert.equal(answer.status, 201);
      assert.ok(retries.length >= 1 && retries.every((r) => r.idempotencyKey === answer.idempotencyKey));
      assert.ok(retries.some((r) => r.status === 503 && r.reason === "dependency-unavailable"), JSON.stringify(retries));
      await restarted;
      const mine: Payment[] = [];
      for await (const p of client.paginate("listPayments")) if (p.reference === body.reference) mine.push(p);
      assert.equal(mine.length, 1);
    } finally {
      await (restarted ?? control("postgres/start"));
    }
  });

  test("250 payments come back through the paging iterator, each once, newest first", async () => {
    const { client, fundingAccountId, payeeId } = await newClient("ts-sdk paging");
    const created: string[] = [];
    for (let batch = 0; batch < 25; batch++) {
      const ten = await Promise.all(Array.from({ length: 10 }, () => client.createPayment({ body: paymentBody(fundingAccountId, payeeId, 100) })));
      created.push(...ten.map((p) => p.id));
    }
    const seen: string[] = [];
    for await (const p of client.paginate("listPayments", { query: { limit: 100 } })) seen.push(p.id);
    assert.equal(seen.length, 250);
    assert.deepEqual(new Set(seen), new Set(created));
    assert.deepEqual(seen, [...seen].sort().reverse(), "ids are time-ordered: newest first");
  });

  test("problems are typed errors with status, type, errors[] and the request id, and are not retried", async () => {
    const retries: RetryInfo[] = [];
    const { client, fundingAccountId, payeeId, apiKey } = await newClient("ts-sdk problems");
    const watched = new BillpayClient({ baseUrl: env.url, apiKey, onRetry: (r) => retries.push(r) });
    const invalid = await watched
      .createPayment({ body: { funding_account_id: fundingAccountId, payee_id: payeeId, amount: 12.5, currency: "usd", colour: "red" } as never }, { requestId: "req-ts-sdk-validation" })
      .catch((e) => e);
    assert.ok(invalid instanceof ValidationProblem, String(invalid));
    assert.ok(invalid instanceof BillpayProblem);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.type, "https://billpay-gateway.dev/problems/validation");
    assert.equal(invalid.requestId, "req-ts-sdk-validation");
    assert.ok(invalid.errors.some((e: { field: string }) => e.field === "amount"), JSON.stringify(invalid.errors));
    assert.ok(invalid.errors.some((e: { field: string }) => e.field === "currency"));

    const missing = await watched.getPayment({ path: { id: "pay_01JDQ8Z6W1T3M4N5P6Q7R8S9TA" } }).catch((e) => e);
    assert.ok(missing instanceof NotFoundProblem, String(missing));
    assert.equal(missing.status, 404);

    const key = `ts-reused-${Date.now()}`;
    await watched.createPayment({ body: paymentBody(fundingAccountId, payeeId) }, { idempotencyKey: key });
    const reused = await watched.createPayment({ body: paymentBody(fundingAccountId, payeeId) }, { idempotencyKey: key }).catch((e) => e);
    assert.ok(reused instanceof IdempotencyKeyReusedProblem, String(reused));
    assert.equal(reused.status, 422);
    assert.deepEqual(retries, [], "no 4xx other than 409 in-flight and 429 is retried");
  });
});

describe("webhooks through the SDK", () => {
  test("a real delivery from the gateway verifies with the endpoint's secret and parses as the payment", async () => {
    const deliveries: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    try {
      const { client, fundingAccountId, payeeId } = await newClient("ts-sdk webhooks");
      const port = (receiver.address() as AddressInfo).port;
      const endpoint = await client.createWebhookEndpoint({ body: { url: `http://127.0.0.1:${port}/hooks`, event_types: ["billpay.payment.created"] } });
      assert.match(endpoint.secret, /^whsec_/);
      const payment = await client.createPayment({ body: paymentBody(fundingAccountId, payeeId, 999) });
      const delivery = await eventually("the webhook delivery", 30_000, () =>
        deliveries.find((d) => JSON.parse(d.body).subject === payment.id));

      const parsed = verifyWebhook({ secret: endpoint.secret, headers: delivery.headers, body: delivery.body });
      assert.equal(parsed.resource, "payment");
      if (parsed.resource === "payment") {
        assert.equal(parsed.event.type, "billpay.payment.created");
        assert.equal(parsed.event.data.id, payment.id);
        assert.equal(parsed.event.data.amount, 999);
      }
      assert.throws(() => verifyWebhook({ secret: endpoint.secret, headers: delivery.headers, body: delivery.body.replace("999", "998") }), WebhookVerificationError);
      const otherSecret = "whsec_" + Buffer.from("another-secret-of-32-bytes-long!").toString("base64");
      assert.throws(() => verifyWebhook({ secret: otherSecret, headers: delivery.headers, body: delivery.body }), WebhookVerificationError);
      assert.throws(() => verifyWebhook({ secret: endpoint.secret, headers: delivery.headers, body: delivery.body, now: Date.now() + 301_000 }), /300 s/);
    } finally {
      receiver.close();
    }
  });
});
