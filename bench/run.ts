/**
 * `npm run bench`: the connector against the emulator, no network. Prints a table and
 * writes bench/results.json. Each ratio is taken within one run; medians over the runs.
 *   1. requests     a full read's requests ÷ the minimum the data allows
 *   2. rate budget  wall time ÷ (requests ÷ rate) under the emulator's rate limit, and 429s
 *   3. throughput   records/s of the connector ÷ records/s of a minimal baseline script
 *   4. memory       peak RSS of the same read at 10× ÷ 1× the data
 *   5. start-up     `spec` wall time ÷ `node -e 0`
 * BENCH_RUNS (default 3) sets the number of runs; BENCH_ONLY a comma-separated subset.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Emulator, EMULATOR_ADMIN_KEY, type EmulatorOptions } from '../src/emulator/server.js';
import { STREAM_NAMES } from '../src/streams/registry.js';
import { CachingProxy, median, type ProcessRun, recordData, round, runProcess } from './harness.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const CONNECTOR = join(ROOT, 'dist', 'bundle', 'main.js');
const BASELINE = join(HERE, 'baseline.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const DAY = 86_400_000;
const work = mkdtempSync(join(tmpdir(), 'sca-bench-'));
let files = 0;

function file(value: unknown): string {
  const path = join(work, `f${String(++files)}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const catalog = (streams: readonly string[]): string =>
  file({
    streams: streams.map((name) => ({
      stream: { name, json_schema: {}, supported_sync_modes: ['full_refresh', 'incremental'] },
      sync_mode: name === 'usage' || name === 'cost' ? 'incremental' : 'full_refresh',
      destination_sync_mode: 'append',
    })),
  });

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const readArgs = (baseUrl: string, config: Record<string, unknown>, streams: readonly string[]): string[] =>
  ['--config', file({ admin_api_key: EMULATOR_ADMIN_KEY, base_url: baseUrl, ...config }), '--catalog', catalog(streams)];

async function read(baseUrl: string, config: Record<string, unknown>, streams: readonly string[]): Promise<ProcessRun> {
  const run = await runProcess(process.execPath, [CONNECTOR, 'read', ...readArgs(baseUrl, config, streams)]);
  if (run.exitCode !== 0) throw new Error(`read failed (${String(run.exitCode)}): ${run.stderr.slice(0, 500)}`);
  return run;
}

async function withEmulator<T>(options: EmulatorOptions, body: (emulator: Emulator, url: string) => Promise<T>): Promise<T> {
  const emulator = new Emulator(options);
  const url = await emulator.start();
  try {
    return await body(emulator, url);
  } finally {
    await emulator.stop();
  }
}

/** 1. Every stream of a large organization, default config, all history. */
async function requestsBench(): Promise<Record<string, number>> {
  return withEmulator({ seed: 1, size: 'large', ratePerMinute: 0 }, async (emulator, url) => {
    const org = emulator.org;
    const today = Math.floor(Date.now() / DAY) * DAY;
    const start = today - 120 * DAY;
    const pages = (n: number): number => Math.max(1, Math.ceil(n / 1000));
    const membersPerWorkspace = org.workspaces.map((w) => org.members.filter((m) => m['workspace_id'] === w['id']).length);
    // Usage reads through today (its partial day included); cost only completed days. 31 daily buckets per page.
    const minimum = pages(org.users.length) + pages(org.workspaces.length) + membersPerWorkspace.reduce((sum, n) => sum + pages(n), 0) +
      pages(org.apiKeys.length) + pages(org.invites.length) + Math.ceil(121 / 31) + Math.ceil(120 / 31);
    const before = emulator.stats.requests;
    const run = await read(url, { start_date: isoDay(start), requests_per_minute: 10_000 }, STREAM_NAMES);
    const actual = emulator.stats.requests - before;
    return { requests: actual, minimum, ratio: round(actual / minimum, 3), records: run.lines };
  });
}

/** 2. ≥300 list requests (members fan-out) under the emulator's limit with 20 ms latency. */
async function rateBench(): Promise<Record<string, number>> {
  const rate = 2_000;
  const samples: { ratio: number; requests: number; ms: number; rateLimited: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    samples.push(
      await withEmulator({ seed: 2, size: 'large', ratePerMinute: rate, burst: 20, latencyMs: 20 }, async (emulator, url) => {
        const run = await read(url, { requests_per_minute: rate }, ['users', 'workspaces', 'workspace_members', 'api_keys', 'invites']);
        const requests = emulator.stats.requests;
        return { ratio: run.ms / ((requests / rate) * 60_000), requests, ms: run.ms, rateLimited: emulator.stats.rateLimited };
      }),
    );
  }
  return {
    rate_per_minute: rate,
    requests: median(samples.map((s) => s.requests)),
    wall_s: round(median(samples.map((s) => s.ms)) / 1000),
    ideal_s: round((median(samples.map((s) => s.requests)) / rate) * 60),
    ratio: round(median(samples.map((s) => s.ratio)), 3),
    http_429: Math.max(...samples.map((s) => s.rateLimited)),
  };
}

