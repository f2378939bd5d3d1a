/**
 * Half-open UTC windows [start, end) for the reports. `ending_at` is exclusive, so
 * consecutive windows neither overlap nor leave gaps, and no "23:59:59" end ever drops a
 * bucket (admin-api.md §18.1).
 */
import { DAY_MS, startOfUtcDay } from './time.js';

export interface Window {
  start: number;
  end: number;
}

export interface RangeInput {
  /** The configured start_date, as an instant. */
  startDate: number;
  /** The saved cursor (start of the first day not yet fully synced), if any. */
  cursor: number | undefined;
  lookbackDays: number;
  /** When the sync started. */
  now: number;
  /** Bucket width in ms; the open end of the range is rounded up to it. */
  bucketMs: number;
  completedDaysOnly: boolean;
}

/**
 * The range to read: from max(start_date, cursor − lookback) (on a UTC day boundary) to
 * the end of the current bucket, or, for completed-days-only reports, to today 00:00 UTC.
 * Empty (start ≥ end) when there is nothing to ask for, e.g. a cursor in the future.
 */
export function readRange(input: RangeInput): Window {
  const fromCursor = input.cursor === undefined ? -Infinity : input.cursor - input.lookbackDays * DAY_MS;
  const start = startOfUtcDay(Math.max(input.startDate, fromCursor));
  const today = startOfUtcDay(input.now);
  const end = input.completedDaysOnly ? today : Math.min(today + DAY_MS, Math.ceil((input.now + 1) / input.bucketMs) * input.bucketMs);
  return { start, end };
}

/**
 * Splits a range into windows of at most `maxDays` days, so that each window fits in one
 * page of buckets. The window that holds the current, partial day never starts exactly at
 * today 00:00 when an earlier window exists: its checkpoint ("today") must differ from the
 * one before it, because the protocol forbids two equal states with records in between.
 */
export function splitWindows(range: Window, maxDays: number, now: number): Window[] {
  const windows: Window[] = [];
  for (let start = range.start; start < range.end; start += maxDays * DAY_MS) {
    windows.push({ start, end: Math.min(start + maxDays * DAY_MS, range.end) });
  }
  const today = startOfUtcDay(now);
  const last = windows.at(-1);
  const previous = windows.at(-2);
  if (last && previous && last.start === today) {
    if (previous.end - previous.start > DAY_MS) {
      previous.end -= DAY_MS;
      last.start -= DAY_MS;
    } else {
      windows.pop();
      previous.end = last.end;
    }
  }
  return windows;
}

/**
 * The cursor to save after a window: its end, but never past today 00:00 (today is
 * partial and is read again next time) and never behind the cursor we started from.
 */
export function checkpointAfter(window: Window, now: number, inputCursor: number | undefined): number {
  const value = Math.min(window.end, startOfUtcDay(now));
  return inputCursor === undefined ? value : Math.max(inputCursor, value);
}
