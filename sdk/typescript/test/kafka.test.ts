// The Kafka helper against the embedded broker: the gateway's lz4 topic, and one record per codec that Kafka's
// Java producer wrote (TypeScriptSdkIT), read with the codecs the helper registers.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import type { BillpayEvent } from "../src/index.js";
import { consumeEvents } from "../src/kafka.js";
import { env, eventually, newClient, paymentBody } from "./support.js";

const quiet = { logLevel: 1 /* ERROR */ };

test("a payment's event arrives on the gateway's (lz4) topic as a checked, typed event", async () => {
  const { client, fundingAccountId, payeeId } = await newClient("ts-sdk kafka");
  const payment = await client.createPayment({ body: paymentBody(fundingAccountId, payeeId, 4242) });
  const seen: BillpayEvent[] = [];
  const consumer = await consumeEvents({
    kafka: { brokers: env.kafkaBrokers, clientId: "ts-sdk-test", ...quiet },
    groupId: `ts-sdk-${randomUUID()}`,
    topic: env.eventsTopic,
    fromBeginning: true,
    onEvent: (e) => {
      if (e.event.subject === payment.id) seen.push(e);
    },
  });
  try {
    const found = await eventually("the payment's event", 60_000, () => seen[0]);
    assert.equal(found.resource, "payment");
    if (found.resource === "payment") {
      assert.equal(found.event.type, "billpay.payment.created");
      assert.equal(found.event.data.amount, 4242);
    }
  } finally {
    await consumer.stop();
  }
});

test("gzip, snappy, lz4 and zstd batches from the Java producer are all read; a record that is no event goes to onInvalid", async () => {
  const ids = new Set<string>();
  const invalid: string[] = [];
  const consumer = await consumeEvents({
    kafka: { brokers: env.kafkaBrokers, clientId: "ts-sdk-test", ...quiet },
    groupId: `ts-sdk-codecs-${randomUUID()}`,
    topic: env.codecsTopic,
    fromBeginning: true,
    onEvent: (e) => {
      ids.add(e.event.id);
    },
    onInvalid: (error) => {
      invalid.push(error.message);
    },
  });
  try {
    await eventually("one event per codec and the invalid record", 60_000, () => (ids.size === 4 && invalid.length === 1 ? true : undefined));
    assert.deepEqual([...ids].sort(), ["evt_codec_gzip", "evt_codec_lz4", "evt_codec_snappy", "evt_codec_zstd"]);
    assert.match(invalid[0], /not JSON/);
  } finally {
    await consumer.stop();
  }
});
