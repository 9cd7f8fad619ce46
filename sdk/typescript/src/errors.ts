import type { Schemas } from "./types.js";

export const PROBLEM_TYPE_PREFIX = "https://billpay-gateway.dev/problems/";
export type ProblemFieldError = Schemas["ProblemFieldError"];

/**
 * An application/problem+json answer of the gateway. Each problem type of the contract has its own subclass
 * (`RateLimitedProblem`, `ValidationProblem`, …, in generated/problems.ts): catch the class, or switch on
 * `problemType`.
 */
export class BillpayProblem extends Error {
  static readonly problemType: string = "";
  /** The full `type` URI. */
  readonly type: string;
  /** The part of `type` after https://billpay-gateway.dev/problems/ (e.g. `idempotency-key-in-flight`). */
  readonly problemType: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  /** The gateway's request id: the X-Request-Id answer header (also the problem's `instance`). */
  readonly requestId: string | undefined;
  /** One entry per field at fault (validation and bank-details problems). */
  readonly errors: ProblemFieldError[];
  /** Seconds to wait, from Retry-After (429 and 503), if the gateway sent it. */
  readonly retryAfterSeconds: number | undefined;
  /** The whole problem document as received. */
  readonly body: Record<string, unknown>;

  constructor(body: Record<string, unknown>, status: number, requestId: string | undefined, retryAfterSeconds?: number) {
    const type = typeof body.type === "string" ? body.type : PROBLEM_TYPE_PREFIX + "client-error";
    super(`${status} ${type.replace(PROBLEM_TYPE_PREFIX, "")}: ${String(body.detail ?? body.title ?? "")}`);
    this.name = new.target.name;
    this.body = body;
    this.type = type;
    this.problemType = type.startsWith(PROBLEM_TYPE_PREFIX) ? type.slice(PROBLEM_TYPE_PREFIX.length) : type;
    this.status = status;
    this.title = String(body.title ?? "");
    this.detail = String(body.detail ?? "");
    this.requestId = requestId ?? (typeof body.instance === "string" ? body.instance : undefined);
    this.errors = Array.isArray(body.errors) ? (body.errors as ProblemFieldError[]) : [];
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The request never got an HTTP answer (connection refused or dropped, timeout) on its last attempt. */
export class BillpayConnectionError extends Error {
  readonly attempts: number;
  constructor(message: string, attempts: number, cause: unknown) {
    super(message, { cause });
    this.name = "BillpayConnectionError";
    this.attempts = attempts;
  }
}
