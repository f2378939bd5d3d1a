/**
 * The SPEC, as `npm run build` writes it next to the bundle (dist/bundle/spec.json), so
 * `spec` answers without loading zod. Elsewhere (tests on the sources) it is generated.
 */
import { readFile } from 'node:fs/promises';

import type { JsonObject } from './protocol/airbyte.js';

export const SPEC_FILE = new URL('./spec.json', import.meta.url);

export async function loadSpec(): Promise<JsonObject> {
  try {
    return JSON.parse(await readFile(SPEC_FILE, 'utf8')) as JsonObject;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    return (await import('./spec.js')).spec();
  }
}
