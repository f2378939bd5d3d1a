/** Stream JSON Schemas from schemas/<stream>.json, and a record validator built on them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Ajv, type ValidateFunction } from 'ajv';

import type { JsonObject } from './protocol/airbyte.js';
import { PACKAGE_ROOT } from './version.js';

export function loadSchema(stream: string): JsonObject {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', `${stream}.json`), 'utf8')) as JsonObject;
}

/**
 * Ajv without string formats: the record validator checks types and shapes (format checks
 * such as date-time cost more per record than all the rest of the validation). Tests add
 * ajv-formats for the protocol and metadata schemas.
 */
export function createAjv(): Ajv {
  return new Ajv({ allErrors: true, strict: false, validateFormats: false });
}

/**
 * Validates records against their stream schema: types, required fields and shapes, not
 * string formats (the API's timestamps are checked by the engine where it uses them). A
 * mismatch is reported once per stream and path (a changed API field would otherwise
 * flood the log); the record is kept.
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
