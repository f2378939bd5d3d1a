import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { ajvWithFormats } from '../support/ajv.js';
import { PACKAGE_ROOT, VERSION } from '../../src/version.js';

const metadata = parse(readFileSync(join(PACKAGE_ROOT, 'metadata.yaml'), 'utf8')) as { data: Record<string, any> };
const dockerfile = readFileSync(join(PACKAGE_ROOT, 'Dockerfile'), 'utf8');
const BUNDLED_SCHEMA = join(PACKAGE_ROOT, '..', 'shared', 'reference', 'metadata-schema', 'ConnectorMetadataDefinitionV0.bundled.json');

const JSON_TYPES = new Set(['object', 'string', 'array', 'boolean', 'integer', 'number', 'null']);

/**
 * The bundled schema as Ajv can compile it. Its sub-schemas keep the `$id` of the YAML file
 * they came from while their `#/properties/data/…` refs point into the root document, and
 * one property names a model ("ConnectorMetric") as its type: drop the nested ids and the
 * non-JSON types, keep every other rule.
 */
function compilable(node: unknown, isRoot = true): unknown {
  if (Array.isArray(node)) return node.map((item) => compilable(item, false));
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$id' && !isRoot) continue;
    if (key === 'type' && typeof value === 'string' && !JSON_TYPES.has(value)) continue;
    out[key] = compilable(value, false);
  }
  return out;
}

describe('distribution metadata', () => {
  it('keeps package.json, metadata.yaml and the image labels on one version and name', () => {
    expect(metadata.data['dockerImageTag']).toBe(VERSION);
    expect(dockerfile).toContain(`LABEL io.airbyte.version=${VERSION}`);
    expect(dockerfile).toContain(`LABEL io.airbyte.name=${String(metadata.data['dockerRepository'])}`);
    const entrypoint = /ENTRYPOINT \[(.*)\]/.exec(dockerfile)![1]!.split(',').map((part) => JSON.parse(part.trim()) as string).join(' ');
    expect(dockerfile).toContain(`ENV AIRBYTE_ENTRYPOINT="${entrypoint}"`);
    expect(entrypoint).toMatch(/^node \/airbyte\//);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^FROM node:24-bookworm-slim AS build$/m);
  });

  it.runIf(existsSync(BUNDLED_SCHEMA))('metadata.yaml validates against the official ConnectorMetadataDefinitionV0 schema', () => {
    const validate = ajvWithFormats().compile(compilable(JSON.parse(readFileSync(BUNDLED_SCHEMA, 'utf8'))) as object);
    expect(validate(metadata), JSON.stringify(validate.errors)).toBe(true);
    // The validator is live: the pre-2024 `registries` key and a malformed id are refused.
    expect(validate({ ...metadata, data: { ...metadata.data, registries: {} } })).toBe(false);
    expect(validate({ ...metadata, data: { ...metadata.data, definitionId: 'not-a-uuid' } })).toBe(false);
  });
});
