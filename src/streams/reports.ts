/** The time-bucket report streams: what it costs. */
import { USAGE_DIMENSIONS } from '../config.js';
import type { ReportStream } from '../engine/stream.js';
import { flattenBucket, ROW_KEY } from './buckets.js';
import { centsToDollars } from './money.js';

/** Usage rows carry every group-by dimension, null where not grouped (speed: fast-mode beta only). */
const USAGE_KEY_FIELDS = [...USAGE_DIMENSIONS, 'speed'] as const;

/** Cost rows: the two group-by dimensions plus the fields parsed from `description`. */
const COST_KEY_FIELDS = ['workspace_id', 'description', 'cost_type', 'model', 'token_type', 'service_tier', 'context_window', 'inference_geo', 'speed'] as const;

export const usage: ReportStream = {
  kind: 'report',
  name: 'usage',
  path: '/v1/organizations/usage_report/messages',
  primaryKey: [[ROW_KEY]],
  cursorField: 'starting_at',
  bucketWidth: (config) => config.usage_bucket_width,
  query: (config) => ({ bucket_width: config.usage_bucket_width, group_by: config.usage_group_by }),
  completedDaysOnly: false,
  toRecords: (bucket) => flattenBucket(bucket, USAGE_KEY_FIELDS),
};

export const cost: ReportStream = {
  kind: 'report',
  name: 'cost',
  path: '/v1/organizations/cost_report',
  primaryKey: [[ROW_KEY]],
  cursorField: 'starting_at',
  bucketWidth: () => '1d',
  query: (config) => ({ bucket_width: '1d', group_by: config.cost_group_by }),
  completedDaysOnly: true,
  toRecords: (bucket) =>
    flattenBucket(bucket, COST_KEY_FIELDS, (row) => ({
      amount_usd: typeof row['amount'] === 'string' ? centsToDollars(row['amount']) : null,
    })),
};
