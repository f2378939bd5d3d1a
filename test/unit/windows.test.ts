import { describe, expect, it } from 'vitest';

import { DAY_MS, toIso } from '../../src/engine/time.js';
import { checkpointAfter, readRange, splitWindows } from '../../src/engine/windows.js';

const t = (iso: string): number => Date.parse(iso);
const now = t('2025-08-10T12:34:56Z');
const show = (windows: { start: number; end: number }[]): string[] => windows.map((w) => `${toIso(w.start)}..${toIso(w.end)}`);

describe('readRange', () => {
  const base = { startDate: t('2025-08-01T00:00:00Z'), cursor: undefined, lookbackDays: 3, now, bucketMs: DAY_MS, completedDaysOnly: false };

  it('starts at start_date without a cursor and ends after the current (partial) day', () => {
    const range = readRange(base);
    expect([toIso(range.start), toIso(range.end)]).toEqual(['2025-08-01T00:00:00Z', '2025-08-11T00:00:00Z']);
  });

  it('re-reads lookback days before the cursor, but never before start_date', () => {
    expect(toIso(readRange({ ...base, cursor: t('2025-08-09T00:00:00Z') }).start)).toBe('2025-08-06T00:00:00Z');
    expect(toIso(readRange({ ...base, cursor: t('2025-08-02T00:00:00Z') }).start)).toBe('2025-08-01T00:00:00Z');
    expect(toIso(readRange({ ...base, cursor: t('2025-08-09T00:00:00Z'), lookbackDays: 0 }).start)).toBe('2025-08-09T00:00:00Z');
  });

  it('ends at today 00:00 for completed-days-only reports (cost)', () => {
    expect(toIso(readRange({ ...base, completedDaysOnly: true }).end)).toBe('2025-08-10T00:00:00Z');
  });

  it('ends at the end of the current hour or minute for narrower buckets', () => {
    expect(toIso(readRange({ ...base, bucketMs: 3_600_000 }).end)).toBe('2025-08-10T13:00:00Z');
    expect(toIso(readRange({ ...base, bucketMs: 60_000 }).end)).toBe('2025-08-10T12:35:00Z');
  });

  it('is empty for a cursor in the future', () => {
    const range = readRange({ ...base, cursor: t('2999-01-01T00:00:00Z') });
    expect(range.start).toBeGreaterThanOrEqual(range.end);
    expect(splitWindows(range, 31, now)).toEqual([]);
  });

  it('truncates a start_date with a time of day to its UTC day', () => {
    expect(toIso(readRange({ ...base, startDate: t('2025-08-01T15:00:00+02:00') }).start)).toBe('2025-08-01T00:00:00Z');
  });
});

describe('splitWindows', () => {
  it('splits into half-open windows of at most maxDays, without gaps or overlaps', () => {
    const windows = splitWindows({ start: t('2025-06-01T00:00:00Z'), end: t('2025-08-11T00:00:00Z') }, 31, now);
    expect(show(windows)).toEqual(['2025-06-01T00:00:00Z..2025-07-02T00:00:00Z', '2025-07-02T00:00:00Z..2025-08-02T00:00:00Z', '2025-08-02T00:00:00Z..2025-08-11T00:00:00Z']);
  });

  it('never lets the partial-day window start exactly at today 00:00 after another window', () => {
    const windows = splitWindows({ start: t('2025-08-03T00:00:00Z'), end: t('2025-08-11T00:00:00Z') }, 7, now);
    expect(show(windows)).toEqual(['2025-08-03T00:00:00Z..2025-08-09T00:00:00Z', '2025-08-09T00:00:00Z..2025-08-11T00:00:00Z']);
  });

  it('merges a one-day window with the partial day instead of emptying it', () => {
    const windows = splitWindows({ start: t('2025-08-09T00:00:00Z'), end: t('2025-08-11T00:00:00Z') }, 1, now);
    expect(show(windows)).toEqual(['2025-08-09T00:00:00Z..2025-08-11T00:00:00Z']);
  });
});

describe('checkpointAfter', () => {
  it('is the window end, capped at the start of today, and never behind the input cursor', () => {
    expect(toIso(checkpointAfter({ start: 0, end: t('2025-08-05T00:00:00Z') }, now, undefined))).toBe('2025-08-05T00:00:00Z');
    expect(toIso(checkpointAfter({ start: 0, end: t('2025-08-11T00:00:00Z') }, now, undefined))).toBe('2025-08-10T00:00:00Z');
    expect(toIso(checkpointAfter({ start: 0, end: t('2025-08-05T00:00:00Z') }, now, t('2025-08-08T00:00:00Z')))).toBe('2025-08-08T00:00:00Z');
  });
});
