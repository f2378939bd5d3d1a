/**
 * Page-by-page reading with contract guards: `has_more` without a cursor, a cursor the
 * API already gave us, or more pages than any real answer needs all end the stream with
 * a clear error instead of looping forever (admin-api.md §3.4 guidance).
 */
import { ConnectorError } from '../errors.js';
import { isObject, type JsonObject } from '../protocol/airbyte.js';
import type { Bucket } from './stream.js';

export interface Page<T> {
  items: T[];
  /** Cursor for the next page; undefined when this is the last page. */
  next: string | undefined;
}

const contractError = (what: string, detail: string): ConnectorError =>
  new ConnectorError('system_error', `The Admin API broke its pagination contract on ${what}: ${detail}. Try again later; if it persists, report it.`);

/** `{data, has_more, last_id}` of the id-cursor lists (admin-api.md §3.1). */
export function listPage(body: unknown, what: string): Page<JsonObject> {
  if (!isObject(body) || !Array.isArray(body['data'])) throw contractError(what, 'the response has no data array');
  const items = body['data'].filter(isObject);
  if (body['has_more'] !== true) return { items, next: undefined };
  const lastId = body['last_id'];
  if (typeof lastId !== 'string' || lastId === '') throw contractError(what, 'has_more is true but last_id is missing');
  return { items, next: lastId };
}

function isBucket(value: unknown): value is Bucket {
  return isObject(value) && typeof value['starting_at'] === 'string' && typeof value['ending_at'] === 'string' && Array.isArray(value['results']);
}

/** `{data: [bucket], has_more, next_page}` of the time-bucket reports (admin-api.md §3.2). */
export function reportPage(body: unknown, what: string): Page<Bucket> {
  if (!isObject(body) || !Array.isArray(body['data'])) throw contractError(what, 'the response has no data array');
  const items: Bucket[] = [];
  for (const bucket of body['data']) {
    if (!isBucket(bucket)) throw contractError(what, 'a bucket lacks starting_at, ending_at or results');
    items.push({ ...bucket, results: bucket.results.filter(isObject) });
  }
  if (body['has_more'] !== true) return { items, next: undefined };
  const next = body['next_page'];
  if (typeof next !== 'string' || next === '') throw contractError(what, 'has_more is true but next_page is missing');
  return { items, next };
}

/**
 * Yields each page's items. `fetchPage(undefined)` asks for the first page; each later
 * call gets the cursor the previous page returned.
 */
export async function* paginate<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, what: string, maxPages: number): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(cursor);
    yield page.items;
    if (page.next === undefined) return;
    if (seen.has(page.next)) throw contractError(what, `the cursor ${JSON.stringify(page.next)} was returned twice`);
    if (pages >= maxPages) throw contractError(what, `more than ${maxPages} pages`);
    seen.add(page.next);
    cursor = page.next;
  }
}
