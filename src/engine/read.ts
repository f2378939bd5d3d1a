/**
 * The read loop: selected streams one after another (parents first), each bracketed by
 * started/complete or failed events. A failing stream never stops the others.
 */
import { asConnectorError, configError, type ConnectorError } from '../errors.js';
import { ApiError } from '../http/client.js';
import type { JsonObject } from '../protocol/airbyte.js';
import { mapOrdered } from './concurrency.js';
import type { EngineEvent, ReadContext, SelectedStream } from './events.js';
import { listPage, paginate } from './paginate.js';
import { readReport } from './report.js';
import { NO_CURSOR_STATE, type StreamStates } from './state.js';
import type { ListStream, StreamDefinition } from './stream.js';

const MAX_LIST_PAGES = 100_000;

type Partition = Record<string, string>;

export async function* readStreams(selected: readonly SelectedStream[], states: StreamStates, ctx: ReadContext): AsyncGenerator<EngineEvent> {
  // Partitions of parents read in this sync, so children do not list them again.
  const partitions = new Map<string, Partition[]>();
  const children = (definition: StreamDefinition): ListStream[] =>
    selected.flatMap(({ definition: child }) => (child.kind === 'list' && child.parent?.stream === definition ? [child] : []));

  // A rejected key (401) fails every stream the same way: the rest are not requested.
  let rejected: ConnectorError | undefined;
  for (const { definition, syncMode } of selected) {
    const name = definition.name;
    yield { type: 'started', stream: name };
    if (rejected !== undefined) {
      yield { type: 'failed', stream: name, error: rejected };
      continue;
    }
    try {
      if (definition.kind === 'report') {
        yield* readReport(definition, syncMode, states.get(name), ctx);
      } else {
        const collect = children(definition)[0]?.parent?.partition;
        const collected: Partition[] = [];
        for await (const records of readList(definition, ctx, partitions)) {
          if (collect) for (const record of records) collected.push(collect(record));
          if (records.length > 0) yield { type: 'records', stream: name, records };
        }
        if (collect) partitions.set(name, collected);
        yield { type: 'checkpoint', stream: name, state: NO_CURSOR_STATE };
      }
      ctx.logger.info({ stream: name }, 'Stream complete');
      yield { type: 'complete', stream: name };
    } catch (error) {
      const failure = streamFailure(name, error);
      if (error instanceof ApiError && error.status === 401) rejected = failure;
      yield { type: 'failed', stream: name, error: failure };
    }
  }
}

/**
 * A 404 on a stream's own endpoint means this deployment does not offer it (on Claude
 * Platform on AWS only workspaces exist): the user must deselect it, not retry later.
 * A 403 on one stream is likewise this key's or deployment's limit when others read fine.
 */
function streamFailure(stream: string, error: unknown): ConnectorError {
  if (error instanceof ApiError && error.status === 404) {
    return configError(
      `The stream "${stream}" is not available with this key or deployment (${error.message}). Deselect it in the connection's streams; on Claude Platform on AWS only "workspaces" exists.`,
    );
  }
  if (error instanceof ApiError && error.status === 403) {
    return configError(`${error.message} If other streams read fine, "${stream}" is not available to this key or deployment: deselect it.`);
  }
  return asConnectorError(error);
}

function fillPath(path: string, partition: Partition): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(partition[key] ?? ''));
}

async function* listPages(stream: ListStream, path: string, ctx: ReadContext): AsyncGenerator<JsonObject[]> {
  const query = { ...stream.query?.(ctx.config), limit: ctx.config.page_size };
  yield* paginate((afterId) => ctx.client.get(path, { ...query, after_id: afterId }).then((body) => listPage(body, path)), path, MAX_LIST_PAGES);
}

/** The stream's records, a page (or a parent partition) at a time. */
async function* readList(stream: ListStream, ctx: ReadContext, partitions: Map<string, Partition[]>): AsyncGenerator<JsonObject[]> {
  const parent = stream.parent;
  if (parent === undefined) {
    yield* listPages(stream, stream.path, ctx);
    return;
  }
  let parts = partitions.get(parent.stream.name);
  if (parts === undefined) {
    parts = [];
    for await (const records of readList(parent.stream, ctx, partitions)) for (const record of records) parts.push(parent.partition(record));
  }
  let skipped: ApiError | undefined;
  let skips = 0;
  const readPartition = async (partition: Partition): Promise<JsonObject[]> => {
    const records: JsonObject[] = [];
    try {
      for await (const page of listPages(stream, fillPath(stream.path, partition), ctx)) {
        for (const record of page) records.push({ ...partition, ...record });
      }
    } catch (error) {
      if (!(error instanceof ApiError && error.status !== undefined && parent.skipOnStatus.includes(error.status))) throw error;
      skipped = error;
      skips++;
      ctx.logger.warn({ stream: stream.name, ...partition, status: error.status }, 'Skipping a partition that no longer exists');
    }
    return records;
  };
  yield* mapOrdered(parts, ctx.partitionConcurrency, readPartition);
  // One workspace removed mid-sync is skipped; every one of them "missing" means the
  // endpoint itself is not offered here, which must not pass as an empty success.
  if (skipped !== undefined && skips === parts.length) throw skipped;
}
