/** How a call is retried: attempts, backoff with jitter, and how long a Retry-After may make it wait. */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 4; 1 = never retry). */
  maxAttempts: number;
  /** First backoff step in ms (default 200); it doubles per attempt up to maxDelayMs. */
  baseDelayMs: number;
  /** Longest backoff step in ms (default 5000). */
  maxDelayMs: number;
  /** Longest wait a Retry-After may ask for before the call gives up instead (default 60000). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5000, maxRetryAfterMs: 60_000 };

/**
 * "Equal jitter": half of the exponential step plus a random part of the other half, so clients that failed
 * together do not come back together, and no retry comes back at once.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return step / 2 + random() * (step / 2);
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now: number = Date.now()): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Waits, or rejects as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
