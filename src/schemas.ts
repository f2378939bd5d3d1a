/** Stream JSON Schemas from schemas/<stream>.json, and a record validator built on them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

import type { JsonObject } from './protocol/airbyte.js';
import { PACKAGE_ROOT } from './version.js';

export function loadSchema(stream: string): JsonObject {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', `${stream}.json`), 'utf8')) as JsonObject;
}

// ajv-formats is CommonJS; its default export arrives as the module object under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** `validateSchema: false` for third-party schemas that use non-standard type names. */
export function createAjv(options: { validateSchema?: boolean } = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: options.validateSchema ?? true });
  addFormats(ajv);
  return ajv;
}

/**
 * Validates records against their stream schema. A mismatch is reported once per stream
 * and path (a changed API field would otherwise flood the log); the record is kept.
 */
export function recordValidator(streams: readonly string[]): (stream: string, record: JsonObject) => string | undefined {
  const ajv = createAjv();
  const validators = new Map<string, ValidateFunction>(streams.map((name) => [name, ajv.compile(loadSchema(name))]));
  const reported = new Set<string>();
  return (stream, record) => {
    const validate = validators.get(stream);
    if (validate === undefined || validate(record)) return undefined;
    const fresh = (validate.errors ?? [])
      .map((error) => `${error.instancePath === '' ? '(record)' : error.instancePath} ${error.message ?? 'is invalid'}`)
      .filter((problem) => !reported.has(`${stream}:${problem}`));
    for (const problem of fresh) reported.add(`${stream}:${problem}`);
    return fresh.length === 0 ? undefined : fresh.join('; ');
  };
}
