/**
 * `npm run demo`: a full read of all seven streams through the real CLI, against the
 * built-in emulator (or the real API when CLAUDE_ADMIN_API_KEY is set), written to
 * demo-output/messages.jsonl, with progress and a summary on the terminal.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { runAirbyteCli } from '../cli/airbyte.js';
import type { SourceDeps } from '../deps.js';
import { Emulator, EMULATOR_ADMIN_KEY } from '../emulator/server.js';
import { systemClock } from '../http/pacing.js';
import { createLogger, logLevelFrom } from '../logger.js';
import { JsonLineWriter } from '../output.js';
import { nodeFetch } from '../runtime.js';
import { SecretScrubber } from '../secrets.js';
import { STREAM_NAMES } from '../streams/registry.js';
import { summarise } from './summary.js';

const outDir = join(process.cwd(), 'demo-output');
mkdirSync(outDir, { recursive: true });
const realKey = process.env['CLAUDE_ADMIN_API_KEY'];
const emulator = realKey === undefined ? new Emulator({ seed: 42, size: 'medium', ratePerMinute: 100, burst: 30 }) : undefined;
const baseUrl = emulator ? await emulator.start() : 'https://api.anthropic.com';
const startDate = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
const config = { admin_api_key: realKey ?? EMULATOR_ADMIN_KEY, base_url: baseUrl, start_date: startDate, requests_per_minute: emulator ? 90 : 50 };
writeFileSync(join(outDir, 'config.json'), JSON.stringify({ ...config, admin_api_key: realKey ? '<your key>' : EMULATOR_ADMIN_KEY }, null, 2));
const catalog = {
  streams: STREAM_NAMES.map((name) => ({
    stream: { name, json_schema: {}, supported_sync_modes: ['full_refresh'] },
    sync_mode: name === 'usage' || name === 'cost' ? 'incremental' : 'full_refresh',
    destination_sync_mode: 'append',
  })),
};
const configPath = join(outDir, 'config.local.json');
const catalogPath = join(outDir, 'catalog.json');
writeFileSync(configPath, JSON.stringify(config));
writeFileSync(catalogPath, JSON.stringify(catalog, null, 2));

process.stdout.write(`source-claude-admin demo: reading all ${STREAM_NAMES.length} streams from ${emulator ? `the local emulator at ${baseUrl}` : 'the Claude Admin API'}\n`);
const file = createWriteStream(join(outDir, 'messages.jsonl'));
const tee = new PassThrough();
tee.pipe(file);
const counts = new Map<string, number>();
let lastDraw = 0;
const draw = (final = false): void => {
  const text = STREAM_NAMES.map((name) => `${name} ${counts.get(name) ?? 0}`).join('  ');
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[K  ${text}${final ? '\n' : ''}`);
  else if (final) process.stdout.write(`  ${text}\n`);
};
tee.on('data', (chunk: Buffer) => {
  for (const line of chunk.toString('utf8').split('\n')) {
    const match = /^\{"type":"RECORD","record":\{"stream":"(\w+)"/.exec(line);
    if (match?.[1] !== undefined) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  }
  if (Date.now() - lastDraw > 100) {
    lastDraw = Date.now();
    draw();
  }
});

const started = Date.now();
const scrubber = new SecretScrubber();
const sink = new JsonLineWriter(tee, scrubber);
const deps = (debug: boolean): SourceDeps => ({
  sink,
  scrubber,
  logger: createLogger({ kind: 'airbyte', sink }, logLevelFrom(debug, process.env)),
  clock: systemClock,
  random: Math.random,
  fetch: nodeFetch,
});
const exitCode = await runAirbyteCli(['read', '--config', configPath, '--catalog', catalogPath], { deps, printHelp: () => undefined });
tee.end();
await new Promise<void>((resolve) => file.on('finish', () => { resolve(); }));
draw(true);
await emulator?.stop();
process.stdout.write(summarise(join(outDir, 'messages.jsonl'), { seconds: (Date.now() - started) / 1000, requests: emulator?.stats.requests, rateLimited: emulator?.stats.rateLimited }));
process.stdout.write(`\nAll Airbyte messages: ${join('demo-output', 'messages.jsonl')}\n`);
process.exitCode = exitCode;
