#!/usr/bin/env node
/** Airbyte entry point: builds the real dependencies, runs the CLI, sets the exit code. */
import { runAirbyteCli } from './cli/airbyte.js';
import { emulatorCommand } from './emulator/cli.js';
import { exitQuietlyWhenStdoutCloses } from './output.js';
import { airbyteDeps } from './runtime.js';

exitQuietlyWhenStdoutCloses();

// Exit through process.exitCode so buffered stdout (the final STATE and TRACE) is flushed.
process.exitCode = await runAirbyteCli(process.argv.slice(2), {
  deps: airbyteDeps,
  printHelp: (text) => process.stderr.write(`${text}\n`),
  extend: emulatorCommand,
});
