import { randomUUID } from "node:crypto";
import { BillpayConnectionError, BillpayProblem, PROBLEM_TYPE_PREFIX } from "./errors.js";
import { GeneratedOperations, operationTable, type OperationId } from "./generated/operations.js";
import { problemClasses, type ProblemType } from "./generated/problems.js";
import { DEFAULT_RETRY, backoffMs, retryAfterSeconds, sleep, type RetryPolicy } from "./retry.js";
import type { CallOptions, OperationArgs, OperationResult } from "./types.js";

export interface BillpayClientOptions {
  /** Default http://localhost:8080 (the embedded `billpay dev`). */
  baseUrl?: string;
  /** A client's API key (`bp_test_…`, `bp_live_…`), for the /v1 operations. */
  apiKey?: string;
  /** The admin token, for /admin/v1 and the bank-side operations. */
  adminToken?: string;
  /** Per attempt, in ms, headers and body included (default 30000). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Called before each retry's wait: for logs and metrics. */
  onRetry?: (info: RetryInfo) => void;
  /** Another fetch (default: the global one). */
  fetch?: typeof fetch;
}

export interface RetryInfo {
  operationId: OperationId;
  /** The attempt that failed (1 = the first). */
  attempt: number;
  delayMs: number;
  /** `connection`, `timeout`, or the problem type (`rate-limited`, `dependency-unavailable`, `idempotency-key-in-flight`). */
  reason: string;
  status?: number;
  idempotencyKey?: string;
}

/** A successful answer with what came with it. */
export interface BillpayResponse<T> {
  status: number;
  headers: Headers;
  body: T;
  /** X-Request-Id of the answer. */
  requestId: string | undefined;
  /** True when the gateway replayed the stored answer of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
  /** The Idempotency-Key sent (the same on every attempt), if the operation takes one. */
  idempotencyKey: string | undefined;
  attempts: number;
}

type ListOperationId = {
  [O in OperationId]: OperationResult<O> extends { data: unknown[]; has_more: boolean } ? O : never;
}[OperationId];
type ListItem<O extends OperationId> = OperationResult<O> extends { data: (infer I)[] } ? I : never;

const RETRYABLE_STATUS = new Set([429, 503]);

/**
 * The gateway's API: one typed method per operation of the contract (from {@link GeneratedOperations}), or
 * {@link call} with any operationId. POSTs that take an Idempotency-Key get one generated per call and reused
 * on every retry, so a retried payment is still one payment.
 */
export class BillpayClient extends GeneratedOperations {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly fetchFn: typeof fetch;

  constructor(private readonly options: BillpayClientOptions = {}) {
    super();
    this.baseUrl = (options.baseUrl ?? "http://localhost:8080").replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.fetchFn = options.fetch ?? fetch;
  }

  /** Calls an operation and answers its body; a problem answer throws its {@link BillpayProblem} subclass. */
  async call<O extends OperationId>(operationId: O, args?: OperationArgs<O>, options?: CallOptions): Promise<OperationResult<O>> {
    return (await this.send(operationId, args, options)).body;
  }

