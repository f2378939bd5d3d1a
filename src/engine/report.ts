/**
 * Reads one report stream: date windows from the cursor (minus lookback) to the current
 * bucket, pages inside each window re-sending the exact same query plus `page`, and a
 * checkpoint after each window whose cursor moves forward.
 */
import { ApiError } from '../http/client.js';
import type { JsonObject, SyncMode } from '../protocol/airbyte.js';
import type { EngineEvent, ReadContext } from './events.js';
import { paginate, reportPage } from './paginate.js';
import { reportCursor, reportState } from './state.js';
import { BUCKET_MS, MAX_BUCKETS, type ReportStream } from './stream.js';
import { DAY_MS, parseInstant, startOfUtcDay, toIso } from './time.js';
import { checkpointAfter, readRange, splitWindows, type Window } from './windows.js';

/** Default history when start_date is not configured. */
export const DEFAULT_START_DAYS = 30;
const MAX_PAGES_PER_WINDOW = 1_000;

export function startDateOf(ctx: ReadContext): number {
  const configured = ctx.config.start_date === undefined ? undefined : parseInstant(ctx.config.start_date);
  return configured ?? startOfUtcDay(ctx.now) - DEFAULT_START_DAYS * DAY_MS;
}

/** The cost report's answer to a window without a completed day (admin-api.md §18.1). */
const isNoCompletedDay = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 400 && /invalid date range/i.test(error.apiMessage ?? '');

/** Some deployments cap the rows of one response; a smaller window then fits (admin-api.md §18.3). */
const isResultCap = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 400 && /result|too (many|large)|exceed/i.test(error.apiMessage ?? '') && !/group_by|date range/i.test(error.apiMessage ?? '');

export async function* readReport(stream: ReportStream, syncMode: SyncMode, input: JsonObject | undefined, ctx: ReadContext): AsyncGenerator<EngineEvent> {
  const width = stream.bucketWidth(ctx.config);
  const bucketMs = BUCKET_MS[width];
  const maxDays = Math.max(1, Math.floor((MAX_BUCKETS[width] * bucketMs) / DAY_MS));
  const cursor = syncMode === 'incremental' ? reportCursor(stream.name, input) : undefined;
  const range = readRange({
    startDate: startDateOf(ctx),
    cursor,
    lookbackDays: ctx.config.lookback_days,
    now: ctx.now,
    bucketMs,
    completedDaysOnly: stream.completedDaysOnly,
  });
  const windows = splitWindows(range, maxDays, ctx.now);
  ctx.logger.info({ stream: stream.name, from: toIso(range.start), to: toIso(Math.max(range.start, range.end)), windows: windows.length }, 'Reading report');
  let saved = cursor;
  let emitted = false;
  for (const window of windows) {
    try {
      yield* readWindow(stream, window, bucketMs, ctx);
    } catch (error) {
      if (!(stream.completedDaysOnly && isNoCompletedDay(error))) throw error;
      // The API's day has not ended yet (clocks differ): stop here without moving the cursor.
      ctx.logger.warn({ stream: stream.name, window: toIso(window.start) }, 'The API has no completed day in this window yet; it is read next time');
      break;
    }
    const value = checkpointAfter(window, ctx.now, cursor);
    if (saved === undefined || value > saved) {
      saved = value;
      emitted = true;
      yield { type: 'checkpoint', stream: stream.name, state: reportState(value) };
    }
  }
  // Always end with a state, even with no records (the input cursor, or {} without one).
  if (!emitted) yield { type: 'checkpoint', stream: stream.name, state: saved === undefined ? {} : reportState(saved) };
}

async function* readWindow(stream: ReportStream, window: Window, bucketMs: number, ctx: ReadContext): AsyncGenerator<EngineEvent> {
  const query = {
    ...stream.query(ctx.config),
    starting_at: toIso(window.start),
    ending_at: toIso(window.end),
    limit: Math.ceil((window.end - window.start) / bucketMs),
  };
  const what = `${stream.path} (${query.starting_at} to ${query.ending_at})`;
  let yielded = false;
  try {
    const pages = paginate((page) => ctx.client.get(stream.path, { ...query, page }).then((body) => reportPage(body, what)), what, MAX_PAGES_PER_WINDOW);
    for await (const buckets of pages) {
      for (const bucket of buckets) {
        const records = stream.toRecords(bucket);
        if (records.length === 0) continue;
        yielded = true;
        yield { type: 'records', stream: stream.name, records };
      }
    }
  } catch (error) {
    const days = (window.end - window.start) / DAY_MS;
    if (yielded || days <= 1 || !isResultCap(error)) throw error;
    const middle = window.start + Math.floor(days / 2) * DAY_MS;
    ctx.logger.warn({ stream: stream.name }, `Splitting a ${days}-day window after: ${(error as ApiError).message}`);
    yield* readWindow(stream, { start: window.start, end: middle }, bucketMs, ctx);
    yield* readWindow(stream, { start: middle, end: window.end }, bucketMs, ctx);
  }
}
