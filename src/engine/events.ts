/**
 * What the engine tells its adapters (Airbyte, Singer): protocol-neutral events. Records
 * come in batches (a page, or a report bucket): one event per record cost more than the
 * rest of the read. A checkpoint covers every record of its stream yielded before it.
 */
import type { Config } from '../config.js';
import type { ConnectorError } from '../errors.js';
import type { ApiClient } from '../http/client.js';
import type { Clock } from '../http/pacing.js';
import type { Logger } from '../logger.js';
import type { JsonObject, SyncMode } from '../protocol/airbyte.js';
import type { StreamDefinition } from './stream.js';

export type EngineEvent =
  | { type: 'started'; stream: string }
  | { type: 'records'; stream: string; records: JsonObject[] }
  | { type: 'checkpoint'; stream: string; state: JsonObject }
  | { type: 'complete'; stream: string }
  | { type: 'failed'; stream: string; error: ConnectorError };

export interface SelectedStream {
  definition: StreamDefinition;
  syncMode: SyncMode;
}

export interface ReadContext {
  config: Config;
  client: ApiClient;
  logger: Logger;
  clock: Clock;
  /** When the sync started: fixes "today" for the whole sync. */
  now: number;
  /** Workspaces whose members are fetched at the same time. */
  partitionConcurrency: number;
}
