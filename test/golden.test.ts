/**
 * Pinned output: the spec, the catalog, and a read over the documented example payloads
 * (integration_tests/cassettes) compared with integration_tests/expected_records.jsonl.
 * Refresh with `npm run test:update` and review the diff.
 */
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { PACKAGE_ROOT } from '../src/version.js';
import { loadCassette, replay } from './support/cassette.js';
import { writeJson } from './support/files.js';
import { runCli, testClock } from './support/run.js';

const it_ = join(PACKAGE_ROOT, 'integration_tests');

describe('golden files', () => {
  it('spec', async () => {
    const out = await runCli(['spec']);
    expect(out.messages).toHaveLength(1);
    await expect(JSON.stringify(out.messages[0], null, 2) + '\n').toMatchFileSnapshot('golden/spec.json');
  });

  it('discover', async () => {
    const out = await runCli(['discover', '--config', join(it_, 'sample_config.json')]);
    expect(out.messages).toHaveLength(1);
    await expect(JSON.stringify(out.messages[0], null, 2) + '\n').toMatchFileSnapshot('golden/discover.json');
  });

  it('read over the documented examples equals expected_records.jsonl', async () => {
    const cassette = loadCassette(join(it_, 'cassettes', 'documented-examples.json'));
    const scope = replay(cassette, 'https://api.anthropic.com');
    const config = writeJson({ admin_api_key: 'sk-ant-admin01-golden', start_date: '2025-08-01', requests_per_minute: 10000 });
    const out = await runCli(['read', '--config', config, '--catalog', join(it_, 'incremental_catalog.json')], { clock: testClock(cassette.now) });
    expect(out.exitCode).toBe(0);
    scope.done();
    const expected = out.records.map((record) => JSON.stringify({ ...record, emitted_at: 1_700_000_000_000 })).join('\n') + '\n';
    await expect(expected).toMatchFileSnapshot(join(it_, 'expected_records.jsonl'));
  });
});
