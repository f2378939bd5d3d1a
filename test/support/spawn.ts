/** Runs the built CLI (dist/) as a child process, as Airbyte or a user would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { PACKAGE_ROOT } from '../../src/version.js';
import { assertValidMessage } from './protocol.js';
import { collect, type Transcript } from './run.js';

export const BIN = join(PACKAGE_ROOT, 'dist', 'bundle', 'main.js');

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** SIGKILL the process once it has written this many stdout lines (a crash mid-sync). */
  killAfterLines?: number;
}

export async function spawnCli(argv: string[], options: SpawnOptions = {}): Promise<Transcript & { stderr: string; killed: boolean }> {
  const child = spawn(process.execPath, [BIN, ...argv], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let newlines = 0;
  const run = { killed: false };
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stdout += text;
    newlines += text.split('\n').length - 1;
    if (options.killAfterLines !== undefined && !run.killed && newlines >= options.killAfterLines) {
      run.killed = child.kill('SIGKILL');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => { resolve(code ?? -1); }));
  // A killed process may leave half a line behind: only complete lines count.
  const complete = run.killed ? stdout.slice(0, stdout.lastIndexOf('\n') + 1) : stdout;
  const lines = complete.split('\n').filter((line) => line !== '');
  for (const line of lines) assertValidMessage(JSON.parse(line));
  return { ...collect(lines, exitCode, []), stderr, killed: run.killed };
}
