/**
 * `check`: one cheap request per stream endpoint. Rejected credentials fail the check
 * with an explanation; endpoints that this key or deployment cannot read (on Claude
 * Platform on AWS only workspaces exist) are named so the user can deselect them.
 */
import type { Config } from './config.js';
import { ADMIN_KEY_HELP } from './api.js';
import { ApiError, type ApiClient, type Query } from './http/client.js';
import { listPage } from './engine/paginate.js';
import { DAY_MS, startOfUtcDay, toIso } from './engine/time.js';
import { STREAM_NAMES } from './streams/registry.js';

export interface CheckResult {
  ok: boolean;
  message?: string;
}

interface Probe {
  streams: string[];
  path: string;
  query: Query;
}

function probes(now: number, workspaceId: string | undefined): Probe[] {
  const today = startOfUtcDay(now);
  const window = { starting_at: toIso(today - DAY_MS), ending_at: toIso(today), bucket_width: '1d', limit: 1 };
  const list: Probe[] = [
    { streams: ['users'], path: '/v1/organizations/users', query: { limit: 1 } },
    { streams: ['api_keys'], path: '/v1/organizations/api_keys', query: { limit: 1 } },
    { streams: ['invites'], path: '/v1/organizations/invites', query: { limit: 1 } },
    { streams: ['usage'], path: '/v1/organizations/usage_report/messages', query: window },
    { streams: ['cost'], path: '/v1/organizations/cost_report', query: window },
  ];
  if (workspaceId !== undefined) {
    list.push({ streams: ['workspace_members'], path: `/v1/organizations/workspaces/${encodeURIComponent(workspaceId)}/members`, query: { limit: 1 } });
  }
  return list;
}

/** 404 (or 403 on some endpoints only) means "this endpoint is not offered here". */
const isUnavailable = (error: unknown): error is ApiError => error instanceof ApiError && (error.status === 404 || error.status === 403);

export async function checkConnection(config: Config, client: ApiClient, now: number): Promise<CheckResult> {
  const unavailable: string[] = [];
  const rejections: ApiError[] = [];
  const run = async (probe: Probe): Promise<unknown> => {
    try {
      return await client.get(probe.path, probe.query);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw error;
      // Any other 4xx still proves the endpoint exists (e.g. the cost report's date rule).
      if (isUnavailable(error)) {
        unavailable.push(...probe.streams);
        rejections.push(error);
      } else if (!(error instanceof ApiError && error.status === 400)) throw error;
      return undefined;
    }
  };
  let firstWorkspace: string | undefined;
  try {
    const body = await run({ streams: ['workspaces', 'workspace_members'], path: '/v1/organizations/workspaces', query: { limit: 1, include_archived: config.include_archived_workspaces } });
    if (body !== undefined) firstWorkspace = listPage(body, 'workspaces').items[0]?.['id'] as string | undefined;
    for (const probe of probes(now, firstWorkspace)) await run(probe);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { ok: false, message: error.message };
    throw error;
  }
  const total = STREAM_NAMES.length;
  const missing = STREAM_NAMES.filter((name) => unavailable.includes(name));
  if (missing.length === 0) return { ok: true };
  if (missing.length >= total && rejections.every((error) => error.status === 403)) {
    return { ok: false, message: rejections[0]?.message ?? ADMIN_KEY_HELP };
  }
  if (missing.length >= total) {
    return { ok: false, message: `No Admin API endpoint answered at ${config.base_url} (all returned 404). Check base_url. ${ADMIN_KEY_HELP}` };
  }
  return {
    ok: true,
    message: `Connected, but these streams are not available with this key or deployment and must be deselected: ${missing.join(', ')}. (On Claude Platform on AWS only the workspace endpoints exist.)`,
  };
}
