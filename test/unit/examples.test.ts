/** The examples users copy must keep working: they parse with the connector's own rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { parseConfig } from '../../src/config.js';
import { parseCatalog } from '../../src/protocol/catalog.js';
import { connectionSpecification } from '../../src/spec.js';
import { STREAM_NAMES, STREAMS } from '../../src/streams/registry.js';
import { PACKAGE_ROOT } from '../../src/version.js';

const read = (path: string): string => readFileSync(join(PACKAGE_ROOT, path), 'utf8');

describe('examples', () => {
  it('examples/airbyte: the config template and the configured catalog are valid and select every stream', () => {
    expect(() => parseConfig(JSON.parse(read('examples/airbyte/config.json')))).not.toThrow();
    const selected = parseCatalog(JSON.parse(read('examples/airbyte/configured_catalog.json')), STREAMS);
    expect(selected.map((s) => `${s.definition.name}:${s.syncMode}`)).toEqual(STREAM_NAMES.map((name) => `${name}:${name === 'usage' || name === 'cost' ? 'incremental' : 'full_refresh'}`));
  });

  it('examples/meltano.yml: both extractors name only real settings and streams', () => {
    const project = parse(read('examples/meltano.yml')) as { plugins: { extractors: { name: string; settings: { name: string }[]; select: string[] }[] } };
    const properties = Object.keys(connectionSpecification()['properties'] as object);
    const [native, wrapped] = project.plugins.extractors;
    expect(native!.settings.map((s) => s.name).sort()).toEqual([...properties].sort());
    for (const setting of wrapped!.settings.filter((s) => s.name.startsWith('airbyte_config.'))) expect(properties).toContain(setting.name.slice('airbyte_config.'.length));
    for (const plugin of [native!, wrapped!]) expect(plugin.select.map((rule) => rule.split('.')[0])).toEqual(STREAM_NAMES);
  });
});
