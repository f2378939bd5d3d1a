/**
 * End to end: the built CLI against the local emulator, compared with the emulator's
 * ground truth exactly: entities by id, per-day tokens, per-day cost to the last decimal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Emulator, EMULATOR_ADMIN_KEY } from '../../src/emulator/server.js';
import { PACKAGE_ROOT } from '../../src/version.js';
import { frozenNow } from '../support/clock.js';
import { catalogFile, writeJson } from '../support/files.js';
import { sum, toUnits } from '../support/money.js';
import { expectMatchesTruth, type Row } from '../support/truth.js';
import { spawnCli } from '../support/spawn.js';

const DAY = 86_400_000;
const today = (): string => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number): string => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

describe('the CLI against the emulator', () => {
  const emulator = new Emulator({ seed: 7, size: 'small', ratePerMinute: 0, now: frozenNow() });
  let config: string;
  const start = daysAgo(20);

  beforeAll(async () => {
    const url = await emulator.start();
    config = writeJson({ admin_api_key: EMULATOR_ADMIN_KEY, base_url: url, start_date: start, lookback_days: 2, requests_per_minute: 6000 });
  });
  afterAll(() => emulator.stop());

  it('a full read of every stream equals the ground truth, to the last decimal', async () => {
    const out = await spawnCli(['read', '--config', config, '--catalog', catalogFile()]);
    expect(out.exitCode).toBe(0);
    const truth = emulator.truth();
    const ids = (rows: Row[], key = 'id') => rows.map((r) => r[key]).sort();
    expect(ids(out.recordsOf('users'))).toEqual(ids(truth.users));
    expect(ids(out.recordsOf('workspaces'))).toEqual(ids(truth.workspaces));
    expect(out.recordsOf('workspace_members').map((m) => `${m.workspace_id}/${m.user_id}`).sort()).toEqual(truth.members.map((m) => `${String(m['workspace_id'])}/${String(m['user_id'])}`).sort());
    expect(ids(out.recordsOf('api_keys'))).toEqual(ids(truth.apiKeys));
    expect(ids(out.recordsOf('invites'))).toEqual(ids(truth.invites));
    expectMatchesTruth(out.recordsOf('usage'), out.recordsOf('cost'), truth, start);
    for (const row of out.recordsOf('cost')) expect(toUnits(row.amount_usd) * 100n).toBe(toUnits(row.amount));
    expect(out.recordsOf('usage').some((r) => r.workspace_id === null)).toBe(true);
    expect(out.recordsOf('usage').some((r) => r.api_key_id === null)).toBe(true);
    expect(sum(out.recordsOf('cost').map((r) => r.amount))).toBeGreaterThan(0n);
    expect(out.statesOf('usage').at(-1)!.stream.stream_state).toEqual({ starting_at: `${today()}T00:00:00Z` });
    expect(out.statesOf('cost').at(-1)!.stream.stream_state).toEqual({ starting_at: `${today()}T00:00:00Z` });
  });

  it('two incremental reads with restated days in between, merged by primary key, equal the ground truth', async () => {
    const first = await spawnCli(['read', '--config', config, '--catalog', catalogFile(['usage', 'cost'])]);
    expect(first.exitCode).toBe(0);
    const merged = { usage: new Map<string, Row>(), cost: new Map<string, Row>() };
    const merge = (out: typeof first) => {
      for (const row of out.recordsOf('usage')) merged.usage.set(row.row_key, row);
      for (const row of out.recordsOf('cost')) merged.cost.set(row.row_key, row);
    };
    merge(first);
    const state = writeJson(first.states.filter((s) => s.stream.stream_state.starting_at).map((s) => ({ type: 'STREAM', stream: s.stream })));

    emulator.restate(2, 2);
    const logStart = emulator.stats.log.length;
    const second = await spawnCli(['read', '--config', config, '--catalog', catalogFile(['usage', 'cost']), '--state', state]);
    expect(second.exitCode).toBe(0);
    merge(second);
    // Cursor is today 00:00; lookback 2 → the second read asks only from two days ago.
    const asked = emulator.stats.log.slice(logStart).map((line) => new URL(line, 'http://x').searchParams.get('starting_at'));
    expect(asked).toEqual([`${daysAgo(2)}T00:00:00Z`, `${daysAgo(2)}T00:00:00Z`]);
    expect(second.recordsOf('usage').every((r) => r.starting_at >= `${daysAgo(2)}T00:00:00Z`)).toBe(true);
    expectMatchesTruth([...merged.usage.values()], [...merged.cost.values()], emulator.truth(), start);
  });

  it('a future state yields no records and a state message per stream', async () => {
    const state = writeJson([
      { type: 'STREAM', stream: { stream_descriptor: { name: 'usage' }, stream_state: { starting_at: '2999-01-01T00:00:00Z' } } },
      { type: 'STREAM', stream: { stream_descriptor: { name: 'cost' }, stream_state: { starting_at: '2999-01-01T00:00:00Z' } } },
    ]);
    const out = await spawnCli(['read', '--config', config, '--catalog', catalogFile(['usage', 'cost']), '--state', state]);
    expect(out.exitCode).toBe(0);
    expect(out.records).toEqual([]);
    expect(out.states.map((s) => s.stream.stream_state.starting_at)).toEqual(['2999-01-01T00:00:00Z', '2999-01-01T00:00:00Z']);
  });

  it('check succeeds with the demo key, and a standard key gets an explanation (exit 0)', async () => {
    const ok = await spawnCli(['check', '--config', config]);
    expect(ok.messages.at(-1)).toEqual({ type: 'CONNECTION_STATUS', connectionStatus: { status: 'SUCCEEDED' } });
    const standard = writeJson({ admin_api_key: 'sk-ant-api03-not-an-admin-key-123456', base_url: emulator.url });
    const rejected = await spawnCli(['check', '--config', standard]);
    expect(rejected.exitCode).toBe(0);
    expect(rejected.messages.at(-1)!.connectionStatus.status).toBe('FAILED');
    expect(rejected.messages.at(-1)!.connectionStatus.message).toMatch(/standard API key.*sk-ant-admin01-/);
    expect(rejected.stderr + rejected.lines.join('')).not.toContain('sk-ant-api03-not-an-admin-key-123456');
  });

  it('spec and bad arguments behave as the protocol expects', async () => {
    const spec = await spawnCli(['spec']);
    expect(spec.exitCode).toBe(0);
    expect(spec.messages.map((m) => m.type)).toEqual(['SPEC']);
    // The built spec (dist/bundle/spec.json, written by the build) is the golden one.
    expect(spec.messages[0]).toEqual(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'test', 'golden', 'spec.json'), 'utf8')));
    const bad = await spawnCli(['read', '--config', config]);
    expect(bad.exitCode).toBe(1);
    expect(bad.errors[0]).toMatchObject({ failure_type: 'config_error' });
    expect(bad.stderr).toBe('');
  });
});
