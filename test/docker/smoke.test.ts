/**
 * Docker smoke test, run by scripts/docker-smoke.sh after it builds the image (not part of
 * `npm test`). Runs the image as Airbyte and a `docker run` user would — config mounted
 * read-only at /secrets/config.json, `--network host` to reach the emulator on the host —
 * and checks the output is valid and complete.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { Emulator, EMULATOR_ADMIN_KEY } from '../../src/emulator/server.js';
import { frozenNow } from '../support/clock.js';
import { STREAM_NAMES } from '../../src/streams/registry.js';
import { PACKAGE_ROOT, VERSION } from '../../src/version.js';
import { catalogFile } from '../support/files.js';
import { assertValidMessage } from '../support/protocol.js';
import { collect } from '../support/run.js';

const DOCKER = process.env['DOCKER'] ?? 'docker';
const IMAGE = process.env['SMOKE_IMAGE'] ?? `source-claude-admin:${VERSION}`;
const metadata = parse(readFileSync(join(PACKAGE_ROOT, 'metadata.yaml'), 'utf8')) as { data: Record<string, string> };

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function docker(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(DOCKER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ exitCode: code ?? -1, stdout, stderr });
    });
  });
}

/** Airbyte protocol output: every stdout line a valid message. */
function airbyte(run: Run) {
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  for (const line of lines) assertValidMessage(JSON.parse(line));
  return collect(lines, run.exitCode, []);
}

describe(`the image ${IMAGE}`, { timeout: 300_000 }, () => {
  const emulator = new Emulator({ seed: 21, size: 'small', ratePerMinute: 0, now: frozenNow() });
  // Readable by the image's user (uid 1000), as a mounted secret would be.
  const secrets = mkdtempSync(join(tmpdir(), 'sca-smoke-'));
  const mounts = ['--network', 'host', '-v', `${secrets}:/secrets:ro`];

  beforeAll(async () => {
    const url = await emulator.start();
    chmodSync(secrets, 0o755);
    writeFileSync(join(secrets, 'config.json'), JSON.stringify({ admin_api_key: EMULATOR_ADMIN_KEY, base_url: url, lookback_days: 1, requests_per_minute: 6000 }), { mode: 0o644 });
    writeFileSync(join(secrets, 'catalog.json'), readFileSync(catalogFile()), { mode: 0o644 });
  });
  afterAll(() => emulator.stop());

  it('has the labels, user, entrypoint and shell that Airbyte expects', async () => {
    const inspect = await docker(['inspect', IMAGE, '--format', '{{json .Config}}']);
    expect(inspect.exitCode).toBe(0);
    const config = JSON.parse(inspect.stdout) as { Labels: Record<string, string>; User: string; Entrypoint: string[]; Env: string[] };
    expect(config.Labels['io.airbyte.name']).toBe(metadata.data['dockerRepository']);
    expect(config.Labels['io.airbyte.version']).toBe(metadata.data['dockerImageTag']);
    expect(config.User).toBe('node');
    expect(config.Env).toContain(`AIRBYTE_ENTRYPOINT=${config.Entrypoint.join(' ')}`);
    // How the platform starts it: sh -c 'eval "$AIRBYTE_ENTRYPOINT spec"', as uid 1000.
    const shell = await docker(['run', '--rm', '--entrypoint', '/bin/sh', IMAGE, '-c', 'id -u; eval "$AIRBYTE_ENTRYPOINT spec"; tap-claude-admin --version; source-claude-admin emulator --help >/dev/null && echo emulator-ok']);
    expect(shell.exitCode).toBe(0);
    const [uid, spec, version, emulatorOk] = shell.stdout.trim().split('\n');
    expect(uid).toBe('1000');
    expect(JSON.parse(spec ?? '').type).toBe('SPEC');
    expect(version).toBe(VERSION);
    expect(emulatorOk).toBe('emulator-ok');
  });

  it('spec prints exactly one SPEC message', async () => {
    const out = airbyte(await docker(['run', '--rm', IMAGE, 'spec']));
    expect(out.exitCode).toBe(0);
    expect(out.messages.map((m) => m.type)).toEqual(['SPEC']);
    expect(out.messages[0]).toEqual(JSON.parse(readFileSync(join(PACKAGE_ROOT, 'test', 'golden', 'spec.json'), 'utf8')));
  });

  it('check succeeds against the emulator, with the config mounted read-only', async () => {
    const out = airbyte(await docker(['run', '--rm', ...mounts, IMAGE, 'check', '--config', '/secrets/config.json']));
    expect(out.exitCode).toBe(0);
    expect(out.messages.at(-1)).toEqual({ type: 'CONNECTION_STATUS', connectionStatus: { status: 'SUCCEEDED' } });
  });

  it('discover prints the catalog of every stream', async () => {
    const out = airbyte(await docker(['run', '--rm', ...mounts, IMAGE, 'discover', '--config', '/secrets/config.json']));
    expect(out.exitCode).toBe(0);
    expect(out.messages.filter((m) => m.type === 'CATALOG')[0].catalog.streams.map((s: any) => s.name)).toEqual(STREAM_NAMES);
  });

  it('read syncs every stream to completion and equals the ground truth', async () => {
    const out = airbyte(await docker(['run', '--rm', ...mounts, IMAGE, 'read', '--config', '/secrets/config.json', '--catalog', '/secrets/catalog.json']));
    expect(out.exitCode).toBe(0);
    expect(out.errors).toEqual([]);
    for (const name of STREAM_NAMES) {
      expect(out.statuses).toContain(`${name}:COMPLETE`);
      expect(out.recordsOf(name).length).toBeGreaterThan(0);
    }
    const truth = emulator.truth();
    expect(out.recordsOf('users').map((u) => u.id).sort()).toEqual(truth.users.map((u) => u['id']).sort());
    expect(out.statesOf('usage').length).toBeGreaterThan(0);
    expect(out.statesOf('cost').length).toBeGreaterThan(0);
  });

  it('offers the Singer tap: a sync writes SCHEMA, RECORD and a final cumulative STATE', async () => {
    const run = await docker(['run', '--rm', ...mounts, '--entrypoint', 'tap-claude-admin', IMAGE, '--config', '/secrets/config.json']);
    expect(run.exitCode).toBe(0);
    const messages = run.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { type: string; stream?: string; value?: any });
    expect(new Set(messages.map((m) => m.type))).toEqual(new Set(['SCHEMA', 'RECORD', 'STATE']));
    expect(messages.filter((m) => m.type === 'SCHEMA').map((m) => m.stream)).toEqual(STREAM_NAMES);
    expect(Object.keys(messages.at(-1)?.value.bookmarks ?? {})).toEqual(['usage', 'cost']);
  });
});
