#!/usr/bin/env node
/** Singer entry point (`tap-claude-admin`): the same engine as the Airbyte CLI, Singer messages on stdout. */
import { exitQuietlyWhenStdoutCloses, printText } from '../output.js';
import { singerDeps } from '../runtime.js';
import { runSingerCli } from './cli.js';

exitQuietlyWhenStdoutCloses();
// Exit through process.exitCode so buffered stdout (the final STATE) is flushed.
process.exitCode = await runSingerCli(process.argv.slice(2), { deps: singerDeps, print: printText, env: process.env });
