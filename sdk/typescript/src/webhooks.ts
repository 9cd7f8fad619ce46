import { createHmac, timingSafeEqual } from "node:crypto";
import { parseEvent, type BillpayEvent } from "./events.js";

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/** Node's IncomingHttpHeaders, a fetch Headers, or a plain record. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export interface VerifyOptions {
  /** The endpoint's secret, `whsec_<base64>` (during a rotation either the old or the new one works). */
  secret: string;
  headers: HeaderSource;
  /** The raw body exactly as received: verify before any JSON parsing. */
  body: string | Uint8Array;
  /** Largest distance of webhook-timestamp from our clock (default 300 s, as the gateway's docs say). */
  toleranceSeconds?: number;
  /** For tests: now in ms. */
  now?: number;
}

/**
 * Checks a delivery's Standard Webhooks signature: HMAC-SHA256 keyed with the secret's base64 part over
 * `webhook-id.webhook-timestamp.body`, any `v1,` entry of webhook-signature matching in constant time, and the
 * timestamp within the tolerance. Throws {@link WebhookVerificationError}; answers nothing.
 */
export function verifyWebhookSignature(options: VerifyOptions): void {
  const id = header(options.headers, "webhook-id");
  const timestamp = header(options.headers, "webhook-timestamp");
  const signatures = header(options.headers, "webhook-signature");
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError("missing webhook-id, webhook-timestamp or webhook-signature");
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError("webhook-timestamp is not Unix seconds");
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - Number(timestamp)) > tolerance) throw new WebhookVerificationError(`webhook-timestamp is more than ${tolerance} s from now`);
  if (!options.secret.startsWith("whsec_")) throw new WebhookVerificationError("the secret must start with whsec_");
  const key = Buffer.from(options.secret.slice("whsec_".length), "base64");
  const body = typeof options.body === "string" ? Buffer.from(options.body, "utf8") : Buffer.from(options.body);
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
  const matches = signatures.split(" ").some((entry) => {
    if (!entry.startsWith("v1,")) return false;
    const given = Buffer.from(entry.slice(3), "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookVerificationError("no webhook-signature entry matches");
}

/** Verifies the delivery, then parses its body as a typed event (see {@link parseEvent}). */
export function verifyWebhook(options: VerifyOptions): BillpayEvent {
  verifyWebhookSignature(options);
  const parsed = parseEvent(options.body);
  if (parsed.event.id !== header(options.headers, "webhook-id")) throw new WebhookVerificationError("webhook-id is not the event's id");
  return parsed;
}

function header(source: HeaderSource, name: string): string | undefined {
  if (typeof (source as Headers).get === "function") return (source as Headers).get(name) ?? undefined;
  const record = source as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(" ") : value;
}
