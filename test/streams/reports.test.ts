import nock from 'nock';
import { describe, expect, it } from 'vitest';

import { BASE_URL, catalogFile, configFile, stateFile } from '../support/files.js';
import { runCli, testClock } from '../support/run.js';

const NOW = '2025-08-10T12:00:00Z';
const bucket = (day: string, results: Record<string, unknown>[] = []) => ({
  starting_at: `${day}T00:00:00Z`,
  ending_at: new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().replace('.000Z', 'Z'),
  results,
});
const usageRow = (overrides: Record<string, unknown> = {}) => ({
  uncached_input_tokens: 1500,
  cache_creation: { ephemeral_1h_input_tokens: 1000, ephemeral_5m_input_tokens: 500 },
  cache_read_input_tokens: 200,
  output_tokens: 500,
  server_tool_use: { web_search_requests: 10 },
  workspace_id: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
  api_key_id: 'apikey_01Rj2N8SVvo6BePZj99NhmiT',
  model: 'claude-opus-4-6',
  service_tier: 'standard',
  context_window: '0-200k',
  ...overrides,
});
const days = (from: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

/** The exact query string the connector must send, group_by[] included. */
function usageQuery(start: string, end: string, limit: number, page?: string): Record<string, string | string[]> {
  return {
    bucket_width: '1d',
    'group_by[]': ['workspace_id', 'api_key_id', 'model', 'service_tier', 'context_window'],
    starting_at: `${start}T00:00:00Z`,
    ending_at: `${end}T00:00:00Z`,
    limit: String(limit),
    ...(page === undefined ? {} : { page }),
  };
}

describe('usage', () => {
  it('reads [start_date, tomorrow) with the same query on every page plus page, and caps the cursor at today', async () => {
    const scope = nock(BASE_URL)
      .get('/v1/organizations/usage_report/messages').query(usageQuery('2025-08-01', '2025-08-11', 10))
      .reply(200, { data: days('2025-08-01', 5).map((d) => bucket(d, [usageRow()])), has_more: true, next_page: 'page_abc' })
      .get('/v1/organizations/usage_report/messages').query(usageQuery('2025-08-01', '2025-08-11', 10, 'page_abc'))
      .reply(200, { data: days('2025-08-06', 5).map((d) => bucket(d, d === '2025-08-07' ? [] : [usageRow(), usageRow({ workspace_id: null, api_key_id: null })])), has_more: false, next_page: null });
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['usage'])], { clock: testClock(NOW) });
    expect(out.exitCode).toBe(0);
    const records = out.recordsOf('usage');
    expect(records).toHaveLength(5 + 8);
    expect(records[0]).toMatchObject({
      starting_at: '2025-08-01T00:00:00Z',
      ending_at: '2025-08-02T00:00:00Z',
      cache_creation: { ephemeral_1h_input_tokens: 1000, ephemeral_5m_input_tokens: 500 },
      server_tool_use: { web_search_requests: 10 },
      inference_geo: null,
      account_id: null,
    });
    expect(new Set(records.map((r) => r.row_key)).size).toBe(records.length);
    expect(out.statesOf('usage')).toEqual([{ type: 'STREAM', stream: { stream_descriptor: { name: 'usage' }, stream_state: { starting_at: '2025-08-10T00:00:00Z' } }, sourceStats: { recordCount: 13 } }]);
    expect(out.statuses).toEqual(['usage:STARTED', 'usage:RUNNING', 'usage:COMPLETE']);
    scope.done();
  });

  it('starts an incremental read at cursor − lookback_days and checkpoints after each window', async () => {
    // cursor 2025-07-10, lookback 3 → from 2025-07-07; one 31-day window, then the rest through tomorrow.
    const config = configFile({ start_date: '2025-01-01', usage_bucket_width: '1d' });
    const scope2 = nock(BASE_URL)
      .get('/v1/organizations/usage_report/messages').query(usageQuery('2025-07-07', '2025-08-07', 31))
      .reply(200, { data: [bucket('2025-07-07', [usageRow()])], has_more: false, next_page: null })
      .get('/v1/organizations/usage_report/messages').query(usageQuery('2025-08-07', '2025-08-11', 4))
      .reply(200, { data: [bucket('2025-08-10', [usageRow()]), bucket('2025-08-09', [usageRow({ model: 'claude-haiku' })])], has_more: false, next_page: null });
    const out = await runCli(['read', '--config', config, '--catalog', catalogFile(['usage']), '--state', stateFile({ usage: { starting_at: '2025-07-10T00:00:00Z' } })], { clock: testClock(NOW) });
    expect(out.exitCode).toBe(0);
    expect(out.statesOf('usage').map((s) => [s.stream.stream_state.starting_at, s.sourceStats.recordCount])).toEqual([
      ['2025-08-07T00:00:00Z', 1],
      ['2025-08-10T00:00:00Z', 2],
    ]);
    scope2.done();
  });

  it('yields no records for a cursor in the future and re-emits that state', async () => {
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['usage', 'cost']), '--state', stateFile({ usage: { starting_at: '2999-01-01T00:00:00Z' }, cost: { starting_at: '2999-01-01T00:00:00Z' } })], { clock: testClock(NOW) });
    expect(out.exitCode).toBe(0);
    expect(out.records).toEqual([]);
    expect(out.states.map((s) => [s.stream.stream_descriptor.name, s.stream.stream_state, s.sourceStats.recordCount])).toEqual([
      ['usage', { starting_at: '2999-01-01T00:00:00Z' }, 0],
      ['cost', { starting_at: '2999-01-01T00:00:00Z' }, 0],
    ]);
  });

  it('does not move a cursor that is already today, and emits it once after re-reading the lookback days', async () => {
    const scope = nock(BASE_URL)
      .get('/v1/organizations/usage_report/messages').query(usageQuery('2025-08-07', '2025-08-11', 4))
      .reply(200, { data: [bucket('2025-08-10', [usageRow()])], has_more: false, next_page: null });
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['usage']), '--state', stateFile({ usage: { starting_at: '2025-08-10T00:00:00Z' } })], { clock: testClock(NOW) });
    expect(out.statesOf('usage').map((s) => [s.stream.stream_state.starting_at, s.sourceStats.recordCount])).toEqual([['2025-08-10T00:00:00Z', 1]]);
    scope.done();
  });
});

