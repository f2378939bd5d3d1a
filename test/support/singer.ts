/** Runs the Singer tap in-process on the real HTTP path; stdout messages and stderr lines apart. */
import { Writable } from 'node:stream';

import type { SourceDeps } from '../../src/deps.js';
import { createLogger } from '../../src/logger.js';
import { JsonLineWriter } from '../../src/output.js';
import { SecretScrubber } from '../../src/secrets.js';
import { runSingerCli } from '../../src/singer/cli.js';
import { testClock, type TestClock } from './run.js';

export interface TapRun {
  exitCode: number;
  /** Every Singer message on stdout, parsed. */
  messages: any[];
  stdout: string;
  stderr: string[];
  recordsOf: (stream: string) => any[];
  states: any[];
}

export async function runTap(argv: string[], options: { clock?: TestClock; env?: NodeJS.ProcessEnv } = {}): Promise<TapRun> {
  let stdout = '';
  const stderr: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      stdout += chunk.toString('utf8');
      callback();
    },
  });
  const clock = options.clock ?? testClock();
  const scrubber = new SecretScrubber();
  const deps = (): SourceDeps => ({
    sink: new JsonLineWriter(stream, scrubber),
    scrubber,
    logger: createLogger({ kind: 'stderr', write: (line) => stderr.push(line), scrubber }, 'info'),
    clock,
    random: () => 0.5,
    fetch: (url, init) => fetch(url, init),
  });
  const exitCode = await runSingerCli(argv, { deps, print: (text) => { stdout += text; }, env: options.env ?? {} });
  // Singer messages are JSON lines; --about and --help print other text, not parsed here.
  const lines = stdout.split('\n').filter((line) => line.startsWith('{"type":'));
  const messages = lines.map((line) => JSON.parse(line));
  return {
    exitCode,
    messages,
    stdout,
    stderr,
    recordsOf: (name) => messages.filter((m) => m.type === 'RECORD' && m.stream === name).map((m) => m.record),
    states: messages.filter((m) => m.type === 'STATE'),
  };
}
