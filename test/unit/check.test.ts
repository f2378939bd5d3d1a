import nock from 'nock';
import { describe, expect, it } from 'vitest';

import { BASE_URL, configFile, writeJson } from '../support/files.js';
import { runCli } from '../support/run.js';

const list = (data: unknown[]) => ({ data, first_id: null, last_id: null, has_more: false });
const report = { data: [], has_more: false, next_page: null };
const notFound = { type: 'error', error: { type: 'not_found_error', message: 'Not found' }, request_id: 'req_1' };

function allEndpoints(status: (path: string) => number) {
  const scope = nock(BASE_URL);
  const paths = ['/v1/organizations/workspaces', '/v1/organizations/users', '/v1/organizations/api_keys', '/v1/organizations/invites', '/v1/organizations/usage_report/messages', '/v1/organizations/cost_report', '/v1/organizations/workspaces/wrkspc_1/members'];
  for (const path of paths) {
    const code = status(path);
    const body = code !== 200 ? notFound : path.includes('report') ? report : list(path.endsWith('workspaces') ? [{ id: 'wrkspc_1' }] : []);
    scope.get(path).query(true).reply(code, body);
  }
  return scope;
}

describe('check', () => {
  it('succeeds when every endpoint answers', async () => {
    allEndpoints(() => 200);
    const out = await runCli(['check', '--config', configFile()]);
    expect(out.exitCode).toBe(0);
    expect(out.messages.filter((m) => m.type === 'CONNECTION_STATUS')).toEqual([{ type: 'CONNECTION_STATUS', connectionStatus: { status: 'SUCCEEDED' } }]);
  });

  it('names the streams a deployment does not offer (Claude Platform on AWS: workspaces only)', async () => {
    allEndpoints((path) => (path === '/v1/organizations/workspaces' ? 200 : 404));
    const out = await runCli(['check', '--config', configFile()]);
    const status = out.messages.find((m) => m.type === 'CONNECTION_STATUS')!.connectionStatus;
    expect(status.status).toBe('SUCCEEDED');
    expect(status.message).toMatch(/must be deselected: users, workspace_members, api_keys, invites, usage, cost/);
  });

  it('explains that an Admin API key is needed when a standard key is rejected (exit 0)', async () => {
    nock(BASE_URL).get('/v1/organizations/workspaces').query(true).reply(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    const out = await runCli(['check', '--config', configFile({ admin_api_key: 'sk-ant-api03-standard-key-xxxxxxxx' })]);
    expect(out.exitCode).toBe(0);
    expect(out.messages.filter((m) => m.type === 'CONNECTION_STATUS')).toHaveLength(1);
    const { message } = out.messages.find((m) => m.type === 'CONNECTION_STATUS')!.connectionStatus;
    expect(message).toMatch(/looks like a standard API key.*An Admin API key is required \(it starts with sk-ant-admin01-/);
    expect(out.lines.join('')).not.toContain('sk-ant-api03-standard-key-xxxxxxxx');
  });

  it.each([
    ['a bad config', () => configFile({ lookback_days: 'three' }), /lookback_days: expected number, got string/],
    ['a missing file', () => '/nonexistent/config.json', /Could not read the --config file/],
    ['invalid JSON', () => writeJson('{not json'), /is not valid JSON/],
  ])('reports %s as CONNECTION_STATUS FAILED, exit 0', async (_name, file, reason) => {
    const out = await runCli(['check', '--config', file()]);
    expect(out.exitCode).toBe(0);
    const statuses = out.messages.filter((m) => m.type === 'CONNECTION_STATUS');
    expect(statuses).toHaveLength(1);
    expect(statuses[0]!.connectionStatus.status).toBe('FAILED');
    expect(statuses[0]!.connectionStatus.message).toMatch(reason);
  });

  it('emits exactly one TRACE error and exit 1 when the API is down', async () => {
    nock(BASE_URL).get('/v1/organizations/workspaces').query(true).times(3).reply(500, {});
    const out = await runCli(['check', '--config', configFile()]);
    expect(out.exitCode).toBe(1);
    expect(out.messages.filter((m) => m.type === 'CONNECTION_STATUS')).toHaveLength(0);
    expect(out.messages.filter((m) => m.type === 'TRACE')).toHaveLength(1);
    expect(out.errors[0].failure_type).toBe('transient_error');
  });
});

describe('discover and read input errors', () => {
  it.each([
    [['discover', '--config', 'CONFIG_BAD'], /Config validation error: start_date/],
    [['read', '--config', 'CONFIG_OK', '--catalog', 'CATALOG_UNKNOWN'], /catalog\.streams\[0\]\.stream\.name: "nope" is not a stream/],
    [['read', '--config', 'CONFIG_OK', '--catalog', 'CATALOG_BAD_MODE'], /catalog\.streams\[0\]\.sync_mode: expected one of full_refresh, incremental/],
    [['read', '--config', 'CONFIG_OK', '--catalog', 'CATALOG_INCR_USERS'], /stream "users" supports only full_refresh/],
    [['read', '--config', 'CONFIG_OK', '--catalog', 'CATALOG_OK', '--state', 'STATE_BAD'], /usage\.starting_at must be an RFC 3339/],
    [['read', '--config', 'CONFIG_OK'], /Missing required argument: catalog/],
  ])('%j → TRACE config_error naming the field, exit 1', async (argv, reason) => {
    const files: Record<string, () => string> = {
      CONFIG_BAD: () => configFile({ start_date: 'last tuesday' }),
      CONFIG_OK: () => configFile(),
      CATALOG_UNKNOWN: () => writeJson({ streams: [{ stream: { name: 'nope' }, sync_mode: 'full_refresh', destination_sync_mode: 'append' }] }),
      CATALOG_BAD_MODE: () => writeJson({ streams: [{ stream: { name: 'users' }, sync_mode: 'INVALID', destination_sync_mode: 'append' }] }),
      CATALOG_INCR_USERS: () => writeJson({ streams: [{ stream: { name: 'users' }, sync_mode: 'incremental', destination_sync_mode: 'append' }] }),
      CATALOG_OK: () => writeJson({ streams: [{ stream: { name: 'usage' }, sync_mode: 'incremental', destination_sync_mode: 'append' }] }),
      STATE_BAD: () => writeJson([{ type: 'STREAM', stream: { stream_descriptor: { name: 'usage' }, stream_state: { starting_at: 'soon' } } }]),
    };
    const out = await runCli(argv.map((arg) => files[arg]?.() ?? arg));
    expect(out.exitCode).toBe(1);
    expect(out.records).toEqual([]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ failure_type: 'config_error' });
    expect(out.errors[0].message).toMatch(reason);
  });
});
