// What the tests get from TypeScriptSdkIT: the embedded gateway's address, keys, and its helpers.
import { randomUUID } from "node:crypto";
import { BillpayClient, type BillpayClientOptions } from "../src/index.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: these tests run from TypeScriptSdkIT (mvn verify), against a real gateway`);
  return value;
}

export const env = {
  get url() { return required("BILLPAY_URL"); },
  get adminToken() { return required("BILLPAY_ADMIN_TOKEN"); },
  get devKey() { return required("BILLPAY_API_KEY"); },
  /** A proxy that drops the first connection after the gateway has answered, before the answer reaches us. */
  get dropProxyUrl() { return required("BILLPAY_DROP_PROXY_URL"); },
  /** A second gateway (api role only) whose rate limit is 2 requests/s. */
  get limitedUrl() { return required("BILLPAY_LIMITED_URL"); },
  /** POST /postgres/stop and /postgres/start stop and start the embedded PostgreSQL. */
  get controlUrl() { return required("BILLPAY_CONTROL_URL"); },
  get kafkaBrokers() { return required("BILLPAY_KAFKA_BROKERS").split(","); },
  get eventsTopic() { return required("BILLPAY_KAFKA_TOPIC"); },
  /** A topic with one event per codec written by Kafka's Java producer, and one record that is not an event. */
  get codecsTopic() { return required("BILLPAY_KAFKA_CODECS_TOPIC"); },
};

export const admin = () => new BillpayClient({ baseUrl: env.url, adminToken: env.adminToken });

/** A new API client with its own key, funding account and payee: each test file's data is its own. */
export async function newClient(name: string, options: BillpayClientOptions = {}) {
  const created = await admin().adminCreateClient({ body: { name } });
  const key = await admin().adminCreateKey({ path: { id: created.id }, body: { mode: "test" } });
  const client = new BillpayClient({ baseUrl: env.url, apiKey: key.key, ...options });
  const account = await client.createFundingAccount({
    body: { type: "us_bank_account", holder_name: "Jane Doe", routing_number: "021000021", account_number: "000123456789", account_type: "checking" },
  });
  const payee = await client.createPayee({ body: { display_name: "City Power & Light", biller_id: "blr_citypower", account_number: "5500000012345678" } });
  return { apiKey: key.key, client, fundingAccountId: account.id, payeeId: payee.id };
}

export function paymentBody(fundingAccountId: string, payeeId: string, amount = 1234) {
  return { funding_account_id: fundingAccountId, payee_id: payeeId, amount, currency: "USD", reference: `ts-${randomUUID()}` };
}

export async function control(action: "postgres/stop" | "postgres/start") {
  const response = await fetch(`${env.controlUrl}/${action}`, { method: "POST" });
  if (response.status !== 204) throw new Error(`${action}: ${response.status} ${await response.text()}`);
}

export async function eventually<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last}` : ""}`);
}

// Diagnostics: how long each test file's process lived, and what keeps one alive long after its tests.
const loadedAt = Date.now();
process.on("exit", () => process.stderr.write(`[timing] ${process.argv[1]}: ${(Date.now() - loadedAt) / 1000} s\n`));
setTimeout(() => {
  process.stderr.write(`[lingering] ${process.argv[1]}: ${JSON.stringify(process.getActiveResourcesInfo())}\n`);
}, 30_000).unref();
