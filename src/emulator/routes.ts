/**
 * The Admin API's endpoints over an Organization: id-cursor lists and time-bucket
 * reports with the API's limits, page tokens bound to their query, and its error bodies.
 */
import type { Organization } from './data.js';
import { costReport, type ReportQuery, usageReport } from './reports.js';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string): HttpProblem => new HttpProblem(400, 'invalid_request_error', message);
const DAY = 86_400_000;
const WIDTHS: Record<string, { ms: number; def: number; max: number }> = {
  '1d': { ms: DAY, def: 7, max: 31 },
  '1h': { ms: 3_600_000, def: 24, max: 168 },
  '1m': { ms: 60_000, def: 60, max: 1440 },
};
const USAGE_GROUPS = ['account_id', 'api_key_id', 'context_window', 'inference_geo', 'model', 'service_account_id', 'service_tier', 'speed', 'workspace_id'];
const COST_GROUPS = ['description', 'workspace_id'];

/** Repeated `key[]=` (the documented form) or plain `key=`. */
const all = (params: URLSearchParams, key: string): string[] => [...params.getAll(`${key}[]`), ...params.getAll(key)];

function parseLimit(params: URLSearchParams, def: number, max: number): number {
  const raw = params.get('limit');
  if (raw === null) return def;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw bad(`limit: Input should be between 1 and ${max}`);
  return limit;
}

function listPage(items: readonly Record<string, unknown>[], params: URLSearchParams, idField = 'id'): Reply {
  const limit = parseLimit(params, 20, 1000);
  const afterId = params.get('after_id');
  const beforeId = params.get('before_id');
  if (afterId !== null && beforeId !== null) throw bad('Only one of before_id and after_id may be given');
  let from = 0;
  if (afterId !== null) {
    const index = items.findIndex((item) => item[idField] === afterId);
    if (index < 0) throw bad(`after_id: unknown id ${afterId}`);
    from = index + 1;
  }
  const data = items.slice(from, from + limit);
  const id = (item: Record<string, unknown> | undefined): unknown => (item === undefined ? null : item[idField]);
  return { status: 200, body: { data, first_id: id(data[0]), last_id: id(data.at(-1)), has_more: from + limit < items.length } };
}

function fingerprint(params: URLSearchParams): string {
  return [...params.entries()].filter(([key]) => key !== 'page').map(([k, v]) => `${k}=${v}`).sort().join('&');
}

const encodePage = (start: number, params: URLSearchParams): string =>
  `page_${Buffer.from(JSON.stringify({ s: start, q: fingerprint(params) })).toString('base64')}`;

function decodePage(token: string, params: URLSearchParams): number {
  try {
    const { s, q } = JSON.parse(Buffer.from(token.replace(/^page_/, ''), 'base64').toString('utf8')) as { s: number; q: string };
    if (q !== fingerprint(params)) throw bad('page: the page token does not belong to this query; resend the original parameters');
    return s;
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw bad('page: invalid page token');
  }
}

function instant(value: string | null, name: string): number {
  const ms = value === null ? NaN : Date.parse(value);
  if (Number.isNaN(ms)) throw bad(`${name}: Input should be a valid datetime`);
  return ms;
}

function report(params: URLSearchParams, now: number, kind: 'usage' | 'cost', org: Organization): Reply {
  const widthName = params.get('bucket_width') ?? '1d';
  const width = WIDTHS[widthName];
  if (width === undefined || (kind === 'cost' && widthName !== '1d')) throw bad(`bucket_width: Input should be ${kind === 'cost' ? "'1d'" : "'1d', '1h' or '1m'"}`);
  const limit = parseLimit(params, width.def, width.max);
  const groupBy = all(params, 'group_by');
  const allowed = kind === 'usage' ? USAGE_GROUPS : COST_GROUPS;
  const unknown = groupBy.find((group) => !allowed.includes(group));
  if (unknown !== undefined) throw bad(`group_by[]: Input should be one of ${allowed.join(', ')}; got '${unknown}'`);
  if (groupBy.length > 5) throw bad('Cannot specify more than 5 group_by[] dimensions.');
  const rawStart = instant(params.get('starting_at'), 'starting_at');
  const start = Math.ceil(rawStart / width.ms) * width.ms;
  const rawEnd = params.get('ending_at') === null ? Math.ceil(now / width.ms) * width.ms : instant(params.get('ending_at'), 'ending_at');
  if (rawEnd <= rawStart) throw bad('Invalid date range: ending date must be after starting date');
  let end = Math.floor(rawEnd / width.ms) * width.ms;
  // The cost report only has completed UTC days; a range without one is rejected.
  if (kind === 'cost') end = Math.min(end, Math.floor(now / DAY) * DAY);
  if (kind === 'cost' && end <= start) throw bad('Invalid date range: ending date must be after starting date');
  const page = params.get('page');
  const pageStart = page === null ? start : decodePage(page, params);
  const pageEnd = Math.min(end, pageStart + limit * width.ms);
  const query: ReportQuery = { start: pageStart, end: Math.max(pageStart, pageEnd), widthMs: width.ms, groupBy, visibleBefore: now };
  const data = kind === 'usage' ? usageReport(org.facts, query) : costReport(org.facts, query);
  const hasMore = pageEnd < end;
  return { status: 200, body: { data, has_more: hasMore, next_page: hasMore ? encodePage(pageEnd, params) : null } };
}

