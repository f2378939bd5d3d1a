import { describe, expect, it } from 'vitest';

import { backoffMs, classify, retryAfterMs } from '../../src/http/retry.js';
import { RequestPacer } from '../../src/http/pacing.js';

describe('classify', () => {
  it.each([
    [401, false, 'config_error'],
    [403, false, 'config_error'],
    [400, false, 'system_error'],
    [404, false, 'system_error'],
    [302, false, 'system_error'],
    [408, true, 'transient_error'],
    [429, true, 'transient_error'],
    [500, true, 'transient_error'],
    [502, true, 'transient_error'],
    [503, true, 'transient_error'],
    [504, true, 'transient_error'],
    [529, true, 'transient_error'],
  ])('status %i → retry %s, %s', (status, retry, failureType) => {
    expect(classify({ kind: 'status', status })).toEqual({ retry, failureType });
  });

  it('retries network errors and invalid bodies', () => {
    expect(classify({ kind: 'network', detail: 'ECONNRESET' }).retry).toBe(true);
    expect(classify({ kind: 'invalid_body', detail: 'truncated' }).retry).toBe(true);
  });

  it('follows x-should-retry, but never retries 401/403', () => {
    expect(classify({ kind: 'status', status: 500, shouldRetryHeader: 'false' }).retry).toBe(false);
    expect(classify({ kind: 'status', status: 400, shouldRetryHeader: 'true' }).retry).toBe(true);
    expect(classify({ kind: 'status', status: 401, shouldRetryHeader: 'true' }).retry).toBe(false);
  });
});

describe('retryAfterMs', () => {
  const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;
  it('reads seconds, HTTP dates and retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'retry-after': '7' }), 0)).toBe(7000);
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }), Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), 0)).toBe(250);
    expect(retryAfterMs(headers({}), 0)).toBeUndefined();
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }), 0)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('prefers the server wait, else grows exponentially with jitter up to the cap', () => {
    expect(backoffMs(3, 4000, () => 0.9)).toBe(4000);
    expect(backoffMs(0, undefined, () => 0)).toBe(500);
    expect(backoffMs(0, undefined, () => 1)).toBe(1000);
    expect(backoffMs(2, undefined, () => 1)).toBe(4000);
    expect(backoffMs(20, undefined, () => 1)).toBe(16_000);
    expect(backoffMs(20, undefined, () => 0)).toBe(8_000);
  });
});

describe('RequestPacer', () => {
  it('lets a burst through, then spaces requests to the budget, and pauses on demand', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const pacer = new RequestPacer(60, { now: () => now, sleep: (ms) => { sleeps.push(ms); now += ms; return Promise.resolve(); } }, 2);
    for (let i = 0; i < 4; i++) await pacer.acquire();
    expect(sleeps).toEqual([1000, 1000]);
    pacer.pause(now + 30_000);
    await pacer.acquire();
    expect(sleeps.at(-1)).toBe(30_000);
  });

  it('pauses when the API reports no remaining requests', async () => {
    let now = Date.parse('2025-01-01T00:00:00Z');
    const sleeps: number[] = [];
    const pacer = new RequestPacer(6000, { now: () => now, sleep: (ms) => { sleeps.push(ms); now += ms; return Promise.resolve(); } });
    pacer.observe((name) => ({ 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2025-01-01T00:00:05Z' })[name] ?? null);
    await pacer.acquire();
    expect(sleeps).toEqual([5000]);
  });
});