  /** Like {@link call}, with the status, headers, request id and whether the answer was replayed. */
  async send<O extends OperationId>(
    operationId: O,
    args?: OperationArgs<O>,
    options: CallOptions = {},
  ): Promise<BillpayResponse<OperationResult<O>>> {
    const op = operationTable[operationId];
    if (!op) throw new TypeError(`unknown operation ${String(operationId)}`);
    const a = (args ?? {}) as { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
    const url = this.url(op.path, a.path, a.query);
    const headers: Record<string, string> = { Accept: "application/json, application/problem+json, */*" };
    const token = op.auth === "adminToken" ? this.options.adminToken : op.auth === "apiKey" ? this.options.apiKey : undefined;
    if (token) headers.Authorization = `Bearer ${token}`;
    const idempotencyKey = op.idempotencyKey ? (options.idempotencyKey ?? randomUUID()) : undefined;
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    if (options.requestId) headers["X-Request-Id"] = options.requestId;
    let body: string | Uint8Array | undefined;
    if (a.body !== undefined) {
      if (typeof a.body === "string" || a.body instanceof Uint8Array) {
        body = a.body;
        headers["Content-Type"] = op.contentType ?? "application/octet-stream";
      } else {
        body = JSON.stringify(a.body);
        headers["Content-Type"] = "application/json";
      }
    }
    Object.assign(headers, options.headers);
    // resending is safe when the gateway deduplicates (Idempotency-Key) or the method is idempotent
    const resendable = idempotencyKey !== undefined || op.method === "GET" || op.method === "DELETE";
    const maxAttempts = Math.max(1, options.maxAttempts ?? this.retry.maxAttempts);

    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(op.method, url, headers, body, options.signal);
      if ("error" in outcome) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (!resendable || attempt >= maxAttempts) {
          throw new BillpayConnectionError(
            `${op.method} ${op.path}: no answer after ${attempt} attempt(s) (${outcome.reason}: ${describe(outcome.error)})`,
            attempt,
            outcome.error,
          );
        }
        await this.wait(operationId, attempt, backoffMs(this.retry, attempt), outcome.reason ?? "connection", undefined, idempotencyKey, options.signal);
        continue;
      }
      const { response, text } = outcome;
      const requestId = response.headers.get("x-request-id") ?? undefined;
      if (response.ok) {
        return {
          status: response.status,
          headers: response.headers,
          body: parseBody(response, text) as OperationResult<O>,
          requestId,
          replayed: response.headers.get("idempotent-replayed") === "true",
          idempotencyKey,
          attempts: attempt,
        };
      }
      const problem = toProblem(response, text, requestId);
      const retryable =
        RETRYABLE_STATUS.has(response.status) || (response.status === 409 && problem.problemType === "idempotency-key-in-flight");
      if (!retryable || attempt >= maxAttempts) throw problem;
      const delay =
        problem.retryAfterSeconds !== undefined
          ? problem.retryAfterSeconds * 1000 + Math.random() * 250
          : backoffMs(this.retry, attempt);
      if (delay > this.retry.maxRetryAfterMs) throw problem;
      await this.wait(operationId, attempt, delay, problem.problemType, response.status, idempotencyKey, options.signal);
    }
  }

  /**
   * Every item of a cursor-paged list, fetching the next page (`starting_after`) only when the previous one is
   * used up: `for await (const p of client.paginate("listPayments", { query: { status: "pending" } }))`.
   */
  async *paginate<O extends ListOperationId>(operationId: O, args?: OperationArgs<O>, options?: CallOptions): AsyncGenerator<ListItem<O>> {
    const base = (args ?? {}) as { query?: Record<string, unknown> };
    let cursor: string | undefined;
    for (;;) {
      const query = { ...base.query, ...(cursor ? { starting_after: cursor } : {}) };
      const page = (await this.call(operationId, { ...base, query } as unknown as OperationArgs<O>, options)) as unknown as {
        data: ListItem<O>[];
        has_more: boolean;
        next_cursor?: string | null;
      };
      yield* page.data;
      if (!page.has_more || page.data.length === 0) return;
      cursor = page.next_cursor ?? (page.data[page.data.length - 1] as { id?: string }).id ?? undefined;
      if (!cursor) return;
    }
  }

  private async attempt(method: string, url: string, headers: Record<string, string>, body: string | Uint8Array | undefined, signal?: AbortSignal) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    const onAbort = () => controller.abort(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const response = await this.fetchFn(url, { method, headers, body: body as BodyInit | undefined, signal: controller.signal });
      const text = await response.text();
      return { response, text };
    } catch (error) {
      const reason = controller.signal.aborted && !signal?.aborted ? "timeout" : "connection";
      return { error, reason };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  private async wait(operationId: OperationId, attempt: number, delayMs: number, reason: string, status: number | undefined,
      idempotencyKey: string | undefined, signal?: AbortSignal) {
    this.options.onRetry?.({ operationId, attempt, delayMs, reason, status, idempotencyKey });
    await sleep(delayMs, signal);
  }

  private url(template: string, path?: Record<string, unknown>, query?: Record<string, unknown>): string {
    const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = path?.[name];
      if (value === undefined || value === null) throw new TypeError(`missing path parameter ${name} for ${template}`);
      return encodeURIComponent(String(value));
    });
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined || v === null) continue;
      for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
    }
    const qs = params.toString();
    return this.baseUrl + filled + (qs ? `?${qs}` : "");
  }
}

function parseBody(response: Response, text: string): unknown {
  if (response.status === 204 || text === "") return undefined;
  const type = response.headers.get("content-type") ?? "";
  return type.includes("json") ? JSON.parse(text) : text;
}

function toProblem(response: Response, text: string, requestId: string | undefined): BillpayProblem {
  let body: Record<string, unknown>;
  try {
    const parsed = JSON.parse(text);
    body = parsed && typeof parsed === "object" ? parsed : { detail: text };
  } catch {
    body = { detail: text };
  }
  body.status ??= response.status;
  body.type ??= PROBLEM_TYPE_PREFIX + (response.status >= 500 ? "internal" : "client-error");
  const slug = String(body.type).replace(PROBLEM_TYPE_PREFIX, "") as ProblemType;
  const ProblemClass = problemClasses[slug] ?? BillpayProblem;
  return new ProblemClass(body, response.status, requestId, retryAfterSeconds(response.headers.get("retry-after")));
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
