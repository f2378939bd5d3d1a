/**
 * Runs the connector in-process on the real code path (HTTP through Node's fetch, so nock
 * or the emulator answers) and sorts what it wrote into typed buckets. Every message is
 * validated as it is written.
 */
import { Writable } from 'node:stream';

import { runAirbyteCli } from '../../src/cli/airbyte.js';
import type { SourceDeps } from '../../src/deps.js';
import { createLogger } from '../../src/logger.js';
import { JsonLineWriter } from '../../src/output.js';
import { SecretScrubber } from '../../src/secrets.js';
import { assertValidMessage } from './protocol.js';

export interface Transcript {
  lines: string[];
  messages: any[];
  records: any[];
  recordsOf: (stream: string) => any[];
  states: any[];
  statesOf: (stream: string) => any[];
  traces: any[];
  errors: any[];
  statuses: string[];
  logs: any[];
  exitCode: number;
  sleeps: number[];
}

export interface TestClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
}

/** A clock fixed at `at` that advances only when the code sleeps (and does so instantly). */
export function testClock(at: number | string = '2025-08-10T12:00:00Z'): TestClock {
  let now = typeof at === 'string' ? Date.parse(at) : at;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}

export function collect(lines: string[], exitCode: number, sleeps: number[]): Transcript {
  const messages = lines.map((line) => JSON.parse(line) as Record<string, any>);
  const records = messages.filter((m) => m['type'] === 'RECORD').map((m) => m['record']);
  const states = messages.filter((m) => m['type'] === 'STATE').map((m) => m['state']);
  const traces = messages.filter((m) => m['type'] === 'TRACE').map((m) => m['trace']);
  return {
    lines,
    messages,
    records,
    recordsOf: (stream) => records.filter((r) => r.stream === stream).map((r) => r.data),
    states,
    statesOf: (stream) => states.filter((s) => s.stream.stream_descriptor.name === stream),
    traces,
    errors: traces.filter((t) => t.type === 'ERROR').map((t) => t.error),
    statuses: traces.filter((t) => t.type === 'STREAM_STATUS').map((t) => `${t.stream_status.stream_descriptor.name}:${t.stream_status.status}`),
    logs: messages.filter((m) => m['type'] === 'LOG').map((m) => m['log']),
    exitCode,
    sleeps,
  };
}

export async function runCli(argv: string[], options: { clock?: TestClock; level?: string; maxRetries?: number; timeoutMs?: number; random?: () => number } = {}): Promise<Transcript> {
  const lines: string[] = [];
  let pending = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        assertValidMessage(JSON.parse(line));
        lines.push(line);
      }
      callback();
    },
  });
  const clock = options.clock ?? testClock();
  const scrubber = new SecretScrubber();
  const sink = new JsonLineWriter(stream, scrubber);
  const deps = (): SourceDeps => ({
    sink,
    scrubber,
    logger: createLogger({ kind: 'airbyte', sink }, options.level ?? 'info'),
    clock,
    random: options.random ?? (() => 0.5),
    fetch: (url, init) => fetch(url, init),
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const exitCode = await runAirbyteCli(argv, { deps, printHelp: () => undefined });
  return collect(lines, exitCode, clock.sleeps);
}
