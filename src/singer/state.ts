/**
 * Singer state: `{"bookmarks": {"<stream>": <the same per-stream object as in Airbyte mode>}}`
 * (singer-meltano.md §4.5). Meltano keeps only the last STATE it sees, so every emitted
 * value is cumulative: the input state, with each stream's bookmark replaced as a whole.
 */
import type { StreamStates } from '../engine/state.js';
import { configError } from '../errors.js';
import { isObject, type JsonObject } from '../protocol/airbyte.js';

/**
 * The per-stream states of a `--state` file. The Singer SDK's own bookmark shape
 * (`replication_key_value`) is read too, so state from an SDK-style tap carries over.
 */
export function parseSingerState(raw: unknown): { states: StreamStates; value: JsonObject } {
  const states: StreamStates = new Map();
  if (raw === undefined || raw === null) return { states, value: { bookmarks: {} } };
  if (!isObject(raw)) throw configError('State validation error: the state must be a JSON object such as {"bookmarks": {"usage": {"starting_at": "2025-01-01T00:00:00Z"}}}.');
  const bookmarks = raw['bookmarks'] ?? {};
  if (!isObject(bookmarks)) throw configError('State validation error: state.bookmarks must be an object keyed by stream name.');
  for (const [stream, bookmark] of Object.entries(bookmarks)) {
    if (!isObject(bookmark)) throw configError(`State validation error: state.bookmarks.${stream} must be an object.`);
    const sdkValue = bookmark['replication_key'] === 'starting_at' ? bookmark['replication_key_value'] : undefined;
    states.set(stream, bookmark['starting_at'] === undefined && sdkValue !== undefined ? { starting_at: sdkValue } : bookmark);
  }
  return { states, value: structuredClone({ ...raw, bookmarks }) };
}

/** The cumulative state with one stream's bookmark replaced. */
export function withBookmark(value: JsonObject, stream: string, bookmark: JsonObject): JsonObject {
  const bookmarks = isObject(value['bookmarks']) ? value['bookmarks'] : {};
  return { ...value, bookmarks: { ...bookmarks, [stream]: bookmark } };
}