describe('cost', () => {
  const costQuery = (start: string, end: string, limit: number) => ({
    bucket_width: '1d',
    'group_by[]': ['workspace_id', 'description'],
    starting_at: `${start}T00:00:00Z`,
    ending_at: `${end}T00:00:00Z`,
    limit: String(limit),
  });
  const costRow = (amount: string) => ({
    amount,
    currency: 'USD',
    workspace_id: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
    description: 'Claude Sonnet 4 Usage - Input Tokens',
    cost_type: 'tokens',
    model: 'claude-opus-4-6',
    token_type: 'uncached_input_tokens',
    service_tier: 'standard',
    context_window: '0-200k',
    inference_geo: 'global',
  });

  it('asks only for completed days, keeps the amount string and adds exact dollars', async () => {
    const scope = nock(BASE_URL)
      .get('/v1/organizations/cost_report').query(costQuery('2025-08-01', '2025-08-10', 9))
      .reply(200, { data: [bucket('2025-08-01', [costRow('123.78912'), { ...costRow('0.000001'), description: 'Web Search Usage', cost_type: 'web_search', model: null, token_type: null }])], has_more: false, next_page: null });
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['cost'])], { clock: testClock(NOW) });
    expect(out.exitCode).toBe(0);
    expect(out.recordsOf('cost').map((r) => [r.amount, r.amount_usd, r.currency])).toEqual([
      ['123.78912', '1.2378912', 'USD'],
      ['0.000001', '0.00000001', 'USD'],
    ]);
    expect(out.statesOf('cost').map((s) => s.stream.stream_state)).toEqual([{ starting_at: '2025-08-10T00:00:00Z' }]);
    scope.done();
  });

  it('sends no request when the range holds no completed day', async () => {
    const out = await runCli(['read', '--config', configFile({ start_date: '2025-08-10' }), '--catalog', catalogFile(['cost'])], { clock: testClock(NOW) });
    expect(out.exitCode).toBe(0);
    expect(out.recordsOf('cost')).toEqual([]);
    expect(out.statesOf('cost').map((s) => s.stream.stream_state)).toEqual([{}]);
  });

  it('treats "Invalid date range" (the API\'s day not over yet) as no data, without moving the cursor', async () => {
    const scope = nock(BASE_URL)
      .get('/v1/organizations/cost_report').query(costQuery('2025-08-06', '2025-08-10', 4))
      .reply(400, { type: 'error', error: { type: 'invalid_request_error', message: 'Invalid date range: ending date must be after starting date' }, request_id: 'req_x' });
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['cost']), '--state', stateFile({ cost: { starting_at: '2025-08-09T00:00:00Z' } })], { clock: testClock(NOW) });
    expect(out.exitCode).toBe(0);
    expect(out.statesOf('cost').map((s) => s.stream.stream_state)).toEqual([{ starting_at: '2025-08-09T00:00:00Z' }]);
    scope.done();
  });
});
