/**
 * GET requests to the Admin API: headers, query encoding (`key[]=a&key[]=b`), the shared
 * request budget, timeouts, retries and error mapping. Uses Node's global fetch (nock 14
 * intercepts it); each attempt, headers and body together, is bounded by an AbortSignal
 * timeout. Redirects are refused so the key is never sent to another host.
 */
import { credentialsRejectedMessage, parseErrorBody, requestHeaders } from '../api.js';
import { ConnectorError, type FailureType } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Clock, RequestPacer } from './pacing.js';
import { backoffMs, classify, DEFAULT_BACKOFF, type Outcome, retryAfterMs } from './retry.js';

export type QueryValue = string | number | boolean | readonly string[] | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpDeps {
  fetch: FetchLike;
  clock: Clock;
  random: () => number;
  logger: Logger;
  pacer: RequestPacer;
}

export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /** Upper bound for one attempt, headers and body together. */
  timeoutMs?: number;
}

/** A request that failed for good; `status` is undefined for network-level failures. */
export class ApiError extends ConnectorError {
  constructor(
    failureType: FailureType,
    message: string,
    readonly status: number | undefined,
    readonly apiErrorType: string | undefined,
    readonly apiMessage: string | undefined,
  ) {
    super(failureType, message);
    this.name = 'ApiError';
  }
}

export function buildUrl(baseUrl: string, path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(`${key}[]`, item);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${text === '' ? '' : `?${text}`}`;
}

/**
 * 6 retries with backoff capped at 16 s: a permanent server fault ends the stream in at
 * most 1+2+4+8+16+16 = 47 s of waiting (about 35 s with jitter), never minutes.
 */
export const DEFAULT_MAX_RETRIES = 6;
/** One attempt, headers and body together (Node's fetch also gives up connecting after 10 s). */
export const DEFAULT_TIMEOUT_MS = 60_000;

type Attempt = { ok: true; body: unknown } | { ok: false; outcome: Outcome; headers: Headers | undefined; error: ApiError };

export class ApiClient {
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  requestCount = 0;

  constructor(
    private readonly options: ClientOptions,
    private readonly deps: HttpDeps,
  ) {
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async get(path: string, query: Query = {}): Promise<unknown> {
    const url = buildUrl(this.options.baseUrl, path, query);
    for (let attempt = 0; ; attempt++) {
      await this.deps.pacer.acquire();
      const result = await this.attempt(url, path);
      if (result.ok) return result.body;
      const decision = classify(result.outcome);
      const header = (name: string): string | null => result.headers?.get(name) ?? null;
      const wait = retryAfterMs(header, this.deps.clock.now());
      if (!decision.retry || attempt >= this.maxRetries || (wait !== undefined && wait > DEFAULT_BACKOFF.maxRetryAfterMs)) {
        if (decision.retry) throw this.exhausted(result.error, attempt + 1);
        throw result.error;
      }
      const delay = backoffMs(attempt, wait, this.deps.random);
      if (result.outcome.kind === 'status' && result.outcome.status === 429) this.deps.pacer.pause(this.deps.clock.now() + delay);
      this.deps.logger.warn({ path, attempt: attempt + 1, delay_ms: delay }, `Retrying after ${result.error.message}`);
      await this.deps.clock.sleep(delay);
    }
  }

  private async attempt(url: string, path: string): Promise<Attempt> {
    this.requestCount++;
    let response: Response;
    let text: string;
    try {
      response = await this.deps.fetch(url, {
        method: 'GET',
        headers: requestHeaders(this.options.apiKey),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const detail = describeNetworkError(error);
      const message = `GET ${path} failed: ${detail}`;
      return { ok: false, outcome: { kind: 'network', detail }, headers: undefined, error: new ApiError('transient_error', message, undefined, undefined, undefined) };
    }
    this.deps.pacer.observe((name) => response.headers.get(name));
    this.deps.logger.debug({ path, status: response.status, request_id: response.headers.get('request-id') }, 'GET');
    if (response.status >= 200 && response.status < 300) {
      try {
        return { ok: true, body: JSON.parse(text) as unknown };
      } catch {
        const detail = `invalid or truncated JSON body (${text.length} bytes)`;
        const error = new ApiError('transient_error', `GET ${path} failed: ${detail}`, response.status, undefined, undefined);
        return { ok: false, outcome: { kind: 'invalid_body', detail }, headers: response.headers, error };
      }
    }
    const outcome: Outcome = { kind: 'status', status: response.status, shouldRetryHeader: response.headers.get('x-should-retry') };
    return { ok: false, outcome, headers: response.headers, error: this.statusError(path, response, text, outcome) };
  }

  private statusError(path: string, response: Response, text: string, outcome: Outcome): ApiError {
    const body = parseErrorBody(text);
    const requestId = body.requestId ?? response.headers.get('request-id') ?? undefined;
    const apiMessage = body.message ?? (response.status >= 300 && response.status < 400 ? 'redirect refused' : response.statusText);
    const described = `${response.status}${body.type === undefined ? '' : ` ${body.type}`}: ${apiMessage}${requestId === undefined ? '' : ` (request ${requestId})`}`;
    const { failureType } = classify(outcome);
    const message =
      failureType === 'config_error'
        ? `GET ${path}: ${credentialsRejectedMessage(response.status, this.options.apiKey, `${apiMessage}${requestId === undefined ? '' : `, request ${requestId}`}`)}`
        : `GET ${path} failed: ${described}`;
    return new ApiError(failureType, message, response.status, body.type, body.message);
  }

  private exhausted(last: ApiError, attempts: number): ApiError {
    const message = `${last.message} — still failing after ${attempts} attempts; the API may be overloaded or unreachable, try the sync again later.`;
    return new ApiError('transient_error', message, last.status, last.apiErrorType, last.apiMessage);
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'request timed out';
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (error as { code?: string }).code;
    return `network error${code === undefined ? '' : ` ${code}`}: ${cause?.message ?? error.message}`;
  }
  return `network error: ${String(error)}`;
}
