/** UTC time helpers. Every instant is epoch milliseconds; strings are RFC 3339 with Z. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const startOfUtcDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** "2025-08-01T00:00:00Z": whole seconds, as the API writes bucket bounds. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses YYYY-MM-DD (as UTC midnight) or an RFC 3339 date-time; undefined when the text
 * is malformed or names a day that does not exist (2025-02-30).
 */
export function parseInstant(text: string): number | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [, y, mo, d] = match.map(Number) as [number, number, number, number];
  const day = Date.UTC(y, mo - 1, d);
  const back = new Date(day);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  if (match[4] === undefined) return day;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}
