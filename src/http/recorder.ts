/**
 * Record mode (SOURCE_CLAUDE_ADMIN_RECORD=<cassette.json>): every response is captured as
 * {path, query, status, body} in the cassette format the golden test replays. Request
 * headers are never recorded (so neither is the key), and personal data in bodies —
 * emails, names, key hints — is replaced by stable placeholders.
 */
import { writeFileSync } from 'node:fs';

import type { FetchLike } from './client.js';

const PERSONAL_FIELDS = new Set(['email', 'name', 'partial_key_hint', 'email_address']);

export function scrubPersonalData(value: unknown, seen = new Map<string, string>()): unknown {
  if (Array.isArray(value)) return value.map((item) => scrubPersonalData(item, seen));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (PERSONAL_FIELDS.has(key) && typeof field === 'string') {
      const placeholder = seen.get(field) ?? (key === 'email' || key === 'email_address' ? `user-${seen.size + 1}@example.invalid` : `${key}-${seen.size + 1}`);
      seen.set(field, placeholder);
      out[key] = placeholder;
    } else out[key] = scrubPersonalData(field, seen);
  }
  return out;
}

export function recordingFetch(inner: FetchLike, cassettePath: string, now: () => number): FetchLike {
  const interactions: unknown[] = [];
  const seen = new Map<string, string>();
  const startedAt = new Date(now()).toISOString();
  return async (url, init) => {
    const response = await inner(url, init);
    const text = await response.clone().text();
    const parsed = new URL(url);
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(parsed.searchParams.keys())) {
      const values = parsed.searchParams.getAll(key);
      query[key] = key.endsWith('[]') ? values : (values[0] ?? '');
    }
    let body: unknown = text;
    try {
      body = scrubPersonalData(JSON.parse(text), seen);
    } catch {
      // Keep a non-JSON body as text.
    }
    interactions.push({ path: parsed.pathname, query, status: response.status, body });
    writeFileSync(cassettePath, JSON.stringify({ description: `Recorded from ${parsed.origin}`, now: startedAt, interactions }, null, 2) + '\n');
    return response;
  };
}