const sortedDesc = (items: Record<string, unknown>[], field: string): Record<string, unknown>[] =>
  [...items].sort((a, b) => String(b[field]).localeCompare(String(a[field])));

export function route(method: string, url: URL, now: number, org: Organization): Reply {
  if (method !== 'GET') throw new HttpProblem(405, 'invalid_request_error', `Method ${method} is not supported by the emulator`);
  const path = url.pathname.replace(/\/+$/, '');
  const params = url.searchParams;
  switch (path) {
    case '/v1/organizations/me':
      return { status: 200, body: { id: org.id, type: 'organization', name: org.name } };
    case '/v1/organizations/users':
      return listPage(sortedDesc(org.users, 'added_at'), params);
    case '/v1/organizations/workspaces': {
      const archived = params.get('include_archived') === 'true';
      return listPage(org.workspaces.filter((w) => archived || w['archived_at'] === null), params);
    }
    case '/v1/organizations/api_keys': {
      const status = params.get('status');
      return listPage(sortedDesc(org.apiKeys, 'created_at').filter((k) => status === null || k['status'] === status), params);
    }
    case '/v1/organizations/invites':
      return listPage(sortedDesc(org.invites, 'invited_at'), params);
    case '/v1/organizations/usage_report/messages':
      return report(params, now, 'usage', org);
    case '/v1/organizations/cost_report':
      return report(params, now, 'cost', org);
    case '/v1/organizations/usage_report/claude_code':
      return claudeCode(params, now, org);
    default:
      break;
  }
  const members = /^\/v1\/organizations\/workspaces\/([^/]+)\/members$/.exec(path);
  if (members) {
    const id = decodeURIComponent(members[1] ?? '');
    if (!org.workspaces.some((w) => w['id'] === id)) throw new HttpProblem(404, 'not_found_error', `Workspace ${id} not found`);
    return listPage(org.members.filter((m) => m['workspace_id'] === id), params, 'user_id');
  }
  throw new HttpProblem(404, 'not_found_error', 'The requested resource could not be found.');
}

/** Claude Code usage: one record per user and day with OAuth usage, days older than 1 hour. */
function claudeCode(params: URLSearchParams, now: number, org: Organization): Reply {
  const day = params.get('starting_at');
  if (day === null || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw bad('starting_at: Input should be a date in the format YYYY-MM-DD');
  const start = Date.parse(`${day}T00:00:00Z`);
  const facts = org.facts.filter((f) => f.at >= start && f.at < start + DAY && f.at < now - 3_600_000 && f.account_id !== null);
  const byUser = new Map<string, number>();
  for (const fact of facts) byUser.set(fact.account_id as string, (byUser.get(fact.account_id as string) ?? 0) + fact.output_tokens);
  const records = [...byUser.entries()].map(([user, output]) => ({
    date: `${day}T00:00:00Z`,
    actor: { type: 'user_actor', email_address: org.users.find((u) => u['id'] === user)?.['email'] ?? null },
    organization_id: org.id,
    customer_type: 'api',
    terminal_type: 'vscode',
    core_metrics: { num_sessions: 1, lines_of_code: { added: 0, removed: 0 }, commits_by_claude_code: 0, pull_requests_by_claude_code: 0 },
    model_breakdown: [{ model: 'claude-sonnet-4-5-20250929', tokens: { input: 0, output, cache_read: 0, cache_creation: 0 }, estimated_cost: { currency: 'USD', amount: 0 } }],
  }));
  return { status: 200, body: { data: records.slice(0, parseLimit(params, 20, 1000)), has_more: false, next_page: null } };
}
