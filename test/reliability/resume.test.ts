/**
 * Kill and resume: the built CLI is killed with SIGKILL at random points of a read and
 * resumed from the last STATE it emitted, again and again, the way Airbyte retries a
 * failed attempt. The destination keeps only what a STATE message covered (records after
 * the last STATE of a killed attempt are dropped) and deduplicates by primary key. The
 * result must equal an uninterrupted read and the ground truth: no day lost, none doubled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Emulator, EMULATOR_ADMIN_KEY } from '../../src/emulator/server.js';
import { frozenNow } from '../support/clock.js';
import { seededRandom } from '../../src/emulator/random.js';
import { catalogFile, writeJson } from '../support/files.js';
import { spawnCli } from '../support/spawn.js';
import type { Transcript } from '../support/run.js';
import { expectMatchesTruth, type Row } from '../support/truth.js';

const DAY = 86_400_000;
const daysAgo = (n: number): string => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

type Table = Map<string, Row>;
type Tables = Partial<Record<string, Table>>;

/** Applies one attempt to the destination: records up to each stream's last STATE, upserted by row_key. */
function commit(out: Transcript, tables: Tables, states: Map<string, unknown>): void {
  const pending: Partial<Record<string, Row[]>> = {};
  for (const message of out.messages) {
    if (message.type === 'RECORD') (pending[message.record.stream] ??= []).push(message.record.data);
    if (message.type === 'STATE') {
      const name: string = message.state.stream.stream_descriptor.name;
      const table = (tables[name] ??= new Map());
      for (const row of pending[name] ?? []) table.set(row.row_key, row);
      pending[name] = [];
      states.set(name, message.state);
    }
  }
}

describe('a read killed at random points and resumed from its last state', () => {
  const emulator = new Emulator({ seed: 5, size: 'medium', ratePerMinute: 0, now: frozenNow() });
  const start = daysAgo(45);
  let config: string;
  const catalog = catalogFile(['usage', 'cost']);

  beforeAll(async () => {
    const url = await emulator.start();
    // Hourly usage: 7-day windows, so a read has many checkpoints to be killed between.
    config = writeJson({ admin_api_key: EMULATOR_ADMIN_KEY, base_url: url, start_date: start, usage_bucket_width: '1h', lookback_days: 2, requests_per_minute: 10000 });
  });
  afterAll(() => emulator.stop());

  it('loses and doubles no usage or cost day, and ends equal to an uninterrupted read', { timeout: 180_000 }, async () => {
    const reference = await spawnCli(['read', '--config', config, '--catalog', catalog]);
    expect(reference.exitCode).toBe(0);
    const total = reference.lines.length;
    expect(reference.states.length).toBeGreaterThan(6);

    const expected: Tables = {};
    commit(reference, expected, new Map());

    // Episodes: from an empty state, attempts killed at a random line of a full read's
    // length until one gets through (short resumed attempts often finish first).
    const random = seededRandom(2026);
    let kills = 0;
    for (let episode = 0; episode < 6 && kills < 12; episode++) {
      const tables: Tables = {};
      const states = new Map<string, unknown>();
      for (let attempt = 0; ; attempt++) {
        expect(attempt).toBeLessThan(30);
        const stateArgs = states.size === 0 ? [] : ['--state', writeJson([...states.values()])];
        const out = await spawnCli(['read', '--config', config, '--catalog', catalog, ...stateArgs], { killAfterLines: 1 + Math.floor(random() * total) });
        commit(out, tables, states);
        if (!out.killed) {
          expect(out.exitCode).toBe(0);
          break;
        }
        kills++;
      }
      for (const stream of ['usage', 'cost']) {
        expect([...(tables[stream]?.keys() ?? [])].sort()).toEqual([...(expected[stream]?.keys() ?? [])].sort());
        for (const [key, row] of expected[stream] ?? new Map<string, Row>()) expect(tables[stream]?.get(key)).toEqual(row);
      }
      expectMatchesTruth([...(tables['usage']?.values() ?? [])], [...(tables['cost']?.values() ?? [])], emulator.truth(), start);
    }
    expect(kills).toBeGreaterThanOrEqual(12);
  });
});
