/**
 * The throughput baseline: the least a program can do to write the same records. It fetches
 * the given usage-report URLs one after another and writes every row as the connector's
 * RECORD line (same row_key, bounds and dimensions; written inline here so no project module
 * or dependency is loaded), honouring stdout back-pressure. No validation, retries, pacing,
 * state, logging or pagination guards.
 *   node dist/bench/baseline.js <base-url> <key> <stream> <file with one path?query per line>
 */
import { readFileSync } from 'node:fs';
import { once } from 'node:events';

const [baseUrl = '', apiKey = '', stream = '', urlsFile = ''] = process.argv.slice(2);
const headers = { 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' };

interface Bucket {
  starting_at: string;
  ending_at: string;
  results: Record<string, unknown>[];
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line)) await once(process.stdout, 'drain');
}

const KEY_FIELDS = ['workspace_id', 'api_key_id', 'model', 'service_tier', 'context_window', 'inference_geo', 'account_id', 'service_account_id', 'speed'];

function record(bucket: Bucket, row: Record<string, unknown>): Record<string, unknown> {
  let key = `${bucket.starting_at}/${bucket.ending_at}`;
  const data: Record<string, unknown> = { row_key: '', starting_at: bucket.starting_at, ending_at: bucket.ending_at };
  for (const field of KEY_FIELDS) {
    const value = row[field] ?? null;
    key += `|${field}=${value === null ? '-' : typeof value === 'string' ? value : JSON.stringify(value)}`;
    data[field] = value;
  }
  data['row_key'] = key;
  return Object.assign(data, row);
}

for (const path of readFileSync(urlsFile, 'utf8').split('\n').filter((line) => line !== '')) {
  const body = (await (await fetch(`${baseUrl}${path}`, { headers })).json()) as { data: Bucket[] };
  let chunk = '';
  for (const bucket of body.data) {
    for (const result of bucket.results) {
      const data = record(bucket, result);
      chunk += `${JSON.stringify({ type: 'RECORD', record: { stream, data, emitted_at: Date.now() } })}\n`;
      if (chunk.length > 65_536) {
        await write(chunk);
        chunk = '';
      }
    }
  }
  if (chunk !== '') await write(chunk);
}
