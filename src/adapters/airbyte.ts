/**
 * Engine events → Airbyte messages: stream statuses, RUNNING at the first record,
 * sourceStats.recordCount = the stream's records since its previous STATE, an error trace
 * plus INCOMPLETE for a failed stream, and a closing summary when any stream failed.
 */
import type { EngineEvent } from '../engine/events.js';
import type { ConnectorError, FailureType } from '../errors.js';
import type { LineSink } from '../output.js';
import { recordMessage, stateMessage, streamStatus, traceError } from '../protocol/airbyte.js';

export interface ReadSummary {
  failed: { stream: string; error: ConnectorError }[];
  records: Map<string, number>;
}

export async function writeAirbyte(events: AsyncIterable<EngineEvent>, sink: LineSink, now: () => number): Promise<ReadSummary> {
  const summary: ReadSummary = { failed: [], records: new Map() };
  const sinceState = new Map<string, number>();
  for await (const event of events) {
    const { stream } = event;
    switch (event.type) {
      case 'started':
        sinceState.set(stream, 0);
        summary.records.set(stream, 0);
        await sink.write(streamStatus(stream, 'STARTED', now()));
        break;
      case 'records': {
        const total = summary.records.get(stream) ?? 0;
        if (total === 0) await sink.write(streamStatus(stream, 'RUNNING', now()));
        summary.records.set(stream, total + event.records.length);
        sinceState.set(stream, (sinceState.get(stream) ?? 0) + event.records.length);
        const emittedAt = now();
        await sink.writeAll(event.records.map((data) => recordMessage(stream, data, emittedAt)));
        break;
      }
      case 'checkpoint':
        await sink.write(stateMessage(stream, event.state, sinceState.get(stream) ?? 0));
        sinceState.set(stream, 0);
        break;
      case 'complete':
        await sink.write(streamStatus(stream, 'COMPLETE', now()));
        break;
      case 'failed':
        summary.failed.push({ stream, error: event.error });
        await sink.write(traceError({ message: event.error.message, failureType: event.error.failureType, internalMessage: event.error.internalMessage, stream }, now()));
        await sink.write(streamStatus(stream, 'INCOMPLETE', now()));
        break;
    }
  }
  if (summary.failed.length > 0) {
    const list = summary.failed.map(({ stream, error }) => `${stream}: ${error.message}`).join(' | ');
    await sink.write(traceError({ message: `During the sync, the following streams did not sync successfully: ${list}`, failureType: overallFailureType(summary.failed.map((f) => f.error.failureType)) }, now()));
  }
  return summary;
}

/** config_error only if every failure was one; transient if any was; system otherwise. */
function overallFailureType(types: FailureType[]): FailureType {
  if (types.every((type) => type === 'config_error')) return 'config_error';
  return types.includes('transient_error') ? 'transient_error' : 'system_error';
}
