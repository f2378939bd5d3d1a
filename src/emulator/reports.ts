/**
 * Usage and cost reports aggregated from usage facts: buckets aligned to UTC, oldest
 * first, empty ones included; ungrouped dimensions null; cost in exact micro-cents
 * rendered as decimal strings in cents (6 decimals), Priority Tier excluded.
 */
import { MODELS, type UsageFact } from './data.js';

export interface ReportQuery {
  start: number;
  end: number;
  widthMs: number;
  groupBy: readonly string[];
  /** Facts at or after this instant are not visible yet. */
  visibleBefore: number;
}

type Row = Record<string, unknown>;

function lowerBound(facts: readonly UsageFact[], at: number): number {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((facts[mid] as UsageFact).at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function aggregate<T>(facts: readonly UsageFact[], query: ReportQuery, expand: (fact: UsageFact) => { key: string; row: () => T; add: (into: T) => void }[]): { starting_at: string; ending_at: string; rows: T[] }[] {
  const count = Math.max(0, Math.ceil((query.end - query.start) / query.widthMs));
  const buckets = Array.from({ length: count }, () => new Map<string, T>());
  const stop = Math.min(query.end, query.visibleBefore);
  for (let i = lowerBound(facts, query.start); i < facts.length; i++) {
    const fact = facts[i] as UsageFact;
    if (fact.at >= stop) break;
    const bucket = buckets[Math.floor((fact.at - query.start) / query.widthMs)] as Map<string, T>;
    for (const part of expand(fact)) {
      let row = bucket.get(part.key);
      if (row === undefined) bucket.set(part.key, (row = part.row()));
      part.add(row);
    }
  }
  return buckets.map((rows, i) => ({
    starting_at: iso(query.start + i * query.widthMs),
    ending_at: iso(query.start + (i + 1) * query.widthMs),
    rows: [...rows.values()],
  }));
}

const USAGE_DIMENSIONS = ['account_id', 'api_key_id', 'context_window', 'inference_geo', 'model', 'service_account_id', 'service_tier', 'workspace_id'] as const;

export function usageReport(facts: readonly UsageFact[], query: ReportQuery): { starting_at: string; ending_at: string; results: Row[] }[] {
  const buckets = aggregate<Row>(facts, query, (fact) => {
    const dims = Object.fromEntries(USAGE_DIMENSIONS.map((d) => [d, query.groupBy.includes(d) ? fact[d] : null]));
    return [
      {
        key: JSON.stringify(dims),
        row: () => ({
          ...dims,
          uncached_input_tokens: 0,
          cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
          cache_read_input_tokens: 0,
          output_tokens: 0,
          server_tool_use: { web_search_requests: 0 },
        }),
        add: (row) => {
          row['uncached_input_tokens'] = (row['uncached_input_tokens'] as number) + fact.uncached_input_tokens;
          row['cache_read_input_tokens'] = (row['cache_read_input_tokens'] as number) + fact.cache_read_input_tokens;
          row['output_tokens'] = (row['output_tokens'] as number) + fact.output_tokens;
          const cache = row['cache_creation'] as Record<string, number>;
          cache['ephemeral_1h_input_tokens'] = (cache['ephemeral_1h_input_tokens'] ?? 0) + fact.ephemeral_1h_input_tokens;
          cache['ephemeral_5m_input_tokens'] = (cache['ephemeral_5m_input_tokens'] ?? 0) + fact.ephemeral_5m_input_tokens;
          const tools = row['server_tool_use'] as Record<string, number>;
          tools['web_search_requests'] = (tools['web_search_requests'] ?? 0) + fact.web_search_requests;
        },
      },
    ];
  });
  return buckets.map(({ starting_at, ending_at, rows }) => ({ starting_at, ending_at, results: rows }));
}

export interface CostLine {
  description: string;
  cost_type: 'tokens' | 'web_search';
  model: string | null;
  token_type: string | null;
  service_tier: 'standard' | 'batch' | null;
  context_window: string | null;
  inference_geo: string | null;
  microCents: number;
}

const TOKEN_LINES = [
  { field: 'uncached_input_tokens', label: 'Input Tokens', factor: 1, output: false },
  { field: 'cache_read_input_tokens', label: 'Input Tokens, Cache Hit', factor: 0.1, output: false },
  { field: 'ephemeral_5m_input_tokens', label: 'Input Tokens, Cache Write', factor: 1.25, output: false, tokenType: 'cache_creation.ephemeral_5m_input_tokens' },
  { field: 'ephemeral_1h_input_tokens', label: 'Input Tokens, Cache Write 1h', factor: 2, output: false, tokenType: 'cache_creation.ephemeral_1h_input_tokens' },
  { field: 'output_tokens', label: 'Output Tokens', factor: 1, output: true },
] as const;

/** The billed lines of one fact. Priority Tier is billed elsewhere and not in the cost report. */
export function costLines(fact: UsageFact): CostLine[] {
  if (fact.service_tier === 'priority') return [];
  const model = MODELS[fact.model] ?? { label: fact.model, input: 300, output: 1500 };
  const batch = fact.service_tier === 'batch';
  const long = fact.context_window === '200k-1M';
  const suffix = `${batch ? ' (Batch)' : ''}${long ? ' (Long Context)' : ''}${fact.inference_geo === 'us' ? ' (US)' : ''}`;
  const lines: CostLine[] = [];
  for (const line of TOKEN_LINES) {
    const tokens = fact[line.field];
    if (tokens === 0) continue;
    const base = line.output ? model.output * (long ? 1.5 : 1) : model.input * line.factor * (long ? 2 : 1);
    const perToken = Math.round(base * (batch ? 0.5 : 1) * (fact.inference_geo === 'us' ? 1.1 : 1));
    lines.push({
      description: `${model.label} Usage - ${line.label}${suffix}`,
      cost_type: 'tokens',
      model: fact.model,
      token_type: 'tokenType' in line ? line.tokenType : line.field,
      service_tier: batch ? 'batch' : 'standard',
      context_window: fact.context_window,
      inference_geo: fact.inference_geo,
      microCents: tokens * perToken,
    });
  }
  if (fact.web_search_requests > 0) {
    // $10 per 1,000 searches = 1 cent per search.
    lines.push({ description: 'Web Search Usage', cost_type: 'web_search', model: null, token_type: null, service_tier: null, context_window: null, inference_geo: null, microCents: fact.web_search_requests * 1_000_000 });
  }
  return lines;
}

/** Micro-cents (integer) as the API's decimal string in cents, 6 decimals. */
export function formatCents(microCents: number): string {
  const whole = Math.floor(microCents / 1_000_000);
  return `${whole}.${String(microCents - whole * 1_000_000).padStart(6, '0')}`;
}

export function costReport(facts: readonly UsageFact[], query: ReportQuery): { starting_at: string; ending_at: string; results: Row[] }[] {
  const byDescription = query.groupBy.includes('description');
  const byWorkspace = query.groupBy.includes('workspace_id');
  const buckets = aggregate<{ row: Row; micro: number }>(facts, query, (fact) =>
    costLines(fact).map((line) => {
      const parsed = byDescription
        ? { description: line.description, cost_type: line.cost_type, model: line.model, token_type: line.token_type, service_tier: line.service_tier, context_window: line.context_window, inference_geo: line.inference_geo }
        : { description: null, cost_type: null, model: null, token_type: null, service_tier: null, context_window: null, inference_geo: null };
      const workspace = byWorkspace ? fact.workspace_id : null;
      return {
        key: JSON.stringify([workspace, parsed.description]),
        row: () => ({ row: { currency: 'USD', workspace_id: workspace, ...parsed }, micro: 0 }),
        add: (into) => {
          into.micro += line.microCents;
        },
      };
    }),
  );
  return buckets.map(({ starting_at, ending_at, rows }) => ({
    starting_at,
    ending_at,
    results: rows.map(({ row, micro }) => ({ amount: formatCents(micro), ...row })),
  }));
}
