/**
 * Schema drift: the API adds fields and enum values over time. Records are never dropped
 * or altered for it; a value of an unexpected type is logged once, naming its path.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';

import { BASE_URL, catalogFile, configFile } from '../support/files.js';
import { runCli } from '../support/run.js';

const user = (id: string, extra: Record<string, unknown>) => ({ id, type: 'user', email: `${id}@example.com`, name: id, role: 'user', added_at: '2025-01-01T00:00:00Z', ...extra });

describe('schema drift', () => {
  it('passes unknown fields and enum values through, and warns once per path about a wrong type', async () => {
    const records = [
      user('user_1', { role: 'galactic_overlord', favourite_model: 'claude-opus-9' }),
      user('user_2', { added_at: 1735689600 }),
      user('user_3', { added_at: 1735689601 }),
    ];
    const scope = nock(BASE_URL).get('/v1/organizations/users').query(true).reply(200, { data: records, has_more: false });
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['users'])]);
    expect(out.exitCode).toBe(0);
    expect(out.recordsOf('users')).toEqual(records);
    const warnings = out.logs.filter((log) => log.level === 'WARN' && /does not match the stream schema/.test(log.message));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(/\/added_at must be null,string stream=users/);
    scope.done();
  });
});
