// Parts of the SDK that need no server: backoff, Retry-After, signature checks, event parsing.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_RETRY, InvalidEventError, operationTable, parseEvent, verifyWebhookSignature, WebhookVerificationError } from "../src/index.js";
import { backoffMs, retryAfterSeconds } from "../src/retry.js";

test("backoff doubles per attempt up to the cap, with jitter in the upper half of each step", () => {
  assert.equal(backoffMs(DEFAULT_RETRY, 1, () => 0), 100);
  assert.equal(backoffMs(DEFAULT_RETRY, 1, () => 1), 200);
  assert.equal(backoffMs(DEFAULT_RETRY, 3, () => 0), 400);
  assert.equal(backoffMs(DEFAULT_RETRY, 20, () => 1), 5000);
});

test("Retry-After is read as seconds or an HTTP date", () => {
  assert.equal(retryAfterSeconds("3"), 3);
  assert.equal(retryAfterSeconds("Thu, 03 Dec 2026 18:00:10 GMT", Date.parse("2026-12-03T18:00:00Z")), 10);
  assert.equal(retryAfterSeconds(null), undefined);
  assert.equal(retryAfterSeconds("soon"), undefined);
});

test("every operation that takes an Idempotency-Key is a POST", () => {
  const keyed = Object.entries(operationTable).filter(([, o]) => o.idempotencyKey);
  assert.ok(keyed.some(([id]) => id === "createPayment"));
  assert.ok(keyed.every(([, o]) => o.method === "POST"));
});

// The example of the Standard Webhooks specification, so the check is not only our own HMAC against itself.
const spec = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  headers: { "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330", "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" },
  body: '{"test": 2432232314}',
  now: 1614265330_000,
};

test("the Standard Webhooks example signature verifies; another body, id or a stale timestamp does not", () => {
  verifyWebhookSignature(spec);
  verifyWebhookSignature({ ...spec, headers: { ...spec.headers, "webhook-signature": "v1,bm9wZQ== " + spec.headers["webhook-signature"] } });
  assert.throws(() => verifyWebhookSignature({ ...spec, body: '{"test": 2432232315}' }), WebhookVerificationError);
  assert.throws(() => verifyWebhookSignature({ ...spec, headers: { ...spec.headers, "webhook-id": "msg_other" } }), WebhookVerificationError);
  assert.throws(() => verifyWebhookSignature({ ...spec, now: spec.now + 301_000 }), /300 s/);
  assert.throws(() => verifyWebhookSignature({ ...spec, headers: { "webhook-id": "x" } }), /missing/);
});

test("an envelope is checked attribute by attribute and typed by its resource", () => {
  const event = {
    specversion: "1.0", id: "evt_01JDQ8Z6W1T3M4N5P6Q7R8S9TA_0001", source: "/billpay-gateway/payments", type: "billpay.payment.created",
    subject: "pay_01JDQ8Z6W1T3M4N5P6Q7R8S9TA", time: "2026-12-03T10:00:00.123Z", datacontenttype: "application/json", clientid: "cli_dev",
    data: { id: "pay_01JDQ8Z6W1T3M4N5P6Q7R8S9TA", object: "payment", amount: 100 },
  };
  const parsed = parseEvent(JSON.stringify(event));
  assert.equal(parsed.resource, "payment");
  assert.equal(parseEvent({ ...event, type: "billpay.client.return_rate_exceeded", subject: "cli_dev", data: {} }).resource, "other");
  assert.throws(() => parseEvent({ ...event, specversion: "0.3" }), InvalidEventError);
  assert.throws(() => parseEvent({ ...event, id: undefined }), /id must be/);
  assert.throws(() => parseEvent({ ...event, type: "payment.created" }), /type/);
  assert.throws(() => parseEvent({ ...event, data: { id: "pay_other" } }), /subject/);
  assert.throws(() => parseEvent("{not json"), /not JSON/);
});
