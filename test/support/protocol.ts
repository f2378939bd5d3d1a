/**
 * Validates every message the connector emits: against the project's own shape rules,
 * and against the official AirbyteMessage schema when ../shared/reference has it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

import { ajvWithFormats } from './ajv.js';
import { PACKAGE_ROOT } from '../../src/version.js';

export const PROTOCOL_YAML = join(PACKAGE_ROOT, '..', 'shared', 'reference', 'airbyte_protocol.yaml');

let official: ValidateFunction | undefined | null = null;

function officialValidator(): ValidateFunction | undefined {
  if (official !== null) return official;
  if (!existsSync(PROTOCOL_YAML)) return (official = undefined);
  const document = parse(readFileSync(PROTOCOL_YAML, 'utf8')) as Record<string, unknown>;
  const ajv = ajvWithFormats();
  ajv.addSchema({ ...document, $id: 'airbyte_protocol' });
  return (official = ajv.getSchema('airbyte_protocol#/definitions/AirbyteMessage'));
}

const PAYLOAD: Record<string, string> = {
  RECORD: 'record',
  STATE: 'state',
  LOG: 'log',
  SPEC: 'spec',
  CONNECTION_STATUS: 'connectionStatus',
  CATALOG: 'catalog',
  TRACE: 'trace',
};

/** Throws with the reason when a message is not a valid Airbyte message. */
export function assertValidMessage(message: unknown): void {
  const m = message as Record<string, unknown>;
  const key = PAYLOAD[String(m['type'])];
  if (key === undefined) throw new Error(`unknown message type in ${JSON.stringify(message)}`);
  const extra = Object.keys(m).filter((k) => k !== 'type' && k !== key);
  if (typeof m[key] !== 'object' || extra.length > 0) throw new Error(`payload must be exactly "${key}": ${JSON.stringify(message)}`);
  if (JSON.stringify(message).includes(':null') && m['type'] !== 'RECORD' && m['type'] !== 'CATALOG' && m['type'] !== 'SPEC') {
    throw new Error(`optional fields must be omitted, not null: ${JSON.stringify(message)}`);
  }
  const validate = officialValidator();
  if (validate && !validate(message)) {
    throw new Error(`not a valid AirbyteMessage (${JSON.stringify(validate.errors)}): ${JSON.stringify(message).slice(0, 500)}`);
  }
}
