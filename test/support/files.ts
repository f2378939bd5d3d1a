/** Temporary config, catalog and state files for CLI runs. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { STREAM_NAMES } from '../../src/streams/registry.js';

export const ADMIN_KEY = 'sk-ant-admin01-test-key-abcdefghijklmnopqrstuvwxyz0123456789';
export const BASE_URL = 'https://api.anthropic.com';

const dir = mkdtempSync(join(tmpdir(), 'sca-test-'));
let counter = 0;

export function writeJson(value: unknown, name = 'file'): string {
  const path = join(dir, `${name}-${++counter}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

export const configFile = (overrides: Record<string, unknown> = {}): string =>
  writeJson({ admin_api_key: ADMIN_KEY, start_date: '2025-08-01', requests_per_minute: 10000, ...overrides }, 'config');

export function catalogFile(streams: readonly string[] = STREAM_NAMES, mode: 'incremental' | 'full_refresh' = 'incremental'): string {
  return writeJson(
    {
      streams: streams.map((name) => ({
        stream: { name, json_schema: {}, supported_sync_modes: ['full_refresh', 'incremental'] },
        sync_mode: name === 'usage' || name === 'cost' ? mode : 'full_refresh',
        destination_sync_mode: 'append',
      })),
    },
    'catalog',
  );
}

export const stateFile = (streams: Record<string, Record<string, unknown>>): string =>
  writeJson(
    Object.entries(streams).map(([name, state]) => ({ type: 'STREAM', stream: { stream_descriptor: { name }, stream_state: state } })),
    'state',
  );
