/**
 * A local emulator of the Claude Admin API on 127.0.0.1: auth, the organization-wide
 * rate limit, latency, fault injection and request statistics around routes.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { generateOrganization, type Organization, type Size } from './data.js';
import { type Fault, FaultPlan } from './faults.js';
import { seededRandom } from './random.js';
import { HttpProblem, type Reply, route } from './routes.js';
import { groundTruth, type GroundTruth } from './truth.js';

export const EMULATOR_ADMIN_KEY = 'sk-ant-admin01-emulator-demo-key-0000000000000000';

export interface EmulatorOptions {
  seed?: number;
  size?: Size;
  /** Days of usage history and usage facts per hour, instead of the size's. */
  historyDays?: number;
  factsPerHour?: number;
  /** Organization-wide requests per minute; 0 turns the limit off. */
  ratePerMinute?: number;
  /** Requests allowed back to back before the rate applies. */
  burst?: number;
  latencyMs?: number;
  /** Share of requests that get a random transient fault. */
  faultRate?: number;
  now?: () => number;
}

export interface EmulatorStats {
  requests: number;
  rateLimited: number;
  faults: number;
  /** Faults served, by kind ("status 429", "reset", …). */
  faultKinds: Record<string, number>;
  /** Path and query of every request, in order. */
  log: string[];
}

const ERROR_TYPES: Record<number, string> = { 400: 'invalid_request_error', 401: 'authentication_error', 403: 'permission_error', 404: 'not_found_error', 429: 'rate_limit_error', 500: 'api_error', 502: 'api_error', 503: 'api_error', 504: 'timeout_error', 529: 'overloaded_error' };

export class Emulator {
  readonly org: Organization;
  readonly faults: FaultPlan;
  readonly stats: EmulatorStats = { requests: 0, rateLimited: 0, faults: 0, faultKinds: {}, log: [] };
  readonly now: () => number;
  private server: Server | undefined;
  private tokens: number;
  private refilledAt: number;
  private requestSeq = 0;

  constructor(private readonly options: EmulatorOptions = {}) {
    this.now = options.now ?? Date.now;
    const overrides = {
      ...(options.historyDays === undefined ? {} : { historyDays: options.historyDays }),
      ...(options.factsPerHour === undefined ? {} : { factsPerHour: options.factsPerHour }),
    };
    this.org = generateOrganization(options.seed ?? 42, options.size ?? 'medium', this.now(), overrides);
    this.faults = new FaultPlan(seededRandom((options.seed ?? 42) ^ 0x5eed), options.faultRate ?? 0);
    this.tokens = this.burst;
    this.refilledAt = this.now();
  }

  private get burst(): number {
    return this.options.burst ?? 20;
  }

  async start(port = 0): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('The emulator is not running');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
    this.server = undefined;
  }

  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  /** Ground truth for tests: entities and per-day totals as of now. */
  truth(): GroundTruth {
    return groundTruth(this.org, this.now());
  }

  /** Restates the last `days` days (today included): token counts change, as the API's late data does. */
  restate(days: number, factor = 1.5): void {
    const from = Math.floor(this.now() / 86_400_000) * 86_400_000 - (days - 1) * 86_400_000;
    for (const fact of this.org.facts) {
      if (fact.at < from) continue;
      fact.uncached_input_tokens = Math.round(fact.uncached_input_tokens * factor);
      fact.output_tokens = Math.round(fact.output_tokens * factor);
    }
  }

  private takeToken(): number | undefined {
    const rate = this.options.ratePerMinute ?? 100;
    if (rate <= 0) return undefined;
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * rate) / 60_000);
    this.refilledAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil(((1 - this.tokens) * 60_000) / rate / 1000));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.stats.requests++;
    this.stats.log.push(`${url.pathname}${url.search}`);
    const requestId = `req_emu${String(++this.requestSeq).padStart(20, '0')}`;
    const headers: Record<string, string> = { 'request-id': requestId, 'anthropic-organization-id': this.org.id };
    const rate = this.options.ratePerMinute ?? 100;
    if (rate > 0) {
      headers['anthropic-ratelimit-requests-limit'] = String(rate);
      headers['anthropic-ratelimit-requests-remaining'] = String(Math.max(0, Math.floor(this.tokens) - 1));
      headers['anthropic-ratelimit-requests-reset'] = new Date(this.now() + 60_000 / rate).toISOString();
    }
    if ((this.options.latencyMs ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
    const send = (reply: Reply): void => {
      const body = JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...headers, ...reply.headers });
      res.end(body);
    };
    const fail = (status: number, message: string, extra: Record<string, string> = {}): void => {
      send({ status, headers: extra, body: { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message }, request_id: requestId } });
    };
    const key = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer\s+/i, '');
    if (typeof key === 'string' && key.startsWith('sk-ant-api')) {
      fail(403, 'This endpoint requires an Admin API key (sk-ant-admin01-...); standard API keys cannot call the Admin API.');
      return;
    }
    if (key !== EMULATOR_ADMIN_KEY) {
      fail(401, 'invalid x-api-key');
      return;
    }
    if (req.headers['anthropic-version'] === undefined) {
      fail(400, 'anthropic-version: header is required');
      return;
    }
    const wait = this.takeToken();
    if (wait !== undefined) {
      this.stats.rateLimited++;
      fail(429, 'Number of requests has exceeded your rate limit. Please try again later.', { 'retry-after': String(wait) });
      return;
    }
    const fault = this.faults.next(url.pathname);
    if (fault) {
      this.stats.faults++;
      const kind = fault.kind === 'status' ? `status ${String(fault.status ?? 500)}` : fault.kind;
      this.stats.faultKinds[kind] = (this.stats.faultKinds[kind] ?? 0) + 1;
    }
    if (fault?.kind === 'status') {
      const retryAfter = fault.retryAfter === undefined || fault.retryAfter === null ? {} : { 'retry-after': String(fault.retryAfter) };
      fail(fault.status ?? 500, `Injected fault ${fault.status ?? 500}`, retryAfter);
      return;
    }
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 5_000));
    let reply: Reply;
    try {
      reply = route(req.method ?? 'GET', url, this.now(), this.org);
    } catch (error) {
      if (error instanceof HttpProblem) {
        fail(error.status, error.message);
        return;
      }
      fail(500, 'Internal emulator error');
      return;
    }
    if (fault?.kind === 'reset') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000', ...headers });
      res.write(JSON.stringify(reply.body).slice(0, 20));
      setTimeout(() => res.socket?.destroy(), 5);
      return;
    }
    if (fault?.kind === 'truncate') {
      const body = JSON.stringify(reply.body);
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(body.slice(0, Math.floor(body.length / 2)));
      return;
    }
    if (fault?.kind === 'has_more_no_cursor' || fault?.kind === 'repeat_cursor') reply = breakCursor(reply, fault.kind, url);
    send(reply);
  }
}

/** Pagination contract violations, for the connector's loop guards. */
function breakCursor(reply: Reply, kind: 'has_more_no_cursor' | 'repeat_cursor', url: URL): Reply {
  const body: Record<string, unknown> = { ...(reply.body as Record<string, unknown>), has_more: true };
  const isReport = 'next_page' in body;
  const cursorField = isReport ? 'next_page' : 'last_id';
  const previous = url.searchParams.get(isReport ? 'page' : 'after_id');
  body[cursorField] = kind === 'has_more_no_cursor' ? null : (previous ?? body[cursorField] ?? 'cursor_repeated');
  return { ...reply, body };
}
