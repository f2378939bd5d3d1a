/**
 * Bad input, exhaustively: every malformed config, catalog, state or argument list ends
 * with one clear line naming what is wrong (TRACE config_error and exit 1 for discover and
 * read, CONNECTION_STATUS FAILED and exit 0 for check), no stack trace, no record, no
 * request to the API (the network is closed in these tests), and never the key.
 */
import { describe, expect, it } from 'vitest';

import { ADMIN_KEY, catalogFile, configFile, stateFile, writeJson } from '../support/files.js';
import { runCli, type Transcript } from '../support/run.js';

const valid = { admin_api_key: ADMIN_KEY };
const missing = '/nonexistent/dir/file.json';

function expectOneCleanError(out: Transcript, reason: RegExp | string): void {
  expect(out.exitCode).toBe(1);
  expect(out.records).toEqual([]);
  expect(out.errors).toHaveLength(1);
  const [error] = out.errors;
  expect(error.failure_type).toBe('config_error');
  expect(error.message).not.toContain('\n');
  expect(error.message).toMatch(reason);
  const all = out.lines.join('\n');
  expect(all).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  expect(all).not.toMatch(/ {4}at /);
  expect(all).not.toContain(ADMIN_KEY);
}

const configCases: [string, unknown, RegExp | string][] = [
  ['an array', [], 'the config must be a JSON object'],
  ['no key', {}, 'admin_api_key: is required'],
  ['a blank key', { admin_api_key: '   ' }, 'admin_api_key: is required'],
  ['a numeric key', { admin_api_key: 12345678 }, 'admin_api_key: expected string, got number'],
  ['an impossible date', { ...valid, start_date: '2025-02-30' }, 'start_date: is not a real calendar date'],
  ['a US-style date', { ...valid, start_date: '02/01/2025' }, 'start_date: expected YYYY-MM-DD'],
  ['a negative lookback', { ...valid, lookback_days: -1 }, 'lookback_days'],
  ['a fractional lookback', { ...valid, lookback_days: 0.5 }, 'lookback_days: must be a whole number'],
  ['a lookback as text', { ...valid, lookback_days: '3' }, 'lookback_days: expected number, got string'],
  ['six usage dimensions', { ...valid, usage_group_by: ['workspace_id', 'api_key_id', 'model', 'service_tier', 'context_window', 'inference_geo'] }, 'usage_group_by: at most 5 dimensions'],
  ['an unknown usage dimension', { ...valid, usage_group_by: ['colour'] }, 'usage_group_by[0]: expected one of'],
  ['a repeated dimension', { ...valid, usage_group_by: ['model', 'model'] }, 'usage_group_by: must not repeat'],
  ['an unknown cost dimension', { ...valid, cost_group_by: ['model'] }, 'cost_group_by[0]: expected one of workspace_id, description'],
  ['a weekly bucket', { ...valid, usage_bucket_width: '1w' }, 'usage_bucket_width: expected one of 1d, 1h, 1m'],
  ['plain http to a remote host', { ...valid, base_url: 'http://api.example.com' }, 'base_url: must use https'],
  ['a base_url that is not a URL', { ...valid, base_url: 'api.anthropic.com' }, 'base_url: expected an http(s) URL'],
  ['page_size 0', { ...valid, page_size: 0 }, 'page_size'],
  ['page_size above the API maximum', { ...valid, page_size: 1001 }, 'page_size'],
  ['requests_per_minute 0', { ...valid, requests_per_minute: 0 }, 'requests_per_minute'],
  ['include_archived_workspaces as text', { ...valid, include_archived_workspaces: 'yes' }, 'include_archived_workspaces: expected boolean'],
];

describe('bad config', () => {
  it.each(configCases)('%s: read and discover fail with a config_error naming the field', async (_name, config, reason) => {
    const path = writeJson(config, 'config');
    expectOneCleanError(await runCli(['read', '--config', path, '--catalog', catalogFile(['users'])]), reason);
    expectOneCleanError(await runCli(['discover', '--config', path]), reason);
  });

  it.each(configCases)('%s: check reports FAILED with the reason and exits 0', async (_name, config, reason) => {
    const out = await runCli(['check', '--config', writeJson(config, 'config')]);
    expect(out.exitCode).toBe(0);
    expect(out.messages.at(-1)).toMatchObject({ type: 'CONNECTION_STATUS', connectionStatus: { status: 'FAILED' } });
    expect(out.messages.at(-1).connectionStatus.message).toMatch(reason);
    expect(out.lines.join('\n')).not.toContain(ADMIN_KEY);
  });

  it.each([
    ['a missing file', missing, /Could not read the --config file .* \(ENOENT\)/],
    ['a file that is not JSON', writeJson('{"admin_api_key": ', 'config'), /The --config file .* is not valid JSON/],
    ['an empty file', writeJson('', 'config'), /The --config file .* is not valid JSON/],
  ])('%s: read fails with config_error; check reports FAILED', async (_name, path, reason) => {
    expectOneCleanError(await runCli(['read', '--config', path, '--catalog', catalogFile(['users'])]), reason);
    const check = await runCli(['check', '--config', path]);
    expect(check.exitCode).toBe(0);
    expect(check.messages.at(-1).connectionStatus).toMatchObject({ status: 'FAILED', message: expect.stringMatching(reason) });
  });
});

const entry = (name: string, sync_mode = 'full_refresh') => ({ stream: { name, json_schema: {}, supported_sync_modes: ['full_refresh'] }, sync_mode, destination_sync_mode: 'append' });

