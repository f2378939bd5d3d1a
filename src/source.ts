/**
 * The four Airbyte commands, over injected dependencies. Inputs arrive as parsed JSON;
 * the CLI reads the files. Errors leave as ConnectorError for the CLI to frame.
 */
import { writeAirbyte, type ReadSummary } from './adapters/airbyte.js';
import { checkConnection } from './check.js';
import { type Config, parseConfig } from './config.js';
import { createClient, registerSecrets, type SourceDeps } from './deps.js';
import type { EngineEvent, SelectedStream } from './engine/events.js';
import { readStreams } from './engine/read.js';
import { parseInputState, reportCursor, type StreamStates } from './engine/state.js';
import { isIncremental } from './engine/stream.js';
import { ConnectorError } from './errors.js';
import { parseCatalog } from './protocol/catalog.js';
import { type AirbyteStream, connectionStatus } from './protocol/airbyte.js';
import { loadSchema, recordValidator } from './schemas.js';
import { STREAM_NAMES, STREAMS } from './streams/registry.js';

/** Bad config or rejected credentials: CONNECTION_STATUS FAILED. Anything else throws. */
export async function runCheck(rawConfig: unknown, deps: SourceDeps): Promise<void> {
  registerSecrets(rawConfig, deps.scrubber);
  let config;
  try {
    config = parseConfig(rawConfig);
  } catch (error) {
    if (error instanceof ConnectorError && error.failureType === 'config_error') {
      await deps.sink.write(connectionStatus(false, error.message));
      return;
    }
    throw error;
  }
  const result = await checkConnection(config, createClient(config, deps, 2), deps.clock.now());
  if (result.message !== undefined) deps.logger[result.ok ? 'warn' : 'error'](result.message);
  await deps.sink.write(connectionStatus(result.ok, result.message));
}

export function catalogStreams(): AirbyteStream[] {
  return STREAMS.map((stream) => ({
    name: stream.name,
    json_schema: loadSchema(stream.name),
    supported_sync_modes: isIncremental(stream) ? ['full_refresh', 'incremental'] : ['full_refresh'],
    source_defined_primary_key: stream.primaryKey,
    ...(isIncremental(stream) ? { source_defined_cursor: true, default_cursor_field: [stream.cursorField], is_resumable: true } : {}),
  }));
}

export async function runDiscover(rawConfig: unknown, deps: SourceDeps): Promise<void> {
  registerSecrets(rawConfig, deps.scrubber);
  parseConfig(rawConfig);
  await deps.sink.write({ type: 'CATALOG', catalog: { streams: catalogStreams() } });
}

export interface ReadInputs {
  config: unknown;
  catalog: unknown;
  /** The parsed --state file; undefined when there is none. */
  state: unknown;
}

/** Reads every selected stream; resolves with what failed, so the CLI can set the exit code. */
export async function runRead(inputs: ReadInputs, deps: SourceDeps): Promise<ReadSummary> {
  registerSecrets(inputs.config, deps.scrubber);
  const config = parseConfig(inputs.config);
  const selected = parseCatalog(inputs.catalog, STREAMS);
  const states = parseInputState(inputs.state, STREAM_NAMES);
  const read = startRead(config, selected, states, deps);
  const summary = await writeAirbyte(read.events, deps.sink, () => deps.clock.now());
  read.finished();
  return summary;
}

export interface ReadRun {
  /** Protocol-neutral events for an adapter (Airbyte or Singer) to write. */
  events: AsyncIterable<EngineEvent>;
  /** Logs the request count and duration once the events are consumed. */
  finished: () => void;
}

/** The engine behind both protocols: validated inputs in, schema-checked events out. */
export function startRead(config: Config, selected: readonly SelectedStream[], states: StreamStates, deps: SourceDeps): ReadRun {
  // Reject a malformed cursor before anything is read, not halfway through the sync.
  for (const { definition, syncMode } of selected) {
    if (isIncremental(definition) && syncMode === 'incremental') reportCursor(definition.name, states.get(definition.name));
  }
  const client = createClient(config, deps);
  const validate = recordValidator(selected.map((s) => s.definition.name));
  const started = deps.clock.now();
  const events = readStreams(selected, states, {
    config,
    client,
    logger: deps.logger,
    clock: deps.clock,
    now: started,
    partitionConcurrency: 4,
  });
  return {
    events: validating(events, validate, deps),
    finished: () => {
      deps.logger.info({ requests: client.requestCount, seconds: Math.round((deps.clock.now() - started) / 100) / 10 }, 'Read finished');
    },
  };
}

/** Schema drift is logged (once per stream and path), never a reason to drop a record. */
async function* validating(events: AsyncIterable<EngineEvent>, validate: ReturnType<typeof recordValidator>, deps: SourceDeps): AsyncGenerator<EngineEvent> {
  for await (const event of events) {
    if (event.type === 'records') {
      for (const record of event.records) {
        const problem = validate(event.stream, record);
        if (problem !== undefined) deps.logger.warn({ stream: event.stream }, `Record does not match the stream schema (kept as is): ${problem}`);
      }
    }
    yield event;
  }
}
