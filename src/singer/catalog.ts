/**
 * The Singer catalog: written by `--discover` with metadata for every stream and every
 * top-level property (so Meltano users can deselect fields), and read back for a sync,
 * where selection and replication method follow the Singer SDK's rules
 * (../shared/reference/singer-meltano.md §2.3, §2.4, §4.3).
 */
import type { SelectedStream } from '../engine/events.js';
import { isIncremental, type StreamDefinition } from '../engine/stream.js';
import { configError } from '../errors.js';
import { isObject, type JsonObject, type SyncMode } from '../protocol/airbyte.js';
import { loadSchema } from '../schemas.js';

type ReplicationMethod = 'FULL_TABLE' | 'INCREMENTAL';

interface MetadataEntry {
  breadcrumb: string[];
  metadata: JsonObject;
}

export interface SingerCatalogEntry {
  tap_stream_id: string;
  stream: string;
  schema: JsonObject;
  key_properties: string[];
  replication_method: ReplicationMethod;
  replication_key?: string;
  metadata: MetadataEntry[];
}

/** Top-level key properties: Singer keys are property names, not paths. */
export const keyProperties = (stream: StreamDefinition): string[] => stream.primaryKey.map((path) => path[0] ?? '');

/** Properties that are always sent: the keys and the replication key. */
const automaticProperties = (stream: StreamDefinition): string[] => [...keyProperties(stream), ...(isIncremental(stream) ? [stream.cursorField] : [])];

const propertiesOf = (schema: JsonObject): string[] => Object.keys((schema['properties'] ?? {}));

export function singerCatalog(streams: readonly StreamDefinition[]): { streams: SingerCatalogEntry[] } {
  return {
    streams: streams.map((stream) => {
      const schema = loadSchema(stream.name);
      const keys = keyProperties(stream);
      const automatic = automaticProperties(stream);
      const root: JsonObject = { inclusion: 'available', 'selected-by-default': true, 'table-key-properties': keys };
      if (isIncremental(stream)) {
        root['valid-replication-keys'] = [stream.cursorField];
        root['replication-key'] = stream.cursorField;
        root['replication-method'] = 'INCREMENTAL';
      } else {
        root['forced-replication-method'] = 'FULL_TABLE';
      }
      return {
        tap_stream_id: stream.name,
        stream: stream.name,
        schema,
        key_properties: keys,
        replication_method: isIncremental(stream) ? 'INCREMENTAL' : 'FULL_TABLE',
        ...(isIncremental(stream) ? { replication_key: stream.cursorField } : {}),
        metadata: [
          { breadcrumb: [], metadata: root },
          ...propertiesOf(schema).map((name) => ({ breadcrumb: ['properties', name], metadata: { inclusion: automatic.includes(name) ? 'automatic' : 'available' } })),
        ],
      };
    }),
  };
}

/** A selected stream plus the top-level properties the user deselected. */
export interface SingerSelection extends SelectedStream {
  deselected: ReadonlySet<string>;
}

/** `selected` may be a boolean or the string "true"/"false" (SYNC_MODE.md's example). */
function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

function isSelected(metadata: JsonObject | undefined, parentSelected: boolean): boolean {
  if (metadata === undefined) return parentSelected;
  if (metadata['inclusion'] === 'unsupported') return false;
  if (metadata['inclusion'] === 'automatic') return true;
  return flag(metadata['selected']) ?? flag(metadata['selected-by-default']) ?? parentSelected;
}

function replicationMethod(entry: JsonObject, root: JsonObject | undefined, stream: StreamDefinition, where: string): SyncMode {
  const method = entry['replication_method'] ?? root?.['replication-method'] ?? root?.['forced-replication-method'] ?? (isIncremental(stream) ? 'INCREMENTAL' : 'FULL_TABLE');
  if (method === 'FULL_TABLE') return 'full_refresh';
  if (method === 'INCREMENTAL' && isIncremental(stream)) {
    const key = entry['replication_key'] ?? root?.['replication-key'];
    if (key !== undefined && key !== stream.cursorField) throw configError(`Catalog validation error: ${where}.replication_key: "${stream.name}" can only be replicated by ${stream.cursorField}.`);
    return 'incremental';
  }
  if (method === 'INCREMENTAL') throw configError(`Catalog validation error: ${where}.replication_method: "${stream.name}" supports only FULL_TABLE.`);
  throw configError(`Catalog validation error: ${where}.replication_method: expected FULL_TABLE or INCREMENTAL, got ${JSON.stringify(method)}.`);
}

/** The streams a Singer catalog selects, in registry order; without a catalog, every stream. */
export function parseSingerCatalog(raw: unknown, streams: readonly StreamDefinition[]): SingerSelection[] {
  if (raw === undefined) return streams.map((definition) => ({ definition, syncMode: isIncremental(definition) ? 'incremental' : 'full_refresh', deselected: new Set() }));
  if (!isObject(raw) || !Array.isArray(raw['streams'])) throw configError('Catalog validation error: the catalog must be a JSON object with a "streams" array.');
  const selections: SingerSelection[] = [];
  raw['streams'].forEach((entry: unknown, index) => {
    const where = `catalog.streams[${index}]`;
    if (!isObject(entry)) throw configError(`Catalog validation error: ${where} must be an object.`);
    const id = entry['tap_stream_id'] ?? entry['stream'];
    if (typeof id !== 'string' || id === '') throw configError(`Catalog validation error: ${where}.tap_stream_id must be a stream name.`);
    const metadata = Array.isArray(entry['metadata']) ? entry['metadata'].filter(isObject) : [];
    const at = (breadcrumb: string[]): JsonObject | undefined => {
      const found = metadata.find((item) => JSON.stringify(item['breadcrumb']) === JSON.stringify(breadcrumb));
      return found !== undefined && isObject(found['metadata']) ? found['metadata'] : undefined;
    };
    const root = at([]);
    if (!isSelected(root, true)) return;
    const definition = streams.find((stream) => stream.name === id);
    if (definition === undefined) {
      throw configError(`Catalog validation error: ${where}.tap_stream_id: "${id}" is not a stream of this tap (expected one of ${streams.map((s) => s.name).join(', ')}).`);
    }
    if (selections.some((s) => s.definition === definition)) throw configError(`Catalog validation error: ${where}: stream "${id}" is listed twice.`);
    const schema = isObject(entry['schema']) ? entry['schema'] : loadSchema(definition.name);
    const automatic = automaticProperties(definition);
    const deselected = new Set(propertiesOf(schema).filter((name) => !automatic.includes(name) && !isSelected(at(['properties', name]), true)));
    selections.push({ definition, syncMode: replicationMethod(entry, root, definition, where), deselected });
  });
  return selections.sort((a, b) => streams.indexOf(a.definition) - streams.indexOf(b.definition));
}
