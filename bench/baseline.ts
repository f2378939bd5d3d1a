/**
 * The throughput baseline: the least a program can do to move the same data. It fetches the
 * given URLs one after another and writes every row as an Airbyte RECORD line, honouring
 * stdout back-pressure. No validation, retries, pacing, state or row keys.
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

for (const path of readFileSync(urlsFile, 'utf8').split('\n').filter((line) => line !== '')) {
  const body = (await (await fetch(`${baseUrl}${path}`, { headers })).json()) as { data: Bucket[] };
  let chunk = '';
  for (const bucket of body.data) {
    for (const result of bucket.results) {
      const data = { ...result, starting_at: bucket.starting_at, ending_at: bucket.ending_at };
      chunk += `${JSON.stringify({ type: 'RECORD', record: { stream, data, emitted_at: Date.now() } })}\n`;
      if (chunk.length > 65_536) {
        await write(chunk);
        chunk = '';
      }
    }
  }
  if (chunk !== '') await write(chunk);
}
