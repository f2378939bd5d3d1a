/**
 * The Singer tap against the emulator: discovery with per-property metadata, message
 * shapes and order, selection from catalog metadata, cumulative state, and a second run
 * that continues where the first stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Emulator, EMULATOR_ADMIN_KEY } from '../../src/emulator/server.js';
import { STREAM_NAMES } from '../../src/streams/registry.js';
import { catalogFile, writeJson } from '../support/files.js';
import { runCli, testClock } from '../support/run.js';
import { runTap, type TapRun } from '../support/singer.js';

const NOW = Date.parse('2026-03-15T10:30:00Z');
const TODAY = '2026-03-15T00:00:00Z';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every line is a Singer message; each stream's SCHEMA comes before its first RECORD. */
function expectSingerShapes(run: TapRun): void {
  const schemas = new Set<string>();
  for (const message of run.messages) {
    expect(['SCHEMA', 'RECORD', 'STATE']).toContain(message.type);
    if (message.type === 'SCHEMA') {
      const keys = Object.keys(message).sort();
      expect(keys).toEqual(message.bookmark_properties ? ['bookmark_properties', 'key_properties', 'schema', 'stream', 'type'] : ['key_properties', 'schema', 'stream', 'type']);
      expect(message.schema.type).toBe('object');
      expect(Array.isArray(message.key_properties)).toBe(true);
      schemas.add(message.stream);
    }
    if (message.type === 'RECORD') {
      expect(schemas.has(message.stream)).toBe(true);
      expect(Object.keys(message).sort()).toEqual(['record', 'stream', 'time_extracted', 'type']);
      expect(message.time_extracted).toMatch(RFC3339);
    }
    if (message.type === 'STATE') expect(Object.keys(message.value)).toContain('bookmarks');
  }
}

const onlySelected = (catalog: any, keep: string): any => {
  for (const entry of catalog.streams) if (entry.stream !== keep) entry.metadata[0].metadata.selected = false;
  return catalog;
};

