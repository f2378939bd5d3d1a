/**
 * The connector's configuration: one zod schema gives the Config type, the parser with
 * field-level error messages, and (through spec.ts) the spec's JSON Schema.
 */
import { z } from 'zod';

import { parseInstant } from './engine/time.js';
import { configError } from './errors.js';

export const USAGE_DIMENSIONS = [
  'workspace_id',
  'api_key_id',
  'model',
  'service_tier',
  'context_window',
  'inference_geo',
  'account_id',
  'service_account_id',
] as const;
export const COST_DIMENSIONS = ['workspace_id', 'description'] as const;
export const BUCKET_WIDTHS = ['1d', '1h', '1m'] as const;
/** The API rejects more than 5 group_by[] dimensions (admin-api.md §18.3). */
export const MAX_GROUP_BY = 5;

/** Config keys whose values are secrets: flagged in the spec, masked in every output. */
export const SECRET_FIELDS = ['admin_api_key'] as const;

const DATE_OR_RFC3339 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export const isLoopbackHost = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);

const unique = (values: readonly string[]): boolean => new Set(values).size === values.length;

export const configSchema = z
  .object({
    admin_api_key: z.string().trim().min(1, 'is required').meta({
      title: 'Admin API key',
      description:
        'An Admin API key of your Claude Console organization (starts with sk-ant-admin01-). Create one in Console → Settings → Admin keys. A standard API key (sk-ant-api03-) cannot read the Admin API.',
      airbyte_secret: true,
      order: 0,
    }),
    start_date: z
      .string()
      .regex(DATE_OR_RFC3339, 'expected YYYY-MM-DD or an RFC 3339 date-time such as 2025-01-01T00:00:00Z')
      .refine((value) => parseInstant(value) !== undefined, 'is not a real calendar date')
      .optional()
      .meta({
        title: 'Start date',
        description:
          'First UTC day of usage and cost to sync when there is no state yet (YYYY-MM-DD or RFC 3339; a time of day is truncated to its UTC day). Default: 30 days before the day of the sync.',
        pattern_descriptor: 'YYYY-MM-DD or RFC 3339',
        examples: ['2025-01-01', '2025-01-01T00:00:00Z'],
        order: 1,
      }),
    lookback_days: z.number().int('must be a whole number').min(0).max(365).default(3).meta({
      title: 'Lookback days',
      description:
        'Days of usage and cost re-read before the saved cursor on every incremental sync, because the API restates recent days. 0 re-reads only the current day.',
      examples: [3],
      order: 2,
    }),
    usage_bucket_width: z.enum(BUCKET_WIDTHS).default('1d').meta({
      title: 'Usage bucket width',
      description: 'Granularity of the usage stream: 1d (daily), 1h (hourly) or 1m (per minute). Cost is always daily.',
      order: 3,
    }),
    usage_group_by: z
      .array(z.enum(USAGE_DIMENSIONS))
      .max(MAX_GROUP_BY, `at most ${MAX_GROUP_BY} dimensions (the API rejects more)`)
      .refine(unique, 'must not repeat a dimension')
      .default(['workspace_id', 'api_key_id', 'model', 'service_tier', 'context_window'])
      .meta({
        title: 'Usage group-by dimensions',
        description:
          'Dimensions the usage report is split by (at most 5). Dimensions not grouped are null in the records.',
        uniqueItems: true,
        examples: [['workspace_id', 'api_key_id', 'model', 'service_tier', 'context_window']],
        order: 4,
      }),
    cost_group_by: z
      .array(z.enum(COST_DIMENSIONS))
      .refine(unique, 'must not repeat a dimension')
      .default(['workspace_id', 'description'])
      .meta({
        title: 'Cost group-by dimensions',
        description:
          'Dimensions the cost report is split by: workspace_id and/or description (description also fills model, token_type, cost_type and the other parsed fields).',
        uniqueItems: true,
        examples: [['workspace_id', 'description']],
        order: 5,
      }),
    page_size: z.number().int('must be a whole number').min(1).max(1000).default(1000).meta({
      title: 'List page size',
      description: 'Objects per page for users, workspaces, members, API keys and invites (1 to 1000).',
      order: 6,
    }),
    requests_per_minute: z.number().int('must be a whole number').min(1).max(10000).default(50).meta({
      title: 'Requests per minute',
      description:
        'Budget of API requests per minute for the whole sync. The Admin API allows about 100 per minute per organization, shared with every other admin tool, so the default leaves headroom.',
      order: 7,
    }),
    include_archived_workspaces: z.boolean().default(true).meta({
      title: 'Include archived workspaces',
      description: 'List archived workspaces (and their members) too; usage and cost history still refers to them.',
      order: 8,
    }),
    base_url: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
      .default('https://api.anthropic.com')
      .refine((value) => {
        if (!URL.canParse(value)) return true; // reported by .url() already
        const url = new URL(value);
        return url.protocol === 'https:' || isLoopbackHost(url.hostname);
      }, 'must use https (plain http is accepted only for a loopback host such as 127.0.0.1)')
      .meta({
        title: 'Base URL',
        description: 'Admin API base URL. Change it only for a proxy or the local emulator (http://127.0.0.1:PORT).',
        examples: ['https://api.anthropic.com'],
        order: 9,
      }),
  })
  .loose();

export type Config = z.output<typeof configSchema>;

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Plain wording for the two issues zod words most awkwardly. */
export function plainError(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? 'is required' : `expected ${issue.expected}, got ${typeName(issue.input)}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `expected one of ${issue.values.map(String).join(', ')}, got ${JSON.stringify(issue.input)}`;
  }
  return undefined;
}

/** One line per problem: "field: what was expected". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string {
  return issues
    .map((issue) => {
      const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
      const field = `${prefix}${path}`.replace(/^\./, '') || prefix || 'value';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

export function parseConfig(raw: unknown): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw configError('Config validation error: the config must be a JSON object.');
  }
  const result = configSchema.safeParse(raw, { error: plainError });
  if (!result.success) throw configError(`Config validation error: ${describeIssues(result.error.issues)}`);
  return result.data;
}