const usageConfig = (days: number): Record<string, unknown> => ({
  start_date: isoDay(Math.floor(Date.now() / DAY) * DAY - days * DAY),
  usage_bucket_width: '1h',
  requests_per_minute: 10_000,
});

/** Hourly usage by five dimensions over `days` of history, served from memory. */
async function usageRead(days: number, factsPerHour: number, body: (readOnce: () => Promise<ProcessRun>, proxy: CachingProxy, url: string) => Promise<void>): Promise<void> {
  await withEmulator({ seed: 3, size: 'large', ratePerMinute: 0, historyDays: days, factsPerHour }, async (_emulator, target) => {
    const proxy = new CachingProxy(target);
    const url = await proxy.start();
    const config = usageConfig(days);
    try {
      await read(url, config, ['usage']); // warm the cache
      await body(() => read(url, config, ['usage']), proxy, url);
    } finally {
      await proxy.stop();
    }
  });
}

const FACTS_PER_HOUR = 80;

/** 3 and 4: throughput against the baseline at 10× (120 days), and peak RSS at 1× (12 days) and 10×. */
async function throughputAndMemoryBench(): Promise<{ throughput: Record<string, number>; memory: Record<string, number> }> {
  const small: number[] = [];
  const baselineSmall: number[] = [];
  await usageRead(12, FACTS_PER_HOUR, async (readOnce, proxy, url) => {
    const urls = file(proxy.order.join('\n'));
    const baselineArgs = [BASELINE, url, EMULATOR_ADMIN_KEY, 'usage', urls];
    // The baseline must write exactly the connector's records, or the comparison means nothing.
    const [connectorRecords, baselineRecords] = [await recordData(process.execPath, [CONNECTOR, 'read', ...readArgs(url, usageConfig(12), ['usage'])]), await recordData(process.execPath, baselineArgs)];
    if (connectorRecords.length === 0 || connectorRecords.join('\n') !== baselineRecords.join('\n')) throw new Error('the baseline does not write the same records as the connector');
    for (let i = 0; i < RUNS; i++) {
      small.push((await readOnce()).peakRssMiB);
      baselineSmall.push((await runProcess(process.execPath, baselineArgs)).peakRssMiB);
    }
  });
  const pairs: { connector: number; baseline: number; records: number; rss: number; baselineRss: number }[] = [];
  await usageRead(120, FACTS_PER_HOUR, async (readOnce, proxy, url) => {
    const urls = file(proxy.order.join('\n'));
    for (let i = 0; i < RUNS; i++) {
      const connector = await readOnce();
      const baseline = await runProcess(process.execPath, [BASELINE, url, EMULATOR_ADMIN_KEY, 'usage', urls]);
      if (baseline.exitCode !== 0) throw new Error(`baseline failed: ${baseline.stderr}`);
      const records = baseline.lines;
      pairs.push({ connector: records / (connector.ms / 1000), baseline: records / (baseline.ms / 1000), records, rss: connector.peakRssMiB, baselineRss: baseline.peakRssMiB });
    }
  });
  const big = pairs.map((p) => p.rss);
  // Evidence that nothing accumulates: the same 10× read with V8's old space capped at 64 MiB.
  let capped: ProcessRun | undefined;
  await usageRead(120, FACTS_PER_HOUR, async (_readOnce, _proxy, url) => {
    capped = await runProcess(process.execPath, ['--max-old-space-size=64', CONNECTOR, 'read', ...readArgs(url, usageConfig(120), ['usage'])]);
  });
  return {
    throughput: {
      records: median(pairs.map((p) => p.records)),
      connector_records_per_s: Math.round(median(pairs.map((p) => p.connector))),
      baseline_records_per_s: Math.round(median(pairs.map((p) => p.baseline))),
      ratio: round(median(pairs.map((p) => p.connector / p.baseline)), 3),
    },
    memory: {
      peak_rss_1x_mib: round(median(small), 1),
      peak_rss_10x_mib: round(median(big), 1),
      ratio: round(median(big.map((rss, i) => rss / (small[i] ?? NaN))), 3),
      baseline_peak_rss_1x_mib: round(median(baselineSmall), 1),
      baseline_peak_rss_10x_mib: round(median(pairs.map((p) => p.baselineRss)), 1),
      baseline_ratio: round(median(pairs.map((p, i) => p.baselineRss / (baselineSmall[i] ?? NaN))), 3),
      capped_heap_10x_records: capped?.exitCode === 0 ? capped.lines : 0,
      capped_heap_10x_peak_rss_mib: round(capped?.peakRssMiB ?? NaN, 1),
    },
  };
}

