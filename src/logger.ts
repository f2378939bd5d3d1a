/**
 * pino logger whose records become Airbyte LOG messages (through the single stdout
 * writer) or plain stderr lines (Singer mode). Known secret paths are redacted by pino,
 * and every line is scrubbed of secret values again by the writer.
 */
import { pino, type Logger } from 'pino';

import { logMessage, type LogLevel } from './protocol/airbyte.js';
import type { LineSink } from './output.js';
import { MASK, type SecretScrubber } from './secrets.js';

export type { Logger } from 'pino';

const REDACT_PATHS = [
  'admin_api_key',
  'config.admin_api_key',
  'headers["x-api-key"]',
  'headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.authorization',
];

const LEVELS: Record<string, LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'FATAL',
};

/** "message key=value key=value": the record's extra fields appended as text. */
export function formatLogLine(record: Record<string, unknown>): { level: LogLevel; text: string } {
  const { level, msg, ...rest } = record;
  const extras = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const text = [typeof msg === 'string' ? msg : '', extras].filter((part) => part !== '').join(' ');
  return { level: LEVELS[String(level)] ?? 'INFO', text };
}

export type LogTarget = { kind: 'airbyte'; sink: LineSink } | { kind: 'stderr'; write: (line: string) => void; scrubber: SecretScrubber };

export function createLogger(target: LogTarget, level: string): Logger {
  const destination = {
    write(line: string): void {
      const { level: lvl, text } = formatLogLine(JSON.parse(line) as Record<string, unknown>);
      if (target.kind === 'airbyte') target.sink.writeNow(logMessage(lvl, text.replaceAll('\n', '  ')));
      else target.write(target.scrubber.scrub(`${lvl} ${text}`) + '\n');
    },
  };
  return pino(
    {
      level,
      base: null,
      timestamp: false,
      redact: { paths: REDACT_PATHS, censor: MASK },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** LOG_LEVEL from the environment, or debug with --debug; info otherwise. */
export function logLevelFrom(debug: boolean, env: NodeJS.ProcessEnv): string {
  if (debug) return 'debug';
  const fromEnv = env['LOG_LEVEL']?.toLowerCase();
  return fromEnv !== undefined && fromEnv in LEVELS ? fromEnv : 'info';
}
