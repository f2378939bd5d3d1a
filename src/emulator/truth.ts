/** Ground truth for tests: what a complete, correct sync must contain, computed from the facts. */
import type { Organization, UsageFact } from './data.js';
import { costLines, formatCents } from './reports.js';

const TOKEN_FIELDS = ['uncached_input_tokens', 'cache_read_input_tokens', 'ephemeral_5m_input_tokens', 'ephemeral_1h_input_tokens', 'output_tokens', 'web_search_requests'] as const;

export type DayTokens = Pick<UsageFact, (typeof TOKEN_FIELDS)[number]>;

export interface GroundTruth {
  users: Record<string, unknown>[];
  workspaces: Record<string, unknown>[];
  members: Record<string, unknown>[];
  apiKeys: Record<string, unknown>[];
  invites: Record<string, unknown>[];
  /** "YYYY-MM-DD" → token totals of the facts visible now (today partial). */
  usageByDay: Record<string, DayTokens>;
  /** "YYYY-MM-DD" → cost in cents as a decimal string; completed days only. */
  costByDay: Record<string, string>;
}

const DAY = 86_400_000;

export function groundTruth(org: Organization, now: number): GroundTruth {
  const today = Math.floor(now / DAY) * DAY;
  const usageByDay: Record<string, DayTokens> = {};
  const microByDay = new Map<string, number>();
  for (const fact of org.facts) {
    if (fact.at >= now) break;
    const day = new Date(fact.at).toISOString().slice(0, 10);
    const totals = (usageByDay[day] ??= { uncached_input_tokens: 0, cache_read_input_tokens: 0, ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0, output_tokens: 0, web_search_requests: 0 });
    for (const field of TOKEN_FIELDS) totals[field] += fact[field];
    if (fact.at < today) {
      const micro = costLines(fact).reduce((sum, line) => sum + line.microCents, 0);
      microByDay.set(day, (microByDay.get(day) ?? 0) + micro);
    }
  }
  const costByDay = Object.fromEntries([...microByDay.entries()].map(([day, micro]) => [day, formatCents(micro)]));
  return { users: org.users, workspaces: org.workspaces, members: org.members, apiKeys: org.apiKeys, invites: org.invites, usageByDay, costByDay };
}
