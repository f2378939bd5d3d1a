/**
 * The only module that writes to process.stdout. One JSON object per line, in order,
 * secrets scrubbed, and back-pressure honoured so a slow reader never makes us buffer
 * a whole stream in memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

import type { SecretScrubber } from './secrets.js';

export interface LineSink {
  /** Writes one message as a JSON line; resolves when the sink can take more. */
  write(message: object): Promise<void>;
  /** Writes without waiting (for log lines emitted from synchronous code). */
  writeNow(message: object): void;
}

export class JsonLineWriter implements LineSink {
  constructor(
    private readonly stream: Writable,
    private readonly scrubber: SecretScrubber,
  ) {}

  async write(message: object): Promise<void> {
    if (!this.stream.write(this.serialise(message))) await once(this.stream, 'drain');
  }

  writeNow(message: object): void {
    this.stream.write(this.serialise(message));
  }

  private serialise(message: object): string {
    return this.scrubber.scrub(JSON.stringify(message)) + '\n';
  }
}

/** The process's standard output, for the entry points only. */
export const stdoutStream = (): Writable => process.stdout;

/** Plain text for a person (help, --about); never protocol messages. */
export const printText = (text: string): void => {
  process.stdout.write(text);
};

/**
 * A reader that stops early (`| head`, or Meltano's `config test` after the first RECORD)
 * closes our stdout: that ends the process quietly instead of with an EPIPE stack.
 */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
