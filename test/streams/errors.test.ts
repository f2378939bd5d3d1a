import nock from 'nock';
import { describe, expect, it } from 'vitest';

import { ADMIN_KEY, BASE_URL, catalogFile, configFile } from '../support/files.js';
import { runCli } from '../support/run.js';

const page = { data: [{ id: 'invite_1', type: 'invite', status: 'pending' }], first_id: 'invite_1', last_id: 'invite_1', has_more: false };
const errorBody = (type: string, message: string) => ({ type: 'error', error: { type, message }, request_id: 'req_018EeWyXxfu5pfWkrYcMdjWG' });
const read = (extra: Record<string, unknown> = {}) => runCli(['read', '--config', configFile(extra), '--catalog', catalogFile(['invites'])], { maxRetries: 3 });

describe('HTTP error mapping', () => {
  it('retries 429 after retry-after, then 500/529 and a reset connection with backoff, and succeeds', async () => {
    const scope = nock(BASE_URL)
      .get('/v1/organizations/invites').query(true).reply(429, errorBody('rate_limit_error', 'slow down'), { 'retry-after': '7' })
      .get('/v1/organizations/invites').query(true).reply(529, errorBody('overloaded_error', 'Overloaded'))
      .get('/v1/organizations/invites').query(true).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
      .get('/v1/organizations/invites').query(true).reply(200, page);
    const out = await read();
    expect(out.exitCode).toBe(0);
    expect(out.recordsOf('invites')).toHaveLength(1);
    expect(out.sleeps[0]).toBe(7000);
    expect(out.sleeps.length).toBeGreaterThanOrEqual(3);
    scope.done();
  });

  it('retries a truncated JSON body as transient', async () => {
    const scope = nock(BASE_URL)
      .get('/v1/organizations/invites').query(true).reply(200, '{"data": [{"id": "inv')
      .get('/v1/organizations/invites').query(true).reply(200, page);
    const out = await read();
    expect(out.recordsOf('invites')).toHaveLength(1);
    scope.done();
  });

  it('gives up after the retries with a transient_error', async () => {
    const scope = nock(BASE_URL).get('/v1/organizations/invites').query(true).times(4).reply(503, errorBody('api_error', 'Service unavailable'));
    const out = await read();
    expect(out.exitCode).toBe(1);
    expect(out.errors[0]).toMatchObject({ failure_type: 'transient_error', stream_descriptor: { name: 'invites' } });
    expect(out.errors[0].message).toMatch(/503 api_error: Service unavailable \(request req_018EeWyXxfu5pfWkrYcMdjWG\).*after 4 attempts/);
    scope.done();
  });

  it.each([
    [401, 'authentication_error', 'invalid x-api-key'],
    [403, 'permission_error', 'not allowed'],
  ])('never retries %i: config_error that asks for an Admin API key', async (status, type, message) => {
    const scope = nock(BASE_URL).get('/v1/organizations/invites').query(true).once().reply(status, errorBody(type, message));
    const out = await read();
    expect(out.exitCode).toBe(1);
    expect(out.sleeps).toEqual([]);
    expect(out.errors[0].failure_type).toBe('config_error');
    expect(out.errors[0].message).toMatch(/An Admin API key is required \(it starts with sk-ant-admin01-/);
    scope.done();
  });

  it('fails 400 and 404 at once as system_error with the API message and request id', async () => {
    const scope = nock(BASE_URL).get('/v1/organizations/invites').query(true).reply(400, errorBody('invalid_request_error', 'limit: bad'));
    const out = await read();
    expect(out.sleeps).toEqual([]);
    expect(out.errors[0]).toMatchObject({ failure_type: 'system_error' });
    expect(out.errors[0].message).toContain('400 invalid_request_error: limit: bad (request req_018EeWyXxfu5pfWkrYcMdjWG)');
    scope.done();
  });

  it('refuses to follow a redirect, so the key never goes to another host', async () => {
    const scope = nock(BASE_URL).get('/v1/organizations/invites').query(true).reply(302, '', { location: 'https://evil.example.com/steal' });
    const elsewhere = nock('https://evil.example.com').get('/steal').reply(200, page);
    const out = await read();
    expect(out.exitCode).toBe(1);
    expect(out.errors[0].message).toMatch(/302/);
    expect(elsewhere.isDone()).toBe(false);
    scope.done();
  });

  it('never prints the key, even when an error body echoes it', async () => {
    const scope = nock(BASE_URL).get('/v1/organizations/invites').query(true).reply(400, errorBody('invalid_request_error', `bad header x-api-key: ${ADMIN_KEY}`));
    const out = await runCli(['read', '--debug', '--config', configFile(), '--catalog', catalogFile(['invites'])], { level: 'debug' });
    expect(out.lines.join('\n')).not.toContain(ADMIN_KEY);
    expect(out.lines.join('\n')).toContain('**********');
    scope.done();
  });
});
