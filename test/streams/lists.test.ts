import nock from 'nock';
import { describe, expect, it } from 'vitest';

import { ADMIN_KEY, BASE_URL, catalogFile, configFile } from '../support/files.js';
import { runCli } from '../support/run.js';

const api = () =>
  nock(BASE_URL, { reqheaders: { 'x-api-key': ADMIN_KEY, 'anthropic-version': '2023-06-01', 'user-agent': /^source-claude-admin\/\d+\.\d+\.\d+/ } });

const user = (id: string) => ({ id, type: 'user', email: `${id}@example.com`, name: id, role: 'user', added_at: '2024-10-30T23:58:27.427722Z' });

describe('list streams', () => {
  it('pages with limit and after_id ← last_id until has_more is false', async () => {
    const scope = api()
      .get('/v1/organizations/users').query({ limit: '2' })
      .reply(200, { data: [user('user_1'), user('user_2')], first_id: 'user_1', last_id: 'user_2', has_more: true })
      .get('/v1/organizations/users').query({ limit: '2', after_id: 'user_2' })
      .reply(200, { data: [user('user_3')], first_id: 'user_3', last_id: 'user_3', has_more: false });
    const out = await runCli(['read', '--config', configFile({ page_size: 2 }), '--catalog', catalogFile(['users'])]);
    expect(out.exitCode).toBe(0);
    expect(out.recordsOf('users').map((r) => r.id)).toEqual(['user_1', 'user_2', 'user_3']);
    expect(out.statuses).toEqual(['users:STARTED', 'users:RUNNING', 'users:COMPLETE']);
    expect(out.states).toEqual([{ type: 'STREAM', stream: { stream_descriptor: { name: 'users' }, stream_state: { __ab_no_cursor_state_message: true } }, sourceStats: { recordCount: 3 } }]);
    scope.done();
  });

  it('lists archived workspaces and reads every workspace\'s members, reusing the workspaces it already read', async () => {
    const ws = (id: string) => ({ id, type: 'workspace', name: id, archived_at: null, created_at: '2024-10-30T23:58:27.427722Z', display_color: '#6C5BB9' });
    const member = (w: string, u: string) => ({ type: 'workspace_member', user_id: u, workspace_id: w, workspace_role: 'workspace_user' });
    const scope = api()
      .get('/v1/organizations/workspaces').query({ include_archived: 'true', limit: '1000' })
      .reply(200, { data: [ws('wrkspc_a'), ws('wrkspc_b'), ws('wrkspc_gone')], first_id: 'wrkspc_a', last_id: 'wrkspc_gone', has_more: false })
      .get('/v1/organizations/workspaces/wrkspc_a/members').query({ limit: '1000' })
      .reply(200, { data: [member('wrkspc_a', 'user_1')], first_id: 'user_1', last_id: 'user_1', has_more: false })
      .get('/v1/organizations/workspaces/wrkspc_b/members').query({ limit: '1000' })
      .reply(200, { data: [member('wrkspc_b', 'user_1'), member('wrkspc_b', 'user_2')], first_id: 'user_1', last_id: 'user_2', has_more: false })
      .get('/v1/organizations/workspaces/wrkspc_gone/members').query({ limit: '1000' })
      .reply(404, { type: 'error', error: { type: 'not_found_error', message: 'Workspace not found' }, request_id: 'req_1' });
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['workspace_members', 'workspaces'])]);
    expect(out.exitCode).toBe(0);
    expect(out.recordsOf('workspaces')).toHaveLength(3);
    expect(out.recordsOf('workspace_members').map((m) => `${m.workspace_id}/${m.user_id}`)).toEqual(['wrkspc_a/user_1', 'wrkspc_b/user_1', 'wrkspc_b/user_2']);
    expect(out.logs.some((l) => l.level === 'WARN' && l.message.includes('wrkspc_gone'))).toBe(true);
    scope.done();
  });

  it('reads api keys of every status (no status filter) and keeps unknown fields and enum values', async () => {
    const scope = api()
      .get('/v1/organizations/api_keys').query({ limit: '1000' })
      .reply(200, { data: [{ id: 'apikey_1', type: 'api_key', status: 'brand_new_status', workspace_id: null, created_by: null, scope: { type: 'organization' }, future_field: 1 }], first_id: 'apikey_1', last_id: 'apikey_1', has_more: false });
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['api_keys'])]);
    expect(out.recordsOf('api_keys')).toEqual([{ id: 'apikey_1', type: 'api_key', status: 'brand_new_status', workspace_id: null, created_by: null, scope: { type: 'organization' }, future_field: 1 }]);
    scope.done();
  });

  it('fails the stream on has_more without a cursor and on a repeated cursor, and goes on with the next stream', async () => {
    const scope = api()
      .get('/v1/organizations/users').query({ limit: '1000' })
      .reply(200, { data: [user('user_1')], first_id: 'user_1', last_id: null, has_more: true })
      .get('/v1/organizations/invites').query({ limit: '1000' })
      .reply(200, { data: [], first_id: null, last_id: 'invite_x', has_more: true })
      .get('/v1/organizations/invites').query({ limit: '1000', after_id: 'invite_x' })
      .reply(200, { data: [], first_id: null, last_id: 'invite_x', has_more: true });
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['users', 'invites'])]);
    expect(out.exitCode).toBe(1);
    expect(out.statuses).toEqual(['users:STARTED', 'users:INCOMPLETE', 'invites:STARTED', 'invites:INCOMPLETE']);
    expect(out.errors[0]).toMatchObject({ failure_type: 'system_error', stream_descriptor: { name: 'users' } });
    expect(out.errors[0].message).toMatch(/has_more is true but last_id is missing/);
    expect(out.errors[1].message).toMatch(/returned twice/);
    expect(out.errors[2].message).toMatch(/following streams did not sync successfully: users: .* \| invites:/);
    scope.done();
  });
});
