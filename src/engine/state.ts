/**
 * Input state: the JSON array of per-stream STATE messages (the current protocol), [] or
 * {} or an empty file for "no state", a GLOBAL state's stream_states, or the legacy object
 * keyed by stream name. Anything else is a config_error naming what is wrong.
 */
import { configError } from '../errors.js';
import { isObject, type JsonObject } from '../protocol/airbyte.js';
import { parseInstant, toIso } from './time.js';

export type StreamStates = Map<string, JsonObject>;

function fromStateMessage(element: unknown, index: number, states: StreamStates): void {
  const where = `state[${index}]`;
  if (!isObject(element)) throw configError(`State validation error: ${where} must be an object (an Airbyte STATE message).`);
  const stateType = element['type'] ?? (isObject(element['stream']) ? 'STREAM' : isObject(element['global']) ? 'GLOBAL' : undefined);
  if (stateType === 'STREAM') { addStreamState(element['stream'], `${where}.stream`, states); return; }
  if (stateType === 'GLOBAL') {
    const global = element['global'];
    const list = isObject(global) ? global['stream_states'] : undefined;
    if (!Array.isArray(list)) throw configError(`State validation error: ${where}.global.stream_states must be an array.`);
    list.forEach((item, i) => {
      addStreamState(item, `${where}.global.stream_states[${i}]`, states);
    });
    return;
  }
  throw configError(`State validation error: ${where}.type must be STREAM or GLOBAL (LEGACY state is not supported; start from an empty state).`);
}

function addStreamState(value: unknown, where: string, states: StreamStates): void {
  if (!isObject(value)) throw configError(`State validation error: ${where} must be an object.`);
  const descriptor = value['stream_descriptor'];
  const name = isObject(descriptor) ? descriptor['name'] : undefined;
  if (typeof name !== 'string' || name === '') throw configError(`State validation error: ${where}.stream_descriptor.name must be a stream name.`);
  const streamState = value['stream_state'];
  if (streamState === undefined || streamState === null) return;
  if (!isObject(streamState)) throw configError(`State validation error: ${where}.stream_state must be an object.`);
  states.set(name, streamState);
}

/** Parses the --state file's JSON; `knownStreams` identifies the legacy object form. */
export function parseInputState(raw: unknown, knownStreams: readonly string[]): StreamStates {
  const states: StreamStates = new Map();
  if (raw === undefined || raw === null) return states;
  if (Array.isArray(raw)) {
    raw.forEach((element, index) => {
      fromStateMessage(element, index, states);
    });
    return states;
  }
  if (!isObject(raw)) throw configError('State validation error: the state must be a JSON array of STATE messages.');
  for (const [key, value] of Object.entries(raw)) {
    if (!knownStreams.includes(key)) {
      throw configError(`State validation error: expected a JSON array of STATE messages; the object form is read as legacy per-stream state, and "${key}" is not a stream of this source.`);
    }
    if (!isObject(value)) throw configError(`State validation error: legacy state for "${key}" must be an object.`);
    states.set(key, value);
  }
  return states;
}

/** The `starting_at` cursor of a report stream's state; undefined when there is none. */
export function reportCursor(stream: string, state: JsonObject | undefined): number | undefined {
  if (state === undefined) return undefined;
  const value = state['starting_at'];
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? parseInstant(value) : undefined;
  if (ms === undefined) {
    throw configError(`State validation error: ${stream}.starting_at must be an RFC 3339 date-time such as 2025-01-01T00:00:00Z, got ${JSON.stringify(value)}.`);
  }
  return ms;
}

export const reportState = (cursor: number): JsonObject => ({ starting_at: toIso(cursor) });

/** Final state of a stream without a cursor (the Python CDK's convention). */
export const NO_CURSOR_STATE: JsonObject = { __ab_no_cursor_state_message: true };
