/**
 * Fault suite against the emulator, in-process on the real HTTP path with a virtual clock
 * (waits take no real time, and the time they would take is measured exactly):
 * transient faults of every kind must not change the output at all; each permanent
 * fault must end its stream as documented, within a minute of waiting.
 */
import { describe, expect, it } from 'vitest';

import { Emulator, EMULATOR_ADMIN_KEY, type EmulatorOptions } from '../../src/emulator/server.js';
import type { Fault } from '../../src/emulator/faults.js';
import { catalogFile, writeJson } from '../support/files.js';
import { runCli, testClock, type Transcript } from '../support/run.js';

const NOW = Date.parse('2026-03-15T10:30:00Z');

interface Run {
  out: Transcript;
  emulator: Emulator;
  /** Virtual milliseconds the connector spent waiting (backoff, retry-after, pacing). */
  waitedMs: number;
}

async function read(options: EmulatorOptions & { faults?: Fault[]; streams?: string[]; random?: () => number; timeoutMs?: number } = {}): Promise<Run> {
  const emulator = new Emulator({ seed: 11, size: 'small', ratePerMinute: 0, now: () => NOW, ...options });
  for (const fault of options.faults ?? []) emulator.inject(fault);
  const url = await emulator.start();
  try {
    // Small pages and hourly usage: many requests, so that 10% of them is many faults.
    const config = writeJson({ admin_api_key: EMULATOR_ADMIN_KEY, base_url: url, start_date: '2026-02-26', usage_bucket_width: '1h', page_size: 2, requests_per_minute: 10000 });
    const clock = testClock(NOW);
    const out = await runCli(['read', '--config', config, '--catalog', catalogFile(options.streams)], {
      clock,
      ...(options.random === undefined ? {} : { random: options.random }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    return { out, emulator, waitedMs: clock.now() - NOW };
  } finally {
    await emulator.stop();
  }
}

/** What a destination receives: records and states in order, without emission times. */
const delivered = (out: Transcript) =>
  out.messages.filter((m) => m.type === 'RECORD' || m.type === 'STATE').map((m) => (m.type === 'RECORD' ? { stream: m.record.stream, data: m.record.data } : m.state));

describe('transient faults', () => {
  it('10% transient faults of every kind leave the output identical to a fault-free read', async () => {
    const clean = await read({ size: 'medium' });
    expect(clean.out.exitCode).toBe(0);
    expect(clean.out.records.length).toBeGreaterThan(1000);

    const faulty = await read({ size: 'medium', faultRate: 0.1 });
    expect(faulty.out.exitCode).toBe(0);
    expect(delivered(faulty.out)).toEqual(delivered(clean.out));
    expect(faulty.emulator.stats.faults).toBeGreaterThanOrEqual(10);
    expect(Object.keys(faulty.emulator.stats.faultKinds).sort()).toEqual(['reset', 'status 429', 'status 500', 'status 502', 'status 503', 'status 529', 'truncate']);
    expect(faulty.out.errors).toEqual([]);
  });

  it('a response slower than the timeout is abandoned and retried', async () => {
    const clean = await read({ streams: ['users', 'invites'] });
    const slow = await read({ streams: ['users', 'invites'], timeoutMs: 200, faults: [{ kind: 'slow', delayMs: 1_500, path: '/invites' }] });
    expect(slow.out.exitCode).toBe(0);
    expect(delivered(slow.out)).toEqual(delivered(clean.out));
    expect(slow.out.logs.some((log) => /Retrying after GET \/v1\/organizations\/invites failed: request timed out/.test(log.message))).toBe(true);
  });

  it('honours retry-after and keeps every other request behind it', async () => {
    const run = await read({ streams: ['users'], faults: [{ kind: 'status', status: 429, retryAfter: 9 }] });
    expect(run.out.exitCode).toBe(0);
    expect(run.out.sleeps[0]).toBe(9_000);
  });
});

const worstJitter = (): number => 0.999_999;
const forever = (fault: Omit<Fault, 'times'>): Fault => ({ ...fault, times: Number.POSITIVE_INFINITY });

describe('permanent faults end the stream as documented, within a minute', () => {
  it.each([
    ['status 500', forever({ kind: 'status', status: 500, path: '/invites' }), 'transient_error', /500 api_error: Injected fault 500 .*still failing after 7 attempts/],
    ['status 529', forever({ kind: 'status', status: 529, path: '/invites' }), 'transient_error', /529 overloaded_error.*after 7 attempts/],
    ['429 without retry-after', forever({ kind: 'status', status: 429, retryAfter: null, path: '/invites' }), 'transient_error', /429 rate_limit_error.*after 7 attempts/],
    ['connection reset', forever({ kind: 'reset', path: '/invites' }), 'transient_error', /network error.*after 7 attempts/],
    ['truncated body', forever({ kind: 'truncate', path: '/invites' }), 'transient_error', /invalid or truncated JSON body.*after 7 attempts/],
    ['has_more without a cursor', forever({ kind: 'has_more_no_cursor', path: '/invites' }), 'system_error', /broke its pagination contract.*has_more is true but last_id is missing/],
    ['a repeated cursor', forever({ kind: 'repeat_cursor', path: '/invites' }), 'system_error', /broke its pagination contract.*returned twice/],
    ['404 (endpoint not offered)', forever({ kind: 'status', status: 404, path: '/invites' }), 'config_error', /stream "invites" is not available.*Deselect it/],
    ['403 on one stream', forever({ kind: 'status', status: 403, path: '/invites' }), 'config_error', /refused access.*"invites" is not available to this key or deployment: deselect it/],
  ])('%s', async (_name, fault, failureType, message) => {
    const run = await read({ streams: ['users', 'invites', 'api_keys'], faults: [fault], random: worstJitter });
    expect(run.out.exitCode).toBe(1);
    expect(run.out.errors[0]).toMatchObject({ failure_type: failureType, stream_descriptor: { name: 'invites' } });
    expect(run.out.errors[0].message).toMatch(message);
    // The other streams are unaffected.
    expect(run.out.statuses).toEqual(expect.arrayContaining(['users:COMPLETE', 'api_keys:COMPLETE', 'invites:INCOMPLETE']));
    expect(run.waitedMs).toBeLessThan(60_000);
  });

  it('a pagination fault on a report fails it within seconds, not in an endless loop', async () => {
    const run = await read({ streams: ['usage'], faults: [forever({ kind: 'repeat_cursor', path: '/usage_report' })] });
    expect(run.out.errors[0]).toMatchObject({ failure_type: 'system_error' });
    expect(run.emulator.stats.requests).toBeLessThan(5);
  });

  it('a rejected key (401) fails the sync at once, without asking for the other streams', async () => {
    const run = await read({ streams: ['users', 'invites', 'usage'], faults: [forever({ kind: 'status', status: 401 })] });
    expect(run.emulator.stats.requests).toBe(1);
    expect(run.out.errors.slice(0, 3).map((e: any) => [e.stream_descriptor.name, e.failure_type])).toEqual([
      ['users', 'config_error'],
      ['invites', 'config_error'],
      ['usage', 'config_error'],
    ]);
    expect(run.out.errors[0].message).toMatch(/An Admin API key is required/);
  });

  it('every workspace answering 404 for members means the endpoint is missing: config_error, not an empty success', async () => {
    const run = await read({ streams: ['workspaces', 'workspace_members'], faults: [forever({ kind: 'status', status: 404, path: '/members' })] });
    expect(run.out.statuses).toContain('workspaces:COMPLETE');
    expect(run.out.errors[0]).toMatchObject({ failure_type: 'config_error', stream_descriptor: { name: 'workspace_members' } });
    expect(run.out.errors[0].message).toMatch(/"workspace_members" is not available.*Deselect it/);
  });

  it('one workspace removed mid-sync (404 on its members) is skipped, and the stream completes', async () => {
    const clean = await read({ streams: ['workspaces', 'workspace_members'] });
    const firstWorkspace = clean.out.recordsOf('workspaces')[0].id as string;
    const run = await read({ streams: ['workspaces', 'workspace_members'], faults: [{ kind: 'status', status: 404, path: `/${firstWorkspace}/members` }] });
    expect(run.out.exitCode).toBe(0);
    const members = run.out.recordsOf('workspace_members');
    expect(members).toEqual(clean.out.recordsOf('workspace_members').filter((m) => m.workspace_id !== firstWorkspace));
    expect(members.length).toBeGreaterThan(0);
  });
});
