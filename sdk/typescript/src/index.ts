export { BillpayClient, type BillpayClientOptions, type BillpayResponse, type RetryInfo } from "./client.js";
export { BillpayProblem, BillpayConnectionError, PROBLEM_TYPE_PREFIX, type ProblemFieldError } from "./errors.js";
export * from "./generated/problems.js";
export { operationTable, type OperationId } from "./generated/operations.js";
export type { CallOptions, OperationArgs, OperationResult, Schemas, Payment, Problem } from "./types.js";
export { DEFAULT_RETRY, type RetryPolicy } from "./retry.js";
export * from "./events.js";
export * from "./webhooks.js";
export type { components, operations, paths } from "./generated/openapi.js";
