/** The demo's closing summary: records per stream, requests, duration, and recent daily totals. */
import { readFileSync } from 'node:fs';

interface Totals {
  tokens: Map<string, number>;
  cents: Map<string, bigint>;
}

/** Adds decimal cent strings exactly: scaled to 1e-6 cent as BigInt. */
function microCents(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole) * 1_000_000n + BigInt((fraction + '000000').slice(0, 6));
  return amount.startsWith('-') ? -value : value;
}

const dollars = (micro: bigint): string => {
  const cents = Number(micro / 10_000n) / 100;
  return `$${cents.toFixed(2)}`;
};

function bar(value: number, max: number, width = 24): string {
  const n = max === 0 ? 0 : Math.round((value / max) * width);
  return '█'.repeat(n).padEnd(width, '·');
}

export function summarise(path: string, run: { seconds: number; requests: number | undefined; rateLimited: number | undefined }): string {
  const records = new Map<string, number>();
  const totals: Totals = { tokens: new Map(), cents: new Map() };
  const failures: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '') continue;
    const message = JSON.parse(line) as { type: string; record?: { stream: string; data: Record<string, unknown> }; trace?: { type: string; error?: { message: string } } };
    if (message.type === 'TRACE' && message.trace?.type === 'ERROR') failures.push(message.trace.error?.message ?? '');
    if (message.type !== 'RECORD' || !message.record) continue;
    const { stream, data } = message.record;
    records.set(stream, (records.get(stream) ?? 0) + 1);
    const day = String(data['starting_at']).slice(0, 10);
    if (stream === 'usage') {
      const cache = (data['cache_creation'] ?? {}) as Record<string, number>;
      const sum = Number(data['uncached_input_tokens'] ?? 0) + Number(data['cache_read_input_tokens'] ?? 0) + Number(data['output_tokens'] ?? 0) + (cache['ephemeral_5m_input_tokens'] ?? 0) + (cache['ephemeral_1h_input_tokens'] ?? 0);
      totals.tokens.set(day, (totals.tokens.get(day) ?? 0) + sum);
    }
    if (stream === 'cost' && typeof data['amount'] === 'string') totals.cents.set(day, (totals.cents.get(day) ?? 0n) + microCents(data['amount']));
  }
  const out: string[] = ['', 'Records per stream'];
  for (const [stream, count] of records) out.push(`  ${stream.padEnd(18)} ${String(count).padStart(8)}`);
  out.push('', `Requests: ${run.requests ?? 'n/a'}${run.rateLimited ? ` (${run.rateLimited} answered 429 and retried)` : ''}   Duration: ${run.seconds.toFixed(1)} s`);
  const days = [...new Set([...totals.tokens.keys(), ...totals.cents.keys()])].sort().slice(-7);
  const maxTokens = Math.max(0, ...days.map((d) => totals.tokens.get(d) ?? 0));
  out.push('', 'Last 7 days (UTC)   tokens                                 cost (today is partial; cost has completed days only)');
  for (const day of days) {
    const tokens = totals.tokens.get(day) ?? 0;
    const cost = totals.cents.get(day);
    out.push(`  ${day}  ${String(tokens).padStart(12)} ${bar(tokens, maxTokens)}  ${cost === undefined ? '—' : dollars(cost)}`);
  }
  if (failures.length > 0) out.push('', 'Errors:', ...failures.map((f) => `  ${f}`));
  return `${out.join('\n')}\n`;
}
