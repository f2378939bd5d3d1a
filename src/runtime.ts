/** The real dependencies: stdout, the system clock, Node's fetch over an undici Agent. */
import { Agent } from 'undici';

import type { SourceDeps } from './deps.js';
import type { FetchLike } from './http/client.js';
import { systemClock } from './http/pacing.js';
import { recordingFetch } from './http/recorder.js';
import { createLogger, logLevelFrom } from './logger.js';
import { JsonLineWriter, type LineSink, stdoutStream } from './output.js';
import { SecretScrubber } from './secrets.js';

/** Header and body timeouts per attempt; the client adds an overall bound. */
export function agentFetch(): FetchLike {
  const dispatcher = new Agent({ headersTimeout: 30_000, bodyTimeout: 30_000, connectTimeout: 15_000, keepAliveTimeout: 10_000 });
  // Node's global fetch accepts an undici dispatcher; nock 14 still intercepts it.
  return (url, init) => fetch(url, { ...init, dispatcher } as unknown as RequestInit);
}

function realFetch(): FetchLike {
  const cassette = process.env['SOURCE_CLAUDE_ADMIN_RECORD'];
  return cassette === undefined || cassette === '' ? agentFetch() : recordingFetch(agentFetch(), cassette, () => systemClock.now());
}

/** Airbyte mode: logs become LOG messages on stdout (through the entry point's sink when given). */
export function airbyteDeps(debug: boolean, output?: { sink: LineSink; scrubber: SecretScrubber }): SourceDeps {
  const scrubber = output?.scrubber ?? new SecretScrubber();
  const sink = output?.sink ?? new JsonLineWriter(stdoutStream(), scrubber);
  const logger = createLogger({ kind: 'airbyte', sink }, logLevelFrom(debug, process.env));
  return { sink, logger, scrubber, clock: systemClock, random: Math.random, fetch: realFetch() };
}

/** Singer mode: stdout carries only Singer messages; logs go to stderr. */
export function singerDeps(debug: boolean): SourceDeps {
  const scrubber = new SecretScrubber();
  const sink = new JsonLineWriter(stdoutStream(), scrubber);
  const logger = createLogger({ kind: 'stderr', write: (line) => process.stderr.write(line), scrubber }, logLevelFrom(debug, process.env));
  return { sink, logger, scrubber, clock: systemClock, random: Math.random, fetch: realFetch() };
}

