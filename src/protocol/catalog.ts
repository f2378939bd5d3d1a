/**
 * The configured catalog given to `read`: validated (enums, required fields), every
 * stream must exist in this source and support the requested sync mode.
 */
import { z } from 'zod';

import { describeIssues, plainError } from '../config.js';
import type { SelectedStream } from '../engine/events.js';
import type { StreamDefinition } from '../engine/stream.js';
import { configError } from '../errors.js';

const configuredCatalogSchema = z
  .object({
    streams: z.array(
      z
        .object({
          stream: z.object({ name: z.string().min(1) }).loose(),
          sync_mode: z.enum(['full_refresh', 'incremental']).default('full_refresh'),
          destination_sync_mode: z.enum(['append', 'overwrite', 'append_dedup', 'update', 'soft_delete']).optional(),
          cursor_field: z.array(z.string()).optional(),
          primary_key: z.array(z.array(z.string())).optional(),
        })
        .loose(),
    ),
  })
  .loose();

export function parseCatalog(raw: unknown, streams: readonly StreamDefinition[]): SelectedStream[] {
  const result = configuredCatalogSchema.safeParse(raw, { error: plainError });
  if (!result.success) throw configError(`Catalog validation error: ${describeIssues(result.error.issues, 'catalog')}`);
  const names = streams.map((stream) => stream.name);
  const seen = new Set<string>();
  const selected = result.data.streams.map((entry, index): SelectedStream => {
    const name = entry.stream.name;
    const definition = streams.find((stream) => stream.name === name);
    if (definition === undefined) {
      throw configError(`Catalog validation error: catalog.streams[${index}].stream.name: "${name}" is not a stream of this source (expected one of ${names.join(', ')}).`);
    }
    if (seen.has(name)) throw configError(`Catalog validation error: catalog.streams[${index}]: stream "${name}" is listed twice.`);
    seen.add(name);
    if (entry.sync_mode === 'incremental' && definition.kind !== 'report') {
      throw configError(`Catalog validation error: catalog.streams[${index}].sync_mode: stream "${name}" supports only full_refresh.`);
    }
    return { definition, syncMode: entry.sync_mode };
  });
  // Registry order: parents before children, whatever order the catalog lists them in.
  return selected.sort((a, b) => streams.indexOf(a.definition) - streams.indexOf(b.definition));
}
