/** The real dependencies: stdout, the system clock, Node's global fetch. */
import type { SourceDeps } from './deps.js';
import type { FetchLike } from './http/client.js';
import { systemClock } from './http/pacing.js';
import { recordingFetch } from './http/recorder.js';
import { createLogger, type Logger, logLevelFrom } from './logger.js';
import { JsonLineWriter, type LineSink, stdoutStream } from './output.js';
import { SecretScrubber } from './secrets.js';

/**
 * Node's global fetch (keep-alive, 10 s connect timeout); the client bounds each attempt,
 * headers and body together. nock intercepts it in tests.
 */
export const nodeFetch: FetchLike = (url, init) => fetch(url, init);

function realFetch(): FetchLike {
  const cassette = process.env['SOURCE_CLAUDE_ADMIN_RECORD'];
  return cassette === undefined || cassette === '' ? nodeFetch : recordingFetch(nodeFetch, cassette, () => systemClock.now());
}

function realDeps(sink: LineSink, scrubber: SecretScrubber, logger: Logger): SourceDeps {
  return { sink, logger, scrubber, clock: systemClock, random: Math.random, fetch: realFetch() };
}

/** Airbyte mode: logs become LOG messages on stdout, through the entry point's sink. */
export function airbyteDeps(debug: boolean, output: { sink: LineSink; scrubber: SecretScrubber }): SourceDeps {
  return realDeps(output.sink, output.scrubber, createLogger({ kind: 'airbyte', sink: output.sink }, logLevelFrom(debug, process.env)));
}

/** Singer mode: stdout carries only Singer messages; logs go to stderr. */
export function singerDeps(debug: boolean): SourceDeps {
  const scrubber = new SecretScrubber();
  const logger = createLogger({ kind: 'stderr', write: (line) => process.stderr.write(line), scrubber }, logLevelFrom(debug, process.env));
  return realDeps(new JsonLineWriter(stdoutStream(), scrubber), scrubber, logger);
}

