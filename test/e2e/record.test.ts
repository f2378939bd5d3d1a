/** Record mode against the emulator, then replay of the cassette through nock: same records. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Emulator, EMULATOR_ADMIN_KEY } from '../../src/emulator/server.js';
import { frozenNow } from '../support/clock.js';
import { loadCassette, replay } from '../support/cassette.js';
import { catalogFile, writeJson } from '../support/files.js';
import { runCli, testClock } from '../support/run.js';
import { spawnCli } from '../support/spawn.js';

describe('record and replay', () => {
  const emulator = new Emulator({ seed: 3, size: 'small', ratePerMinute: 0, now: frozenNow() });
  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it('records a read into a scrubbed cassette that replays to the same records', async () => {
    const cassettePath = join(writeJson({}, 'cassette-dir').replace(/\.json$/, ''), '..', `cassette-${Date.now()}.json`);
    const today = new Date().toISOString().slice(0, 10);
    const config = { admin_api_key: EMULATOR_ADMIN_KEY, start_date: today, requests_per_minute: 6000 };
    const catalog = catalogFile(['users', 'invites', 'usage']);
    const recorded = await spawnCli(['read', '--config', writeJson({ ...config, base_url: emulator.url }), '--catalog', catalog], { env: { SOURCE_CLAUDE_ADMIN_RECORD: cassettePath } });
    expect(recorded.exitCode).toBe(0);
    const text = readFileSync(cassettePath, 'utf8');
    expect(text).not.toContain(EMULATOR_ADMIN_KEY);
    expect(text).not.toContain(String(emulator.org.users[0]!['email']));
    expect(text).not.toContain(String(emulator.org.users[0]!['name']));

    const cassette = loadCassette(cassettePath);
    const scope = replay(cassette, 'https://api.anthropic.com');
    const replayed = await runCli(['read', '--config', writeJson(config), '--catalog', catalog], { clock: testClock(Date.parse(cassette.now)) });
    expect(replayed.exitCode).toBe(0);
    scope.done();
    const strip = (rows: any[]) => rows.map((r) => ({ ...r, email: undefined, name: undefined }));
    expect(strip(replayed.recordsOf('users'))).toEqual(strip(recorded.recordsOf('users')));
    expect(replayed.recordsOf('usage')).toEqual(recorded.recordsOf('usage'));
  });
});
