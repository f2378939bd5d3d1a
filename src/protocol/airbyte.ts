/**
 * Airbyte protocol message shapes (../shared/reference/airbyte_protocol.yaml) and their
 * constructors. Optional fields are omitted, never written as null.
 */
import type { FailureType } from '../errors.js';

export type JsonObject = Record<string, unknown>;

/** A JSON object (not null, not an array). */
export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
export type SyncMode = 'full_refresh' | 'incremental';
export type StreamStatus = 'STARTED' | 'RUNNING' | 'COMPLETE' | 'INCOMPLETE';
export type LogLevel = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';

export interface StreamDescriptor {
  name: string;
}

export interface AirbyteStream {
  name: string;
  json_schema: JsonObject;
  supported_sync_modes: SyncMode[];
  source_defined_cursor?: boolean;
  default_cursor_field?: string[];
  source_defined_primary_key?: string[][];
  is_resumable?: boolean;
}

export interface StreamStateMessage {
  type: 'STREAM';
  stream: { stream_descriptor: StreamDescriptor; stream_state: JsonObject };
  sourceStats: { recordCount: number };
}

export type AirbyteMessage =
  | { type: 'RECORD'; record: { stream: string; data: JsonObject; emitted_at: number } }
  | { type: 'STATE'; state: StreamStateMessage }
  | { type: 'LOG'; log: { level: LogLevel; message: string } }
  | { type: 'SPEC'; spec: JsonObject }
  | { type: 'CONNECTION_STATUS'; connectionStatus: { status: 'SUCCEEDED' | 'FAILED'; message?: string } }
  | { type: 'CATALOG'; catalog: { streams: AirbyteStream[] } }
  | { type: 'TRACE'; trace: TraceBody };

export type TraceBody =
  | {
      type: 'STREAM_STATUS';
      emitted_at: number;
      stream_status: { stream_descriptor: StreamDescriptor; status: StreamStatus };
    }
  | {
      type: 'ERROR';
      emitted_at: number;
      error: {
        message: string;
        failure_type: FailureType;
        internal_message?: string;
        stack_trace?: string;
        stream_descriptor?: StreamDescriptor;
      };
    };

export const recordMessage = (stream: string, data: JsonObject, emittedAt: number): AirbyteMessage => ({
  type: 'RECORD',
  record: { stream, data, emitted_at: emittedAt },
});

export const stateMessage = (stream: string, streamState: JsonObject, recordCount: number): AirbyteMessage => ({
  type: 'STATE',
  state: {
    type: 'STREAM',
    stream: { stream_descriptor: { name: stream }, stream_state: streamState },
    sourceStats: { recordCount },
  },
});

export const logMessage = (level: LogLevel, message: string): AirbyteMessage => ({ type: 'LOG', log: { level, message } });

export const connectionStatus = (ok: boolean, message?: string): AirbyteMessage => ({
  type: 'CONNECTION_STATUS',
  connectionStatus: message === undefined ? { status: ok ? 'SUCCEEDED' : 'FAILED' } : { status: ok ? 'SUCCEEDED' : 'FAILED', message },
});

export const streamStatus = (stream: string, status: StreamStatus, emittedAt: number): AirbyteMessage => ({
  type: 'TRACE',
  trace: { type: 'STREAM_STATUS', emitted_at: emittedAt, stream_status: { stream_descriptor: { name: stream }, status } },
});

export interface TraceErrorInput {
  message: string;
  failureType: FailureType;
  internalMessage?: string | undefined;
  stream?: string | undefined;
}

export function traceError(input: TraceErrorInput, emittedAt: number): AirbyteMessage {
  const error: Extract<TraceBody, { type: 'ERROR' }>['error'] = { message: input.message, failure_type: input.failureType };
  if (input.internalMessage !== undefined) error.internal_message = input.internalMessage;
  if (input.stream !== undefined) error.stream_descriptor = { name: input.stream };
  return { type: 'TRACE', trace: { type: 'ERROR', emitted_at: emittedAt, error } };
}
