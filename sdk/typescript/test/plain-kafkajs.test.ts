// Why the helper registers codecs: a plain kafkajs consumer (its own process, nothing registered) cannot read
// the gateway's default lz4 batches.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import kafkajs from "kafkajs";
import { env } from "./support.js";

test("a kafkajs consumer without codecs crashes on the gateway's topic with 'LZ4 (or ZSTD) compression not implemented'", async () => {
  const kafka = new kafkajs.Kafka({ brokers: env.kafkaBrokers, clientId: "ts-sdk-plain", logLevel: kafkajs.logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `ts-sdk-plain-${randomUUID()}`, retry: { retries: 0 } });
  const crashed = new Promise<Error>((resolve) => consumer.on(consumer.events.CRASH, (e) => resolve(e.payload.error)));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [env.eventsTopic], fromBeginning: true });
    let read = 0;
    await consumer.run({ eachMessage: async () => { read++; } });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("no crash within 60 s")), 60_000)));
    const error = await Promise.race([crashed, timeout]).finally(() => clearTimeout(timer));
    // the shared topic also holds batches of gateways configured with other codecs (KafkaCompressionIT: zstd)
    assert.match(error.message, /^(LZ4|ZSTD|Snappy) compression not implemented$/);
    assert.equal(read, 0);
  } finally {
    await consumer.disconnect();
  }
});
