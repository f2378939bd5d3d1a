/**
 * The emulator's organization: entities and fine-grained usage facts, generated from a
 * seed. Every report is aggregated from the same facts, so totals agree across every
 * group-by and bucket width, and cost is derived from tokens with integer prices in
 * micro-cents (1e-6 cent) per token, so money sums are exact.
 */
import { int, pick, type Random, seededRandom, tagId } from './random.js';

export type Size = 'small' | 'medium' | 'large';

export interface UsageFact {
  /** Minute the requests happened (epoch ms, minute-aligned). */
  at: number;
  workspace_id: string | null;
  api_key_id: string | null;
  account_id: string | null;
  service_account_id: string | null;
  model: string;
  service_tier: 'standard' | 'batch' | 'priority';
  context_window: '0-200k' | '200k-1M';
  inference_geo: 'global' | 'us' | 'not_available';
  uncached_input_tokens: number;
  cache_read_input_tokens: number;
  ephemeral_5m_input_tokens: number;
  ephemeral_1h_input_tokens: number;
  output_tokens: number;
  web_search_requests: number;
}

export interface Organization {
  id: string;
  name: string;
  users: Record<string, unknown>[];
  workspaces: Record<string, unknown>[];
  members: Record<string, unknown>[];
  apiKeys: Record<string, unknown>[];
  invites: Record<string, unknown>[];
  facts: UsageFact[];
}

export const SIZES: Record<Size, { users: number; workspaces: number; historyDays: number; factsPerHour: number }> = {
  small: { users: 6, workspaces: 3, historyDays: 21, factsPerHour: 2 },
  medium: { users: 40, workspaces: 12, historyDays: 60, factsPerHour: 6 },
  large: { users: 1500, workspaces: 320, historyDays: 120, factsPerHour: 12 },
};

/** Model → display name and prices in micro-cents per token (input, output). */
export const MODELS: Record<string, { label: string; input: number; output: number }> = {
  'claude-opus-4-6': { label: 'Claude Opus 4.6', input: 500, output: 2500 },
  'claude-sonnet-4-5-20250929': { label: 'Claude Sonnet 4.5', input: 300, output: 1500 },
  'claude-haiku-4-5-20251001': { label: 'Claude Haiku 4.5', input: 100, output: 500 },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number, micro = false): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, micro ? '.$1427Z' : 'Z');

function people(random: Random, count: number, anchor: number): Record<string, unknown>[] {
  const roles = ['user', 'developer', 'developer', 'billing', 'admin', 'claude_code_user'];
  return Array.from({ length: count }, (_, i) => ({
    id: tagId(random, 'user'),
    type: 'user',
    email: `person${i + 1}@example.com`,
    name: `Person ${i + 1}`,
    role: i === 0 ? 'admin' : pick(random, roles),
    added_at: iso(anchor - int(random, 30, 900) * DAY - int(random, 0, 86_000) * 1000, true),
  }));
}

function workspaceList(random: Random, count: number, anchor: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const created = anchor - int(random, 200, 700) * DAY;
    const archived = i > 0 && i % 5 === 4;
    return {
      id: tagId(random, 'wrkspc'),
      type: 'workspace',
      name: i === 0 ? 'Claude Code' : `Workspace ${i + 1}`,
      display_color: pick(random, ['#6C5BB9', '#b6613c', '#3c8ab6', '#4caf50']),
      created_at: iso(created, true),
      archived_at: archived ? iso(anchor - int(random, 1, 100) * DAY, true) : null,
      compartment_id: null,
      external_key_id: null,
      tags: i % 2 === 0 ? { env: 'prod' } : {},
      data_residency: { allowed_inference_geos: 'unrestricted', default_inference_geo: 'global', workspace_geo: 'us' },
    };
  });
}

export type SizeSpec = (typeof SIZES)[Size];

