/**
 * Stream declarations: plain data read by the engine (read.ts). A list stream pages an
 * id-cursor endpoint, optionally once per record of a parent stream; a report stream
 * reads half-open UTC date windows of a time-bucket report and checkpoints after each.
 */
import type { Config } from '../config.js';
import type { Query } from '../http/client.js';
import type { JsonObject } from '../protocol/airbyte.js';

export interface Bucket {
  starting_at: string;
  ending_at: string;
  results: JsonObject[];
}

export type BucketWidth = '1d' | '1h' | '1m';

interface StreamBase {
  name: string;
  primaryKey: string[][];
}

export interface ListStream extends StreamBase {
  kind: 'list';
  /** May contain `{name}` placeholders, filled from the parent partition. */
  path: string;
  query?: (config: Config) => Query;
  parent?: {
    stream: ListStream;
    partition: (record: JsonObject) => Record<string, string>;
    /** Statuses that skip one partition instead of failing the stream (e.g. a workspace removed mid-sync). */
    skipOnStatus: readonly number[];
  };
}

export interface ReportStream extends StreamBase {
  kind: 'report';
  path: string;
  cursorField: 'starting_at';
  bucketWidth: (config: Config) => BucketWidth;
  /** Query parameters other than the window, limit and page. */
  query: (config: Config) => Query;
  /** The cost report has only completed UTC days and rejects windows that hold none (admin-api.md §18.1). */
  completedDaysOnly: boolean;
  toRecords: (bucket: Bucket) => JsonObject[];
}

export type StreamDefinition = ListStream | ReportStream;

export const isIncremental = (stream: StreamDefinition): stream is ReportStream => stream.kind === 'report';

/** Maximum buckets per page of the reports, by width (admin-api.md §10.1, §11.1). */
export const MAX_BUCKETS: Record<BucketWidth, number> = { '1d': 31, '1h': 168, '1m': 1440 };
export const BUCKET_MS: Record<BucketWidth, number> = { '1d': 86_400_000, '1h': 3_600_000, '1m': 60_000 };
