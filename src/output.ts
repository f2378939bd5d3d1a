/**
 * The only module that writes to process.stdout. One JSON object per line, in order,
 * secrets scrubbed. Lines are gathered into chunks of up to 64 KiB (one write per line
 * costs more than the rest of the connector together), flushed when a chunk is full, on
 * the next turn of the event loop, or by flush(); back-pressure is honoured, so a slow
 * reader never makes us buffer a whole stream in memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

import type { SecretScrubber } from './secrets.js';

export interface LineSink {
  /** Writes one message as a JSON line; resolves when the sink can take more. */
  write(message: object): Promise<void>;
  /** Writes messages in order; resolves when the sink can take more. */
  writeAll(messages: readonly object[]): Promise<void>;
  /** Writes without waiting (for log lines emitted from synchronous code). */
  writeNow(message: object): void;
  /** Hands every gathered line to the stream; resolves when it can take more. */
  flush(): Promise<void>;
}

const CHUNK_BYTES = 64 * 1024;

export class JsonLineWriter implements LineSink {
  private pending = '';
  private scheduled = false;

  constructor(
    private readonly stream: Writable,
    private readonly scrubber: SecretScrubber,
  ) {}

  async write(message: object): Promise<void> {
    this.pending += this.serialise(message);
    if (this.pending.length >= CHUNK_BYTES) await this.flush();
    else this.schedule();
  }

  async writeAll(messages: readonly object[]): Promise<void> {
    for (const message of messages) {
      this.pending += this.serialise(message);
      if (this.pending.length >= CHUNK_BYTES) await this.flush();
    }
    this.schedule();
  }

  writeNow(message: object): void {
    this.pending += this.serialise(message);
    this.schedule();
  }

  async flush(): Promise<void> {
    if (this.pending === '') return;
    // Whole lines only, so a secret never straddles two chunks.
    const chunk = this.scrubber.scrub(this.pending);
    this.pending = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** A line never waits longer than the current turn of the event loop (a STATE must not linger). */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private serialise(message: object): string {
    return `${JSON.stringify(message)}\n`;
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
