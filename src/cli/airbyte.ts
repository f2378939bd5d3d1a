/**
 * The Airbyte command line: spec | check --config | discover --config |
 * read --config --catalog [--state]. Parses arguments, reads files, runs the command and
 * returns the exit code; all protocol output goes through the deps' sink.
 */
import yargs, { type Argv } from 'yargs';

import type { SourceDeps } from '../deps.js';
import { asConnectorError, configError, ConnectorError } from '../errors.js';
import { connectionStatus, traceError } from '../protocol/airbyte.js';
import { runCheck, runDiscover, runRead, runSpec } from '../source.js';
import { VERSION } from '../version.js';
import { readJsonFile } from './files.js';

export interface CliIo {
  /** Builds the dependencies once the log level (--debug) is known. */
  deps: (debug: boolean) => SourceDeps;
  /** Where --help and --version text goes (stdout for a person at a terminal). */
  printHelp: (text: string) => void;
  /** Extra commands (the emulator, the demo) registered by the entry point. */
  extend?: (cli: Argv) => Argv;
}

interface Args {
  config?: string | undefined;
  catalog?: string | undefined;
  state?: string | undefined;
  debug?: boolean | undefined;
}

const configOption = { type: 'string', demandOption: true, describe: 'Path to the connector config JSON' } as const;

export async function runAirbyteCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  let deps: SourceDeps | undefined;
  const depsFor = (args: Args): SourceDeps => (deps ??= io.deps(args.debug === true));
  const guard = (command: string, work: (args: Args) => Promise<number>) => async (args: Args): Promise<void> => {
    try {
      exitCode = await work(args);
    } catch (error) {
      exitCode = 1;
      const failure = asConnectorError(error);
      const target = depsFor(args);
      target.logger.error({ command, internal: failure.internalMessage }, failure.message);
      await target.sink.write(traceError({ message: failure.message, failureType: failure.failureType, internalMessage: failure.internalMessage }, target.clock.now()));
    }
  };

  let cli: Argv = yargs([...argv])
    .scriptName('source-claude-admin')
    .usage('$0 <command> [options]\n\nAirbyte source for the Claude Admin API. Messages are written to stdout as JSON lines.')
    .option('debug', { type: 'boolean', describe: 'Log at debug level' })
    .command('spec', 'Print the connector specification', { debug: { type: 'boolean' } }, guard('spec', async (args) => {
      await runSpec(depsFor(args));
      return 0;
    }))
    .command('check', 'Check the config and the API key', { config: configOption }, guard('check', async (args) => {
      const target = depsFor(args);
      let config: unknown;
      try {
        config = await readJsonFile(args.config ?? '', '--config');
      } catch (error) {
        // A missing or malformed config file is a config problem: FAILED, exit 0.
        await target.sink.write(connectionStatus(false, (error as Error).message));
        return 0;
      }
      await runCheck(config, target);
      return 0;
    }))
    .command('discover', 'Print the catalog of streams', { config: configOption }, guard('discover', async (args) => {
      await runDiscover(await readJsonFile(args.config ?? '', '--config'), depsFor(args));
      return 0;
    }))
    .command('read', 'Read the selected streams', {
      config: configOption,
      catalog: { type: 'string', demandOption: true, describe: 'Path to the configured catalog JSON' },
      state: { type: 'string', describe: 'Path to the state JSON (an array of STATE messages)' },
    }, guard('read', async (args) => {
      const config = await readJsonFile(args.config ?? '', '--config');
      const catalog = await readJsonFile(args.catalog ?? '', '--catalog');
      const state = args.state === undefined ? undefined : await readJsonFile(args.state, '--state', { emptyIsUndefined: true });
      const summary = await runRead({ config, catalog, state }, depsFor(args));
      return summary.failed.length > 0 ? 1 : 0;
    }))
    .demandCommand(1, 'No command given: expected spec, check, discover or read.')
    .strict()
    .version(VERSION)
    .help()
    .exitProcess(false)
    .fail((message: string | null, error: Error | undefined) => {
      throw error ?? configError(`Invalid arguments: ${(message ?? 'unknown error').replace(/\.$/, '')}. Run with --help for usage.`);
    });
  if (io.extend) cli = io.extend(cli);

  try {
    let helpText = '';
    await cli.parseAsync([...argv], {}, (_error, _argv, output) => {
      helpText = output;
    });
    if (helpText !== '') io.printHelp(helpText);
  } catch (error) {
    const failure = error instanceof ConnectorError ? error : configError(`Invalid arguments: ${(error as Error).message}. Run with --help for usage.`);
    const target = depsFor({ debug: argv.includes('--debug') });
    await target.sink.write(traceError({ message: failure.message, failureType: failure.failureType }, target.clock.now()));
    return 1;
  }
  return exitCode;
}
