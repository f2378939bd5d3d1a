/** Everything the commands need from the outside world, built by the entry points. */
import type { Config } from './config.js';
import { ApiClient, type FetchLike } from './http/client.js';
import { type Clock, RequestPacer } from './http/pacing.js';
import type { Logger } from './logger.js';
import type { LineSink } from './output.js';
import type { SecretScrubber } from './secrets.js';

export interface SourceDeps {
  sink: LineSink;
  logger: Logger;
  scrubber: SecretScrubber;
  clock: Clock;
  random: () => number;
  fetch: FetchLike;
  /** Retries per request after the first attempt (default DEFAULT_MAX_RETRIES). */
  maxRetries?: number;
  /** Per-attempt timeout in ms (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
}

export function createClient(config: Config, deps: SourceDeps, maxRetries = deps.maxRetries): ApiClient {
  const pacer = new RequestPacer(config.requests_per_minute, deps.clock);
  const options = { baseUrl: config.base_url, apiKey: config.admin_api_key };
  return new ApiClient(
    { ...options, ...(maxRetries === undefined ? {} : { maxRetries }), ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }) },
    { fetch: deps.fetch, clock: deps.clock, random: deps.random, logger: deps.logger, pacer },
  );
}

/** Registers the key as a secret before anything can echo it, even in a malformed config. */
export function registerSecrets(raw: unknown, scrubber: SecretScrubber): void {
  if (typeof raw === 'object' && raw !== null && 'admin_api_key' in raw) {
    const key = (raw).admin_api_key;
    if (typeof key === 'string') {
      scrubber.add(key);
      scrubber.add(key.trim());
    }
  }
}
