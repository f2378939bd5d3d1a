/** Runs the built CLI (dist/) as a child process, as Airbyte or a user would. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { PACKAGE_ROOT } from '../../src/version.js';
import { assertValidMessage } from './protocol.js';
import { collect, type Transcript } from './run.js';

export const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'main.js');

export async function spawnCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<Transcript & { stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => { resolve(code ?? -1); }));
  const lines = stdout.split('\n').filter((line) => line !== '');
  for (const line of lines) assertValidMessage(JSON.parse(line));
  return { ...collect(lines, exitCode, []), stderr };
}
