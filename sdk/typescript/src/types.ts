// Request and response types of each operation, derived from the types openapi-typescript generated.
import type { operations, components } from "./generated/openapi.js";

export type Schemas = components["schemas"];
type Ops = operations;
type Params<O extends keyof Ops> = Ops[O]["parameters"];

type PathArgs<O extends keyof Ops> = Params<O> extends { path: infer P extends object } ? { path: P } : {};
type QueryArgs<O extends keyof Ops> = Params<O> extends { query: infer Q extends object }
  ? { query: Q }
  : [NonNullable<Params<O>["query"]>] extends [never]
    ? {}
    : { query?: NonNullable<Params<O>["query"]> };
type ContentBody<C> = C extends { "application/json": infer J } ? J : string | Uint8Array;
type BodyArgs<O extends keyof Ops> = Ops[O] extends { requestBody: { content: infer C } }
  ? { body: ContentBody<C> }
  : Ops[O] extends { requestBody?: { content: infer C } }
    ? [C] extends [never]
      ? {}
      : { body?: ContentBody<C> }
    : {};

/** What an operation takes: its path parameters, query parameters and body, each typed from the contract. */
export type OperationArgs<O extends keyof Ops> = PathArgs<O> & QueryArgs<O> & BodyArgs<O>;

type Responses<O extends keyof Ops> = Ops[O]["responses"];
type SuccessCode<O extends keyof Ops> = Extract<keyof Responses<O>, 200 | 201 | 202 | 204>;
type ContentOf<R> = R extends { content: infer C }
  ? C extends { "application/json": infer J }
    ? J
    : string
  : undefined;

/** What a successful call answers: the body of the operation's 2xx response (text for non-JSON ones). */
export type OperationResult<O extends keyof Ops> = ContentOf<Responses<O>[SuccessCode<O>]>;

/** Per-call options. */
export interface CallOptions {
  /** Your own Idempotency-Key for this call; by default one is generated and reused on every retry. */
  idempotencyKey?: string;
  /** Sent as X-Request-Id; the gateway echoes it (and puts it in problems' `instance`). */
  requestId?: string;
  /** Extra request headers (e.g. a bank notification's webhook-* signature headers). */
  headers?: Record<string, string>;
  /** Overrides the client's maxAttempts for this call (1 = no retry). */
  maxAttempts?: number;
  /** Aborts the whole call, retries included. */
  signal?: AbortSignal;
}

/** `[args, options]`, with args optional when the operation needs nothing. */
export type ArgsTuple<O extends keyof Ops> = {} extends OperationArgs<O>
  ? [args?: OperationArgs<O>, options?: CallOptions]
  : [args: OperationArgs<O>, options?: CallOptions];

export type Payment = Schemas["Payment"];
export type Problem = Schemas["Problem"];
