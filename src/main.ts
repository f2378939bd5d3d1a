#!/usr/bin/env node
/**
 * Airbyte entry point: runs the CLI over the real dependencies and sets the exit code.
 * Everything heavy (HTTP agent, logger, zod, the emulator) is imported only by the commands
 * that use it: `spec` must start fast, the platform calls it often.
 */
import { runAirbyteCli } from './cli/airbyte.js';
import { exitQuietlyWhenStdoutCloses, JsonLineWriter, stdoutStream } from './output.js';
import { SecretScrubber } from './secrets.js';

exitQuietlyWhenStdoutCloses();
const scrubber = new SecretScrubber();
const sink = new JsonLineWriter(stdoutStream(), scrubber);

// Exit through process.exitCode so buffered stdout (the final STATE and TRACE) is flushed.
process.exitCode = await runAirbyteCli(process.argv.slice(2), {
  sink,
  deps: async (debug) => (await import('./runtime.js')).airbyteDeps(debug, { sink, scrubber }),
  printHelp: (text) => process.stderr.write(`${text}\n`),
  extraCommands: {
    emulator: {
      describe: 'Serve a local emulator of the Claude Admin API on 127.0.0.1 (no key or network needed)',
      run: async (argv) => (await import('./emulator/cli.js')).runEmulatorCommand(argv),
    },
  },
});
