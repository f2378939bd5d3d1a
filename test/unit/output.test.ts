/**
 * The stdout writer: lines in order whatever method wrote them, nothing left behind after
 * flush(), secrets masked in every chunk, and a slow reader holding the writer back
 * instead of letting output pile up in memory.
 */
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { JsonLineWriter } from '../../src/output.js';
import { MASK, SecretScrubber } from '../../src/secrets.js';

const KEY = 'sk-ant-admin01-output-test-key-0123456789';

function slowReader(delayMs: number) {
  const chunks: string[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      setTimeout(done, delayMs);
    },
  });
  const observe = (): void => {
    maxBuffered = Math.max(maxBuffered, stream.writableLength);
  };
  return { stream, chunks, observe, maxBuffered: () => maxBuffered };
}

describe('JsonLineWriter', () => {
  it('keeps the order of write, writeAll and writeNow, and flush() hands over every line', async () => {
    const reader = slowReader(0);
    const sink = new JsonLineWriter(reader.stream, new SecretScrubber());
    await sink.write({ n: 1 });
    sink.writeNow({ n: 2 });
    await sink.writeAll([{ n: 3 }, { n: 4 }]);
    await sink.write({ n: 5 });
    await sink.flush();
    expect(reader.chunks.join('').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { n: number }).n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('writes a pending line on the next turn of the event loop without flush()', async () => {
    const reader = slowReader(0);
    const sink = new JsonLineWriter(reader.stream, new SecretScrubber());
    await sink.write({ type: 'STATE' });
    expect(reader.chunks).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(reader.chunks.join('')).toBe('{"type":"STATE"}\n');
  });

  it('masks the key in every chunk, including lines that fill many chunks', async () => {
    const reader = slowReader(0);
    const scrubber = new SecretScrubber();
    scrubber.add(KEY);
    const sink = new JsonLineWriter(reader.stream, scrubber);
    await sink.writeAll(Array.from({ length: 5_000 }, (_, i) => ({ i, echo: `key ${KEY} again` })));
    await sink.flush();
    const text = reader.chunks.join('');
    expect(reader.chunks.length).toBeGreaterThan(3);
    expect(text).not.toContain(KEY);
    expect(text.split(MASK).length - 1).toBe(5_000);
  });

  it('waits for a slow reader: what is buffered stays near one chunk, not the whole stream', async () => {
    const reader = slowReader(2);
    const sink = new JsonLineWriter(reader.stream, new SecretScrubber());
    const record = { data: 'x'.repeat(500) };
    for (let batch = 0; batch < 40; batch++) {
      await sink.writeAll(Array.from({ length: 100 }, () => record));
      reader.observe();
    }
    await sink.flush();
    // 40 × 100 lines of ~513 bytes = ~2 MB written; never more than a chunk or two waiting.
    expect(reader.chunks.join('').length).toBeGreaterThan(2_000_000);
    expect(reader.maxBuffered()).toBeLessThan(3 * 64 * 1024);
  });
});
