/**
 * Engine events → Singer messages: SCHEMA when a stream starts (before its first RECORD),
 * RECORD with time_extracted and without deselected properties, and a cumulative STATE
 * after every cursor checkpoint and once at the end. Failures go to the log (stderr).
 */
import type { EngineEvent } from '../engine/events.js';
import { isIncremental } from '../engine/stream.js';
import type { Logger } from '../logger.js';
import type { LineSink } from '../output.js';
import type { JsonObject } from '../protocol/airbyte.js';
import { loadSchema } from '../schemas.js';
import { keyProperties, type SingerSelection } from '../singer/catalog.js';
import { withBookmark } from '../singer/state.js';
import type { ReadSummary } from './airbyte.js';

function without(object: JsonObject, names: ReadonlySet<string>): JsonObject {
  if (names.size === 0) return object;
  return Object.fromEntries(Object.entries(object).filter(([key]) => !names.has(key)));
}

function schemaMessage(selection: SingerSelection): JsonObject {
  const { definition, deselected } = selection;
  const schema = loadSchema(definition.name);
  const properties = without((schema['properties'] ?? {}) as JsonObject, deselected);
  return {
    type: 'SCHEMA',
    stream: definition.name,
    schema: { ...schema, properties },
    key_properties: keyProperties(definition),
    ...(isIncremental(definition) ? { bookmark_properties: [definition.cursorField] } : {}),
  };
}

export interface SingerWriteOptions {
  selections: readonly SingerSelection[];
  /** The input state, the start of the cumulative state. */
  state: JsonObject;
  now: () => number;
  logger: Logger;
}

export async function writeSinger(events: AsyncIterable<EngineEvent>, sink: LineSink, options: SingerWriteOptions): Promise<ReadSummary> {
  const summary: ReadSummary = { failed: [], records: new Map() };
  const byName = new Map(options.selections.map((selection) => [selection.definition.name, selection]));
  let state = options.state;
  for await (const event of events) {
    const selection = byName.get(event.stream);
    if (selection === undefined) continue;
    switch (event.type) {
      case 'started':
        summary.records.set(event.stream, 0);
        await sink.write(schemaMessage(selection));
        break;
      case 'records': {
        summary.records.set(event.stream, (summary.records.get(event.stream) ?? 0) + event.records.length);
        const extracted = new Date(options.now()).toISOString();
        await sink.writeAll(event.records.map((data) => ({ type: 'RECORD', stream: event.stream, record: without(data, selection.deselected), time_extracted: extracted })));
        break;
      }
      case 'checkpoint':
        // Only cursors are bookmarks: FULL_TABLE streams keep whatever bookmark they had.
        if (selection.syncMode === 'incremental' && event.state['starting_at'] !== undefined) {
          state = withBookmark(state, event.stream, event.state);
          await sink.write({ type: 'STATE', value: state });
        }
        break;
      case 'complete':
        break;
      case 'failed':
        summary.failed.push({ stream: event.stream, error: event.error });
        options.logger.error({ stream: event.stream, failure_type: event.error.failureType }, event.error.message);
        break;
    }
  }
  await sink.write({ type: 'STATE', value: state });
  return summary;
}
