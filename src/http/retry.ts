/**
 * Pure retry policy: what to do with each outcome of a request, and how long to wait.
 *
 * | outcome                                   | action | failure_type when it ends the stream |
 * |-------------------------------------------|--------|--------------------------------------|
 * | 401, 403                                  | fail   | config_error (never retried)         |
 * | 400, 404, 405-428 and other 4xx           | fail   | system_error (API message + request id) |
 * | 408, 409, 429, 500-599, 529               | retry  | transient_error once retries run out |
 * | network error, timeout, truncated/invalid body | retry | transient_error                 |
 * | 3xx (redirects are refused: the key must not follow them) | fail | system_error        |
 * `x-should-retry: true|false` from the API overrides the status rule, except for 401/403.
 * The engine then refines what a failure means for its stream (engine/read.ts): a 404 on a
 * stream's endpoint is a config_error asking to deselect it, a 404 on one workspace's
 * members skips that workspace, and a 401 ends the sync. README "Reliability and security"
 * holds the whole table.
 */
import type { FailureType } from '../errors.js';

export type Outcome =
  | { kind: 'status'; status: number; shouldRetryHeader?: string | null }
  | { kind: 'network'; detail: string }
  | { kind: 'invalid_body'; detail: string };

export interface Decision {
  retry: boolean;
  failureType: FailureType;
}

const RETRYABLE_STATUSES = new Set([408, 409, 429, 529]);

export function classify(outcome: Outcome): Decision {
  if (outcome.kind !== 'status') return { retry: true, failureType: 'transient_error' };
  const { status } = outcome;
  if (status === 401 || status === 403) return { retry: false, failureType: 'config_error' };
  const retryable = RETRYABLE_STATUSES.has(status) || status >= 500;
  const header = outcome.shouldRetryHeader?.toLowerCase();
  const retry = header === 'true' ? true : header === 'false' ? false : retryable;
  return { retry, failureType: retryable ? 'transient_error' : 'system_error' };
}

export interface BackoffPolicy {
  /** First delay; doubles per attempt. */
  baseMs: number;
  /** Upper bound of the exponential part. */
  capMs: number;
  /** A server-requested wait longer than this is not honoured: the request fails instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 16_000, maxRetryAfterMs: 5 * 60_000 };

/** `retry-after-ms`, or `retry-after` as seconds or an HTTP date; undefined when absent. */
export function retryAfterMs(header: (name: string) => string | null, nowMs: number): number | undefined {
  const ms = header('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = header('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * Delay before retry number `attempt` (0-based): the server's wait when it gave one,
 * else capped exponential backoff with full jitter ("decorrelates" concurrent clients).
 */
export function backoffMs(attempt: number, serverWaitMs: number | undefined, random: () => number, policy = DEFAULT_BACKOFF): number {
  if (serverWaitMs !== undefined) return serverWaitMs;
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.round(exp / 2 + (random() * exp) / 2);
}
