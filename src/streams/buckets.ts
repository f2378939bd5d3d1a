/**
 * Report buckets to records: one record per bucket × result row, stamped with the
 * bucket's bounds, with every dimension of the stream present (null when not grouped),
 * the API's own fields kept as given (nested cache_creation and server_tool_use included),
 * and a non-null `row_key` unique per bucket and dimension values.
 */
import { ConnectorError } from '../errors.js';
import type { JsonObject } from '../protocol/airbyte.js';
import type { Bucket } from '../engine/stream.js';

export const ROW_KEY = 'row_key';
/** Stands for null in row keys: "not grouped", or the Default Workspace / Console usage. */
const NULL_TOKEN = '-';

/**
 * "2025-08-01T00:00:00Z/2025-08-02T00:00:00Z|workspace_id=wrkspc_1|model=-|…": readable,
 * stable across runs, and distinct for different bucket widths.
 */
export function rowKey(starting: string, ending: string, dimensions: readonly string[], row: JsonObject): string {
  let key = `${starting}/${ending}`;
  for (const dimension of dimensions) {
    const value = row[dimension];
    key += `|${dimension}=${value === null || value === undefined ? NULL_TOKEN : typeof value === 'string' ? value : JSON.stringify(value)}`;
  }
  return key;
}

export function flattenBucket(bucket: Bucket, dimensions: readonly string[], extra?: (row: JsonObject) => JsonObject): JsonObject[] {
  const seen = new Set<string>();
  const { starting_at, ending_at } = bucket;
  return bucket.results.map((row) => {
    const key = rowKey(starting_at, ending_at, dimensions, row);
    if (seen.has(key)) {
      throw new ConnectorError('system_error', `The report returned two rows for the same bucket and dimensions (${key}); refusing to emit ambiguous money or token totals.`);
    }
    seen.add(key);
    // Literal keys first (a fast object shape), then the dimensions, then the API's fields.
    const record: JsonObject = { row_key: key, starting_at, ending_at };
    for (const dimension of dimensions) record[dimension] = row[dimension] ?? null;
    Object.assign(record, row);
    if (extra !== undefined) Object.assign(record, extra(row));
    if (ROW_KEY in row || 'starting_at' in row || 'ending_at' in row) Object.assign(record, { row_key: key, starting_at, ending_at });
    return record;
  });
}
