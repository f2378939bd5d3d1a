import { describe, expect, it } from 'vitest';

import { parseInputState, reportCursor } from '../../src/engine/state.js';
import { ConnectorError } from '../../src/errors.js';

const names = ['users', 'usage', 'cost'];

describe('parseInputState', () => {
  it('reads the array of per-stream STATE messages, ignoring unknown keys', () => {
    const states = parseInputState(
      [{ type: 'STREAM', stream: { stream_descriptor: { name: 'usage', namespace: null }, stream_state: { starting_at: '2025-08-01T00:00:00Z' } }, sourceStats: { recordCount: 3 }, id: 7 }],
      names,
    );
    expect(states.get('usage')).toEqual({ starting_at: '2025-08-01T00:00:00Z' });
  });

  it('treats missing, [] and {} as no state', () => {
    expect(parseInputState(undefined, names).size).toBe(0);
    expect(parseInputState([], names).size).toBe(0);
    expect(parseInputState({}, names).size).toBe(0);
  });

  it('reads a GLOBAL state and the legacy object keyed by stream name', () => {
    expect(parseInputState([{ type: 'GLOBAL', global: { stream_states: [{ stream_descriptor: { name: 'cost' }, stream_state: { starting_at: '2025-01-01T00:00:00Z' } }] } }], names).get('cost')).toBeDefined();
    expect(parseInputState({ usage: { starting_at: '2025-01-01T00:00:00Z' } }, names).get('usage')).toEqual({ starting_at: '2025-01-01T00:00:00Z' });
  });

  it.each([
    [[{ type: 'LEGACY', data: {} }], /state\[0\]\.type must be STREAM or GLOBAL/],
    [[{ type: 'STREAM', stream: { stream_descriptor: {} } }], /state\[0\]\.stream\.stream_descriptor\.name/],
    [[{ type: 'STREAM', stream: { stream_descriptor: { name: 'usage' }, stream_state: 'x' } }], /stream_state must be an object/],
    [{ foo: {} }, /"foo" is not a stream/],
    ['text', /must be a JSON array/],
    [[3], /state\[0\] must be an object/],
  ])('rejects %j as a config error naming the field', (raw, reason) => {
    const run = (): unknown => parseInputState(raw, names);
    expect(run).toThrow(reason);
    expect(run).toThrow(ConnectorError);
  });
});

describe('reportCursor', () => {
  it('parses the starting_at cursor and rejects malformed ones', () => {
    expect(reportCursor('usage', { starting_at: '2025-08-01T00:00:00Z' })).toBe(Date.parse('2025-08-01T00:00:00Z'));
    expect(reportCursor('usage', {})).toBeUndefined();
    expect(reportCursor('usage', { __ab_no_cursor_state_message: true })).toBeUndefined();
    expect(() => reportCursor('usage', { starting_at: 'yesterday' })).toThrow(/usage\.starting_at must be an RFC 3339/);
  });
});
