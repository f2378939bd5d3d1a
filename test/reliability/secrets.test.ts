/**
 * The admin key never leaves the process: not on stdout (records, LOG, TRACE), not on
 * stderr, at any log level, even when the API or the network echoes it back.
 */
import { Writable } from 'node:stream';

import nock from 'nock';
import { describe, expect, it } from 'vitest';

import { createLogger } from '../../src/logger.js';
import { JsonLineWriter } from '../../src/output.js';
import { MASK, SecretScrubber } from '../../src/secrets.js';
import { ADMIN_KEY, BASE_URL, catalogFile, configFile } from '../support/files.js';
import { runCli } from '../support/run.js';
import { spawnCli } from '../support/spawn.js';

const echo = () => ({ type: 'error', error: { type: 'api_error', message: `upstream saw x-api-key: ${ADMIN_KEY}` }, request_id: `req_${ADMIN_KEY}` });

describe('the admin key is never written', () => {
  it.each(['trace', 'debug', 'info', 'warn', 'error'])('at log level %s, whatever the API and the network echo back', async (level) => {
    const scope = nock(BASE_URL)
      .get('/v1/organizations/users').query(true).reply(500, echo())
      .get('/v1/organizations/users').query(true).replyWithError({ code: 'ECONNRESET', message: `reset while sending ${ADMIN_KEY}` })
      .get('/v1/organizations/users').query(true).reply(200, { data: [{ id: 'user_1', type: 'user', email: 'a@example.com', note: ADMIN_KEY }], has_more: false })
      .get('/v1/organizations/api_keys').query(true).reply(400, echo())
      .get('/v1/organizations/invites').query(true).reply(401, echo());
    const out = await runCli(['read', '--config', configFile(), '--catalog', catalogFile(['users', 'invites', 'api_keys'])], { level });
    const text = out.lines.join('\n');
    expect(text).not.toContain(ADMIN_KEY);
    expect(text).toContain(MASK);
    // The errors themselves are still there and useful.
    expect(out.errors.map((e: any) => e.stream_descriptor?.name)).toEqual(['api_keys', 'invites', undefined]);
    if (level === 'trace' || level === 'debug') expect(out.logs.some((log) => log.level === 'DEBUG')).toBe(true);
    scope.done();
  });

  it('pino redacts key fields in logged objects before any scrubbing', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk: Buffer, _e, done) { lines.push(chunk.toString()); done(); } });
    const sink = new JsonLineWriter(stream, new SecretScrubber());
    const logger = createLogger({ kind: 'airbyte', sink }, 'trace');
    logger.info({ config: { admin_api_key: 'sk-ant-admin01-redact-me-please' }, headers: { 'x-api-key': 'sk-ant-admin01-redact-me-too' } }, 'configured');
    await sink.flush();
    expect(lines.join('')).toContain('configured');
    expect(lines.join('')).not.toMatch(/redact-me/);
    expect(lines.join('')).toContain(MASK);
  });

  it('the stderr log target scrubs too', () => {
    const lines: string[] = [];
    const scrubber = new SecretScrubber();
    scrubber.add(ADMIN_KEY);
    const logger = createLogger({ kind: 'stderr', write: (line) => lines.push(line), scrubber }, 'debug');
    logger.warn(`failed with ${ADMIN_KEY}`);
    expect(lines.join('')).toBe(`WARN failed with ${MASK}\n`);
  });

  it('a spawned process with --debug and a key the API rejects writes it nowhere (stdout or stderr)', async () => {
    const out = await spawnCli(['check', '--debug', '--config', configFile({ base_url: 'http://127.0.0.1:9' })]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr + out.lines.join('\n')).not.toContain(ADMIN_KEY);
  });
});