describe('tap-claude-admin (Singer mode)', () => {
  const emulator = new Emulator({ seed: 3, size: 'small', ratePerMinute: 0, now: () => NOW });
  let config: string;

  beforeAll(async () => {
    const url = await emulator.start();
    config = writeJson({ admin_api_key: EMULATOR_ADMIN_KEY, base_url: url, start_date: '2026-02-20', lookback_days: 2, requests_per_minute: 10000 });
  });
  afterAll(() => emulator.stop());

  const tap = (argv: string[]) => runTap(['--config', config, ...argv], { clock: testClock(NOW) });
  const discover = async (): Promise<any> => JSON.parse((await tap(['--discover'])).stdout);

  it('--discover prints one catalog document with metadata for every stream and top-level property', async () => {
    const run = await tap(['--discover']);
    expect(run.exitCode).toBe(0);
    const catalog = JSON.parse(run.stdout);
    expect(catalog.streams.map((s: any) => s.tap_stream_id)).toEqual(STREAM_NAMES);
    expect(run.stdout).not.toContain('$ref');
    const members = catalog.streams.find((s: any) => s.stream === 'workspace_members');
    expect(members).toMatchObject({ key_properties: ['workspace_id', 'user_id'], replication_method: 'FULL_TABLE' });
    expect(members.metadata[0]).toEqual({ breadcrumb: [], metadata: { inclusion: 'available', 'selected-by-default': true, 'table-key-properties': ['workspace_id', 'user_id'], 'forced-replication-method': 'FULL_TABLE' } });
    const usage = catalog.streams.find((s: any) => s.stream === 'usage');
    expect(usage).toMatchObject({ key_properties: ['row_key'], replication_key: 'starting_at', replication_method: 'INCREMENTAL' });
    for (const entry of catalog.streams) {
      const described = entry.metadata.slice(1).map((m: any) => m.breadcrumb[1]);
      expect(described).toEqual(Object.keys(entry.schema.properties));
    }
    const inclusion = (name: string) => usage.metadata.find((m: any) => m.breadcrumb[1] === name).metadata.inclusion;
    expect([inclusion('row_key'), inclusion('starting_at'), inclusion('output_tokens')]).toEqual(['automatic', 'automatic', 'available']);
  });

  it('without a catalog syncs every stream, with the same records as the Airbyte mode', async () => {
    const run = await tap([]);
    expect(run.exitCode).toBe(0);
    expectSingerShapes(run);
    const airbyte = await runCli(['read', '--config', config, '--catalog', catalogFile()], { clock: testClock(NOW) });
    for (const name of STREAM_NAMES) {
      expect(run.recordsOf(name)).toEqual(airbyte.recordsOf(name));
      expect(run.recordsOf(name).length).toBeGreaterThan(0);
    }
    expect(run.states.at(-1).value).toEqual({ bookmarks: { usage: { starting_at: TODAY }, cost: { starting_at: TODAY } } });
  });

  it('follows selection metadata: stream and property deselection, string flags, selected-by-default', async () => {
    const catalog = await discover();
    const entry = (name: string) => catalog.streams.find((s: any) => s.stream === name);
    const property = (stream: string, name: string) => entry(stream).metadata.find((m: any) => m.breadcrumb[1] === name).metadata;
    entry('users').metadata[0].metadata.selected = false;
    entry('invites').metadata[0].metadata.selected = 'false';
    property('usage', 'output_tokens').selected = false;
    property('usage', 'row_key').selected = false; // automatic wins
    const run = await tap(['--catalog', writeJson(catalog)]);
    expect(run.exitCode).toBe(0);
    expectSingerShapes(run);
    const streams = run.messages.filter((m) => m.type === 'SCHEMA').map((m) => m.stream);
    expect(streams).toEqual(['workspaces', 'workspace_members', 'api_keys', 'usage', 'cost']);
    const usageSchema = run.messages.find((m) => m.type === 'SCHEMA' && m.stream === 'usage');
    expect(usageSchema.schema.properties).not.toHaveProperty('output_tokens');
    expect(usageSchema.schema.properties).toHaveProperty('row_key');
    expect(run.recordsOf('usage').length).toBeGreaterThan(0);
    for (const record of run.recordsOf('usage')) {
      expect(record).not.toHaveProperty('output_tokens');
      expect(record).toHaveProperty('row_key');
    }
  });

  it('a second run from the emitted state continues where the first stopped and keeps other bookmarks', async () => {
    const first = await tap([]);
    const state = writeJson(first.states.at(-1).value);
    const logStart = emulator.stats.log.length;
    const second = await tap(['--catalog', writeJson(onlySelected(await discover(), 'usage')), '--state', state]);
    expect(second.exitCode).toBe(0);
    const asked = emulator.stats.log.slice(logStart).map((line) => new URL(line, 'http://x').searchParams.get('starting_at'));
    expect(asked).toEqual(['2026-03-13T00:00:00Z']);
    expect(second.recordsOf('usage').length).toBeGreaterThan(0);
    expect(second.recordsOf('usage').every((r) => r.starting_at >= '2026-03-13T00:00:00Z')).toBe(true);
    expect(second.states.length).toBeGreaterThan(0);
    for (const message of second.states) expect(message.value.bookmarks.cost).toEqual({ starting_at: TODAY });
    expect(second.states.at(-1).value.bookmarks.usage).toEqual({ starting_at: TODAY });
  });

  it('FULL_TABLE on a report ignores its bookmark and leaves it as it was', async () => {
    const catalog = onlySelected(await discover(), 'cost');
    catalog.streams.find((s: any) => s.stream === 'cost').replication_method = 'FULL_TABLE';
    const state = writeJson({ bookmarks: { cost: { starting_at: '2026-03-14T00:00:00Z' } } });
    const run = await tap(['--catalog', writeJson(catalog), '--state', state]);
    expect(run.exitCode).toBe(0);
    expect(run.recordsOf('cost').some((r) => r.starting_at < '2026-03-01')).toBe(true);
    expect(run.states.map((m) => m.value)).toEqual([{ bookmarks: { cost: { starting_at: '2026-03-14T00:00:00Z' } } }]);
  });

  it('reads the Singer SDK bookmark shape too', async () => {
    const state = writeJson({ bookmarks: { usage: { replication_key: 'starting_at', replication_key_value: '2026-03-15T00:00:00Z' } } });
    const run = await tap(['--catalog', writeJson(onlySelected(await discover(), 'usage')), '--state', state]);
    expect(run.recordsOf('usage').length).toBeGreaterThan(0);
    expect(run.recordsOf('usage').every((r) => r.starting_at >= '2026-03-13T00:00:00Z')).toBe(true);
  });

  it.each([
    ['an unknown selected stream', { streams: [{ tap_stream_id: 'messages', metadata: [] }] }, 'catalog.streams[0].tap_stream_id: "messages" is not a stream of this tap'],
    ['INCREMENTAL on a list stream', { streams: [{ tap_stream_id: 'users', replication_method: 'INCREMENTAL' }] }, 'catalog.streams[0].replication_method: "users" supports only FULL_TABLE'],
    ['another replication key', { streams: [{ tap_stream_id: 'usage', replication_method: 'INCREMENTAL', replication_key: 'ending_at' }] }, 'can only be replicated by starting_at'],
    ['no streams array', { entries: [] }, 'the catalog must be a JSON object with a "streams" array'],
  ])('%s: exit 1, one line on stderr, nothing on stdout', async (_name, catalog, reason) => {
    const run = await tap(['--catalog', writeJson(catalog)]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toContain(reason);
  });

  it('a bad state or config is one line on stderr, and the key is never printed', async () => {
    const state = await tap(['--state', writeJson({ bookmarks: [] })]);
    expect([state.exitCode, state.stderr]).toEqual([1, ['FATAL State validation error: state.bookmarks must be an object keyed by stream name. failure_type=config_error\n']]);
    const bad = await runTap(['--config', writeJson({ admin_api_key: 'sk-ant-admin01-secret-value-123', lookback_days: -2 })]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr.join('')).toMatch(/^FATAL Config validation error: lookback_days/);
    expect(bad.stderr.join('') + bad.stdout).not.toContain('sk-ant-admin01-secret-value-123');
  });

  it('merges several --config files and --config ENV, later ones winning', async () => {
    const override = writeJson({ start_date: '2026-03-14' });
    const run = await runTap(['--config', config, '--config', override, '--config', 'ENV', '--catalog', writeJson({ streams: [{ tap_stream_id: 'usage' }] })], {
      clock: testClock(NOW),
      env: { TAP_CLAUDE_ADMIN_LOOKBACK_DAYS: '0', TAP_CLAUDE_ADMIN_USAGE_GROUP_BY: '["model"]' },
    });
    expect(run.exitCode).toBe(0);
    const usage = run.recordsOf('usage');
    expect(usage.length).toBeGreaterThan(0);
    expect(usage.every((r) => r.starting_at >= '2026-03-14T00:00:00Z')).toBe(true);
    expect(usage.every((r) => r.workspace_id === null && typeof r.model === 'string')).toBe(true);
  });

  it('--about prints JSON, Markdown or text; --version the version', async () => {
    const json = JSON.parse((await runTap(['--about', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ name: 'tap-claude-admin', capabilities: ['catalog', 'discover', 'state', 'about'], settings: { type: 'object', required: ['admin_api_key'] } });
    expect((await runTap(['--about', '--format', 'markdown'])).stdout).toMatch(/^# `tap-claude-admin`[\s\S]*\| admin_api_key \| string \| yes \|/);
    expect((await runTap(['--about'])).stdout).toContain('env TAP_CLAUDE_ADMIN_ADMIN_API_KEY');
    expect((await runTap(['--version'])).stdout.trim()).toBe(json.version);
  });
});