/** `overrides` reshape a size, e.g. a year of history or denser usage for benchmarks. */
export function generateOrganization(seed: number, size: Size, anchorMs: number, overrides: Partial<SizeSpec> = {}): Organization {
  const random = seededRandom(seed);
  const spec = { ...SIZES[size], ...overrides };
  const today = Math.floor(anchorMs / DAY) * DAY;
  const users = people(random, spec.users, today);
  const workspaces = workspaceList(random, spec.workspaces, today);
  const members = workspaces.flatMap((workspace) =>
    users
      .filter((user, index) => index === 0 || random() < 0.4 || user['role'] === 'admin')
      .map((user) => ({
        type: 'workspace_member',
        user_id: user['id'],
        workspace_id: workspace['id'],
        workspace_role: user['role'] === 'admin' ? 'workspace_admin' : pick(random, ['workspace_user', 'workspace_developer', 'workspace_restricted_developer']),
      })),
  );
  const statuses = ['active', 'active', 'active', 'inactive', 'archived', 'expired'];
  const workspaceIds: (string | null)[] = [null, ...workspaces.map((w) => w['id'] as string)];
  const apiKeys = Array.from({ length: spec.workspaces * 2 + 3 }, (_, i) => {
    const owner = pick(random, users);
    const status = i < 3 ? 'active' : pick(random, statuses);
    return {
      id: tagId(random, 'apikey'),
      type: 'api_key',
      name: `Key ${i + 1}`,
      status,
      created_at: iso(today - int(random, 10, 400) * DAY, true),
      expires_at: status === 'expired' ? iso(today - int(random, 1, 9) * DAY, true) : null,
      partial_key_hint: `sk-ant-api03-${tagId(random, 'x').slice(4, 7)}...${tagId(random, 'x').slice(-4)}`,
      workspace_id: workspaceIds[i % workspaceIds.length] ?? null,
      created_by: { id: owner['id'], type: 'user' },
      principal: i % 3 === 0 ? { id: owner['id'], type: 'user' } : null,
    };
  });
  const inviteStatuses = ['pending', 'accepted', 'expired', 'deleted'];
  const invites = Array.from({ length: Math.max(4, Math.ceil(spec.users / 5)) }, (_, i) => {
    const invited = today - int(random, 1, 60) * DAY;
    const status = inviteStatuses[i % inviteStatuses.length] as string;
    return {
      id: tagId(random, 'invite'),
      type: 'invite',
      email: `invitee${i + 1}@example.com`,
      role: pick(random, ['user', 'developer', 'claude_code_user']),
      status,
      invited_at: iso(invited, true),
      expires_at: iso(invited + 21 * DAY, true),
      accepted_at: status === 'accepted' ? iso(invited + DAY, true) : null,
      rbac_group_ids: [],
    };
  });
  const facts = generateFacts(random, spec, today, apiKeys, users);
  return { id: '12345678-1234-5678-1234-567812345678', name: 'Emulated Organization', users, workspaces, members, apiKeys, invites, facts };
}

function generateFacts(random: Random, spec: SizeSpec, today: number, apiKeys: Record<string, unknown>[], users: Record<string, unknown>[]): UsageFact[] {
  const facts: UsageFact[] = [];
  const models = Object.keys(MODELS);
  // History up to the end of today; facts later than "now" stay invisible until their time.
  for (let hour = today - spec.historyDays * DAY; hour < today + DAY; hour += HOUR) {
    for (let n = 0; n < spec.factsPerHour; n++) {
      const console = random() < 0.1;
      const key = pick(random, apiKeys);
      facts.push({
        at: hour + int(random, 0, 59) * 60_000,
        workspace_id: console ? null : (key['workspace_id'] as string | null),
        api_key_id: console ? null : (key['id'] as string),
        account_id: random() < 0.15 ? (pick(random, users)['id'] as string) : null,
        service_account_id: null,
        model: pick(random, models),
        service_tier: random() < 0.15 ? 'batch' : random() < 0.05 ? 'priority' : 'standard',
        context_window: random() < 0.1 ? '200k-1M' : '0-200k',
        inference_geo: random() < 0.2 ? 'us' : 'global',
        uncached_input_tokens: int(random, 100, 40_000),
        cache_read_input_tokens: random() < 0.5 ? int(random, 0, 200_000) : 0,
        ephemeral_5m_input_tokens: random() < 0.3 ? int(random, 0, 20_000) : 0,
        ephemeral_1h_input_tokens: random() < 0.1 ? int(random, 0, 10_000) : 0,
        output_tokens: int(random, 50, 8_000),
        web_search_requests: random() < 0.05 ? int(random, 1, 5) : 0,
      });
    }
  }
  return facts.sort((a, b) => a.at - b.at);
}
