/**
 * Benchmark plumbing: child processes with wall time, stdout line count and peak RSS, a
 * caching proxy that takes the emulator's own work out of throughput measurements, and
 * statistics.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProcessRun {
  ms: number;
  /** Peak resident set size (VmHWM), in MiB. */
  peakRssMiB: number;
  lines: number;
  exitCode: number;
  stderr: string;
}

function highWaterMarkKiB(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a command with stdout drained and counted; samples the peak RSS until it exits. */
export function runProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, [...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    let peakKiB = 0;
    const sample = (): void => {
      if (child.pid !== undefined) peakKiB = Math.max(peakKiB, highWaterMarkKiB(child.pid) ?? 0);
    };
    const timer = setInterval(sample, 10);
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stdout.on('end', sample);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - started, peakRssMiB: peakKiB / 1024, lines, exitCode: code ?? -1, stderr });
    });
  });
}

/** The `data` of every RECORD line a command writes, as JSON text, in order (for equality checks). */
export function recordData(command: string, args: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    const records: string[] = [];
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const message = JSON.parse(line) as { type: string; record?: { data: unknown } };
        if (message.type === 'RECORD') records.push(JSON.stringify(message.record?.data));
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      resolve(records);
    });
  });
}

/**
 * Serves recorded responses: the first request for a URL goes to the emulator, later ones
 * are answered from memory, so the connector and the baseline are measured against a
 * server whose cost is the same and close to nothing.
 */
export class CachingProxy {
  private readonly cache = new Map<string, { status: number; body: Buffer }>();
  private server: Server | undefined;
  /** URLs (path and query) in the order they were first asked for. */
  readonly order: string[] = [];

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      void (async () => {
        const key = req.url ?? '/';
        let hit = this.cache.get(key);
        if (hit === undefined) {
          const headers: Record<string, string> = {};
          for (const name of ['x-api-key', 'anthropic-version']) {
            const value = req.headers[name];
            if (typeof value === 'string') headers[name] = value;
          }
          const response = await fetch(`${this.target}${key}`, { headers });
          hit = { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
          if (response.status === 200) {
            this.cache.set(key, hit);
            this.order.push(key);
          }
        }
        res.writeHead(hit.status, { 'content-type': 'application/json', 'content-length': String(hit.body.length) });
        res.end(hit.body);
      })();
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;
