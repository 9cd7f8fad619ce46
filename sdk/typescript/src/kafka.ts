import * as zlib from "node:zlib";
import { decompress as zstdDecompress } from "fzstd";
import kafkajs, { type Consumer, type ConsumerConfig, type KafkaConfig, type KafkaMessage } from "kafkajs";
import SnappyCodec from "kafkajs-snappy";
import { compressFrame, decompressFrame } from "lz4-napi";
import { parseEvent, type BillpayEvent, InvalidEventError } from "./events.js";

// kafkajs is CommonJS: its named exports come from the default one
const { CompressionCodecs, CompressionTypes, Kafka } = kafkajs;
type Kafka = InstanceType<typeof Kafka>;

type Encoder = { buffer: Buffer };
type Codec = () => { compress(encoder: Encoder): Promise<Buffer>; decompress(buffer: Buffer): Promise<Buffer> };

// LZ4 frames as Kafka writes them (magic v2), through lz4-napi's prebuilt binding: no native build at install.
const lz4Codec: Codec = () => ({
  compress: (encoder) => compressFrame(encoder.buffer),
  decompress: (buffer) => decompressFrame(buffer),
});

// zstd: Node's own zlib where it has it (22.15+), else the pure-JS fzstd, which only decompresses: a consumer
// needs nothing more.
const nodeZstd = zlib as unknown as { zstdCompressSync?: (b: Buffer) => Buffer; zstdDecompressSync?: (b: Buffer) => Buffer };
const zstdCodec: Codec = () => ({
  compress: async (encoder) => {
    if (!nodeZstd.zstdCompressSync) throw new Error("zstd compression needs Node 22.15 or later; this helper only decompresses zstd on older Nodes");
    return nodeZstd.zstdCompressSync(encoder.buffer);
  },
  decompress: async (buffer) =>
    nodeZstd.zstdDecompressSync ? nodeZstd.zstdDecompressSync(buffer) : Buffer.from(zstdDecompress(new Uint8Array(buffer))),
});

/**
 * Registers LZ4, Snappy and ZSTD with kafkajs (which reads only gzip by itself), so a consumer reads the topic
 * whatever `kafka.producer.compression` the gateway uses. kafkajs keeps codecs process-wide; calling this again
 * changes nothing.
 */
export function registerCompressionCodecs(): void {
  const codecs = CompressionCodecs as Record<number, unknown>;
  codecs[CompressionTypes.LZ4] = lz4Codec;
  codecs[CompressionTypes.Snappy] = SnappyCodec;
  codecs[CompressionTypes.ZSTD] = zstdCodec;
}

export interface EventContext {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

export interface EventConsumerOptions {
  /** A kafkajs client, or its configuration (`{ brokers: ["127.0.0.1:19092"] }`). */
  kafka: Kafka | KafkaConfig;
  groupId: string;
  /** Default billpay.payment-events. */
  topic?: string;
  fromBeginning?: boolean;
  consumerConfig?: Omit<ConsumerConfig, "groupId">;
  /** Called once per valid event, in partition order; the offset is committed after it resolves. Deduplicate by event.id. */
  onEvent: (event: BillpayEvent, context: EventContext) => Promise<void> | void;
  /**
   * Called for a record that is not a valid event; by default it is skipped (the gateway's own projector parks
   * such records on the dead-letter topic). Throw to stop at it instead.
   */
  onInvalid?: (error: InvalidEventError, context: EventContext) => Promise<void> | void;
}

export interface EventConsumer {
  consumer: Consumer;
  stop(): Promise<void>;
}

/** Starts a kafkajs consumer of the gateway's events, with the codecs registered and every envelope checked. */
export async function consumeEvents(options: EventConsumerOptions): Promise<EventConsumer> {
  registerCompressionCodecs();
  const kafka = options.kafka instanceof Kafka ? options.kafka : new Kafka(options.kafka);
  const consumer = kafka.consumer({ ...options.consumerConfig, groupId: options.groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic ?? "billpay.payment-events"], fromBeginning: options.fromBeginning ?? false });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const context = { topic, partition, message };
      let event: BillpayEvent;
      try {
        event = parseEvent(message.value ?? "");
      } catch (e) {
        if (!(e instanceof InvalidEventError)) throw e;
        await options.onInvalid?.(e, context);
        return;
      }
      await options.onEvent(event, context);
    },
  });
  return {
    consumer,
    stop: async () => {
      await consumer.disconnect();
    },
  };
}
