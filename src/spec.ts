/**
 * The SPEC message's connectionSpecification, generated from the zod config schema.
 * Airbyte's acceptance rules: additionalProperties is always true, no anyOf/allOf/not,
 * every property has a title and description. test/golden/spec.json pins the result.
 */
import { z } from 'zod';

import { configSchema } from './config.js';
import type { JsonObject } from './protocol/airbyte.js';

export const DOCUMENTATION_URL = 'https://www.npmjs.com/package/source-claude-admin';

/** zod writes `additionalProperties: {}` for loose objects; Airbyte wants `true`. */
function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (typeof node !== 'object' || node === null) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties') out[key] = true;
    else out[key] = normalise(value);
  }
  return out;
}

export function connectionSpecification(): JsonObject {
  const schema = normalise(z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' })) as JsonObject;
  return { ...schema, title: 'Claude Admin Source Spec', additionalProperties: true };
}

export function spec(): JsonObject {
  return { documentationUrl: DOCUMENTATION_URL, connectionSpecification: connectionSpecification() };
}
