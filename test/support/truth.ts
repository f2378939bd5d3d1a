/** Per-day totals of usage and cost records, compared exactly with the emulator's ground truth. */
import { expect } from 'vitest';

import type { GroundTruth } from '../../src/emulator/truth.js';
import { toUnits } from './money.js';

export type Row = Record<string, any>;

function usageByDay(rows: Iterable<Row>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const day = String(row['starting_at']).slice(0, 10);
    const t = (out[day] ??= { uncached_input_tokens: 0, cache_read_input_tokens: 0, ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0, output_tokens: 0, web_search_requests: 0 });
    t['uncached_input_tokens']! += Number(row['uncached_input_tokens']);
    t['cache_read_input_tokens']! += Number(row['cache_read_input_tokens']);
    t['ephemeral_5m_input_tokens']! += Number(row['cache_creation'].ephemeral_5m_input_tokens);
    t['ephemeral_1h_input_tokens']! += Number(row['cache_creation'].ephemeral_1h_input_tokens);
    t['output_tokens']! += Number(row['output_tokens']);
    t['web_search_requests']! += Number(row['server_tool_use'].web_search_requests);
  }
  return out;
}

function costByDay(rows: Iterable<Row>): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const row of rows) {
    const day = String(row['starting_at']).slice(0, 10);
    out[day] = (out[day] ?? 0n) + toUnits(row['amount']);
  }
  return out;
}

export function expectMatchesTruth(usage: Row[], cost: Row[], truth: GroundTruth, fromDay: string): void {
  const expectedUsage = Object.fromEntries(Object.entries(truth.usageByDay).filter(([day]) => day >= fromDay));
  expect(usageByDay(usage)).toEqual(expectedUsage);
  const expectedCost = Object.fromEntries(Object.entries(truth.costByDay).filter(([day]) => day >= fromDay).map(([day, cents]) => [day, toUnits(cents)]));
  expect(costByDay(cost)).toEqual(expectedCost);
}