/** 5. `spec` against a bare Node start, interleaved. */
async function startupBench(): Promise<Record<string, number>> {
  const pairs: { spec: number; node: number }[] = [];
  for (let i = 0; i < Math.max(5, RUNS * 3); i++) {
    const node = await runProcess(process.execPath, ['-e', '0']);
    const spec = await runProcess(process.execPath, [CONNECTOR, 'spec']);
    pairs.push({ spec: spec.ms, node: node.ms });
  }
  return {
    spec_ms: Math.round(median(pairs.map((p) => p.spec))),
    node_ms: Math.round(median(pairs.map((p) => p.node))),
    ratio: round(median(pairs.map((p) => p.spec / p.node)), 3),
  };
}

const TARGETS = { requests: 1.0, rate_budget: 1.1, throughput: 0.9, memory: 1.3, startup: 2.0 };

// BENCH_ONLY=throughput,memory (names as in the table) runs a subset while profiling.
const only = process.env['BENCH_ONLY']?.split(',');
const wanted = (...names: string[]): boolean => only === undefined || names.some((name) => only.includes(name));
const skipped: Record<string, number> = {};
const started = performance.now();
const requests = wanted('requests') ? await requestsBench() : skipped;
const rate = wanted('rate_budget') ? await rateBench() : skipped;
const { throughput, memory } = wanted('throughput', 'memory') ? await throughputAndMemoryBench() : { throughput: skipped, memory: skipped };
const startup = wanted('startup') ? await startupBench() : skipped;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  runs: RUNS,
  seconds: round((performance.now() - started) / 1000, 1),
  requests,
  rate_budget: rate,
  throughput,
  memory,
  startup,
  targets: TARGETS,
  // Benchmarks left out by BENCH_ONLY are neither met nor missed: they are absent.
  met: {
    requests: requests['ratio'] === undefined ? undefined : requests['ratio'] === TARGETS.requests,
    rate_budget: rate['ratio'] === undefined ? undefined : rate['ratio'] <= TARGETS.rate_budget && rate['http_429'] === 0,
    throughput: throughput['ratio'] === undefined ? undefined : throughput['ratio'] >= TARGETS.throughput,
    memory: memory['ratio'] === undefined ? undefined : memory['ratio'] <= TARGETS.memory,
    startup: startup['ratio'] === undefined ? undefined : startup['ratio'] <= TARGETS.startup,
  },
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

/** A table row; benchmarks left out by BENCH_ONLY have no row. */
const row = (name: string, measured: string, ratio: number | undefined, target: string, met: boolean): string[] =>
  ratio === undefined ? [] : [`| ${name} | ${measured} | ${String(ratio)} | ${target} | ${met ? 'yes' : 'NO'} |`];
console.log(
  [
    `Benchmarks (${String(RUNS)} runs, medians; Node ${process.version}; ${String(results.seconds)} s)`,
    '',
    '| benchmark | measured | ratio | target | met |',
    '|---|---|---|---|---|',
    ...row('requests', `${String(requests['requests'])} requests, minimum ${String(requests['minimum'])}`, requests['ratio'], '1.0', results.met.requests === true),
    ...row('rate budget', `${String(rate['requests'])} requests at ${String(rate['rate_per_minute'])}/min: ${String(rate['wall_s'])} s (ideal ${String(rate['ideal_s'])} s), ${String(rate['http_429'])} × 429`, rate['ratio'], '≤ 1.1, no 429', results.met.rate_budget === true),
    ...row('throughput', `${String(throughput['records'])} records: ${String(throughput['connector_records_per_s'])}/s vs baseline ${String(throughput['baseline_records_per_s'])}/s`, throughput['ratio'], '≥ 0.9', results.met.throughput === true),
    ...row('memory', `peak RSS ${String(memory['peak_rss_1x_mib'])} MiB (1×) → ${String(memory['peak_rss_10x_mib'])} MiB (10×); baseline ${String(memory['baseline_peak_rss_1x_mib'])} → ${String(memory['baseline_peak_rss_10x_mib'])} MiB (${String(memory['baseline_ratio'])}); 10× with a 64 MiB old space: ${String(memory['capped_heap_10x_peak_rss_mib'])} MiB, ${String(memory['capped_heap_10x_records'])} lines`, memory['ratio'], '≤ 1.3', results.met.memory === true),
    ...row('start-up', `spec ${String(startup['spec_ms'])} ms vs node -e 0 ${String(startup['node_ms'])} ms`, startup['ratio'], '≤ 2', results.met.startup === true),
    '',
    'Written to bench/results.json',
  ].join('\n'),
);
