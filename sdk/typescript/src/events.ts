import type { Schemas } from "./types.js";

/** A CloudEvents 1.0 envelope as the gateway publishes it (Kafka record value and webhook body alike). */
export interface CloudEvent<T> {
  specversion: "1.0";
  /** `evt_…`, the same for a resent event: deduplicate by it. */
  id: string;
  source: string;
  /** `billpay.<resource>.<change>`, e.g. `billpay.payment.settled`. */
  type: string;
  subject: string;
  time: string;
  datacontenttype: "application/json";
  clientid: string;
  data: T;
}

/** The event with its resource typed by what `type` names. */
export type BillpayEvent =
  | { resource: "payment"; event: CloudEvent<Schemas["Payment"]> }
  | { resource: "funding_account"; event: CloudEvent<Schemas["FundingAccount"]> }
  | { resource: "expected_payment"; event: CloudEvent<Schemas["ExpectedPayment"]> }
  | { resource: "webhook_endpoint"; event: CloudEvent<Schemas["WebhookEndpoint"]> }
  | { resource: "other"; event: CloudEvent<Record<string, unknown>> };

export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidEventError";
  }
}

const KNOWN = new Set(["payment", "funding_account", "expected_payment", "webhook_endpoint"]);
const STRING_ATTRIBUTES = ["id", "source", "type", "subject", "time", "clientid"] as const;

/**
 * Checks a CloudEvents envelope (JSON text, bytes or an already parsed object) and types it by its resource.
 * Throws {@link InvalidEventError} naming the first attribute at fault.
 */
export function parseEvent(input: string | Uint8Array | unknown): BillpayEvent {
  let value: unknown = input;
  if (typeof input === "string" || input instanceof Uint8Array) {
    const text = typeof input === "string" ? input : new TextDecoder().decode(input);
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new InvalidEventError(`not JSON: ${(e as Error).message}`);
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new InvalidEventError("not a JSON object");
  const e = value as Record<string, unknown>;
  if (e.specversion !== "1.0") throw new InvalidEventError(`specversion must be "1.0", got ${JSON.stringify(e.specversion)}`);
  for (const name of STRING_ATTRIBUTES) {
    if (typeof e[name] !== "string" || e[name] === "") throw new InvalidEventError(`${name} must be a non-empty string`);
  }
  if (e.datacontenttype !== "application/json") throw new InvalidEventError("datacontenttype must be application/json");
  if (Number.isNaN(Date.parse(e.time as string))) throw new InvalidEventError(`time is not a timestamp: ${e.time}`);
  const match = /^billpay\.([a-z_]+)\.[a-z_]+$/.exec(e.type as string);
  if (!match) throw new InvalidEventError(`type is not billpay.<resource>.<change>: ${e.type}`);
  if (!e.data || typeof e.data !== "object" || Array.isArray(e.data)) throw new InvalidEventError("data must be an object");
  const resource = KNOWN.has(match[1]) ? match[1] : "other";
  if (resource !== "other" && (e.data as { id?: unknown }).id !== e.subject) {
    throw new InvalidEventError(`data.id ${JSON.stringify((e.data as { id?: unknown }).id)} is not the subject ${e.subject}`);
  }
  return { resource, event: e } as unknown as BillpayEvent;
}