describe('bad catalog', () => {
  it.each([
    ['a missing file', missing, /Could not read the --catalog file/],
    ['a file that is not JSON', writeJson('streams:', 'catalog'), /The --catalog file .* is not valid JSON/],
    ['no streams array', writeJson({}, 'catalog'), 'catalog.streams: is required'],
    ['streams as an object', writeJson({ streams: {} }, 'catalog'), /catalog.streams: expected array/],
    ['an entry without a stream', writeJson({ streams: [{ sync_mode: 'full_refresh' }] }, 'catalog'), 'catalog.streams[0].stream: is required'],
    ['an unknown stream', writeJson({ streams: [entry('users'), entry('messages')] }, 'catalog'), 'catalog.streams[1].stream.name: "messages" is not a stream of this source'],
    ['an unknown sync mode', writeJson({ streams: [entry('usage', 'cdc')] }, 'catalog'), /catalog.streams\[0\].sync_mode: expected one of full_refresh, incremental/],
    ['incremental on a list stream', writeJson({ streams: [entry('users', 'incremental')] }, 'catalog'), 'catalog.streams[0].sync_mode: stream "users" supports only full_refresh'],
    ['a stream listed twice', writeJson({ streams: [entry('users'), entry('users')] }, 'catalog'), 'catalog.streams[1]: stream "users" is listed twice'],
  ])('%s', async (_name, path, reason) => {
    expectOneCleanError(await runCli(['read', '--config', configFile(), '--catalog', path]), reason);
  });
});

const usageState = (stream_state: unknown) => [{ type: 'STREAM', stream: { stream_descriptor: { name: 'usage' }, stream_state } }];

describe('bad state', () => {
  it.each([
    ['a file that is not JSON', writeJson('[{', 'state'), /The --state file .* is not valid JSON/],
    ['a string', writeJson('"2025-01-01"', 'state'), 'the state must be a JSON array of STATE messages'],
    ['a number in the array', writeJson([1], 'state'), 'state[0] must be an object'],
    ['a LEGACY state message', writeJson([{ type: 'LEGACY', data: {} }], 'state'), 'state[0].type must be STREAM or GLOBAL'],
    ['a stream state without a name', writeJson([{ type: 'STREAM', stream: { stream_descriptor: {}, stream_state: {} } }], 'state'), 'state[0].stream.stream_descriptor.name must be a stream name'],
    ['a stream_state that is a list', writeJson(usageState([]), 'state'), 'state[0].stream.stream_state must be an object'],
    ['a cursor that is not a date', writeJson(usageState({ starting_at: 'yesterday' }), 'state'), 'usage.starting_at must be an RFC 3339 date-time'],
    ['a numeric cursor', writeJson(usageState({ starting_at: 1735689600 }), 'state'), 'usage.starting_at must be an RFC 3339 date-time'],
    ['a legacy object with an unknown stream', writeJson({ messages: {} }, 'state'), '"messages" is not a stream of this source'],
    ['a GLOBAL state without stream_states', writeJson([{ type: 'GLOBAL', global: {} }], 'state'), 'state[0].global.stream_states must be an array'],
  ])('%s', async (_name, path, reason) => {
    expectOneCleanError(await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['usage']), '--state', path]), reason);
  });

  it.each([
    ['an empty file', writeJson('', 'state')],
    ['an empty array', writeJson([], 'state')],
    ['an empty object', writeJson({}, 'state')],
    ['null', writeJson('null', 'state')],
  ])('%s means "no state": the read starts from start_date', async (_name, path) => {
    // A future start_date keeps the read from needing the API; the point is the state parsing.
    const out = await runCli(['read', '--config', configFile({ start_date: '2999-01-01' }), '--catalog', catalogFile(['usage']), '--state', path]);
    expect(out.exitCode).toBe(0);
    expect(out.statesOf('usage').at(-1).stream.stream_state).toEqual({});
  });

  it('a legacy object and a GLOBAL state are read as per-stream cursors', async () => {
    for (const raw of [
      { usage: { starting_at: '2999-01-01T00:00:00Z' } },
      [{ type: 'GLOBAL', global: { shared_state: {}, stream_states: [{ stream_descriptor: { name: 'usage' }, stream_state: { starting_at: '2999-01-01T00:00:00Z' } }] } }],
    ]) {
      const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['usage']), '--state', writeJson(raw, 'state')]);
      expect(out.exitCode).toBe(0);
      expect(out.statesOf('usage').at(-1).stream.stream_state).toEqual({ starting_at: '2999-01-01T00:00:00Z' });
    }
  });

  it('state for a stream that is not selected, or unknown, is ignored', async () => {
    const path = stateFile({ cost: { starting_at: 'not even a date' }, retired_stream: { x: 1 } });
    const out = await runCli(['read', '--config', configFile({ start_date: '2999-01-01' }), '--catalog', catalogFile(['usage']), '--state', path]);
    expect(out.exitCode).toBe(0);
  });
});

describe('bad arguments', () => {
  it.each([
    ['no command', [], /No command given/],
    ['an unknown command', ['sync'], /Invalid arguments: Unknown argument: sync/],
    ['read without --catalog', ['read', '--config', missing], /Invalid arguments: Missing required argument: catalog/],
    ['check without --config', ['check'], /Invalid arguments: Missing required argument: config/],
  ])('%s', async (_name, argv, reason) => {
    expectOneCleanError(await runCli(argv), reason);
  });
});
