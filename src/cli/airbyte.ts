/**
 * The Airbyte command line: spec | check --config | discover --config |
 * read --config --catalog [--state]. Parses arguments, reads files, runs the command and
 * returns the exit code; all protocol output goes through the sink. The commands' modules
 * are loaded only when they run, so `spec` starts almost as fast as Node itself.
 */
import type { SourceDeps } from '../deps.js';
import { asConnectorError } from '../errors.js';
import type { LineSink } from '../output.js';
import { connectionStatus, traceError } from '../protocol/airbyte.js';
import { loadSpec } from '../spec-file.js';
import { VERSION } from '../version.js';
import { describeOptions, invalidArguments, type OptionSpec, type ParsedOptions, parseOptions } from './args.js';
import { readJsonFile } from './files.js';

export interface ExtraCommand {
  describe: string;
  run: (argv: readonly string[]) => Promise<number>;
}

export interface CliIo {
  /** Builds the dependencies once the log level (--debug) is known. */
  deps: (debug: boolean) => SourceDeps | Promise<SourceDeps>;
  /** Where `spec` writes, without building the dependencies; defaults to the deps' sink. */
  sink?: LineSink;
  /** Where --help and --version text goes. */
  printHelp: (text: string) => void;
  /** Commands beyond the protocol's four (the emulator), registered by the entry point. */
  extraCommands?: Record<string, ExtraCommand>;
}

const debug = { type: 'boolean', describe: 'Log at debug level (or LOG_LEVEL=debug)' } as const;
const config = { type: 'string', describe: 'Path to the connector config JSON', required: true } as const;

const COMMANDS: Record<string, { describe: string; options: OptionSpec }> = {
  spec: { describe: 'Print the connector specification', options: { debug } },
  check: { describe: 'Check the config and the API key', options: { config, debug } },
  discover: { describe: 'Print the catalog of streams', options: { config, debug } },
  read: {
    describe: 'Read the selected streams',
    options: {
      config,
      catalog: { type: 'string', describe: 'Path to the configured catalog JSON', required: true },
      state: { type: 'string', describe: 'Path to the state JSON (an array of STATE messages)' },
      debug,
    },
  },
};

function usage(extra: Record<string, ExtraCommand>): string {
  const commands = [...Object.entries(COMMANDS), ...Object.entries(extra)].map(([name, command]) => `  ${name.padEnd(10)}${command.describe}`);
  const options = Object.entries(COMMANDS).map(([name, command]) => `${name}:\n${describeOptions(command.options)}`);
  return [
    'source-claude-admin <command> [options]',
    '',
    'Airbyte source for the Claude Admin API. Messages are written to stdout as JSON lines.',
    '',
    'Commands:',
    ...commands,
    '',
    ...options,
    '',
    '  --help, --version',
  ].join('\n');
}

async function run(command: string, args: ParsedOptions, io: CliIo): Promise<number> {
  const path = (name: string): string => String(args[name]);
  if (command === 'spec') {
    const sink = io.sink ?? (await io.deps(args['debug'] === true)).sink;
    await sink.write({ type: 'SPEC', spec: await loadSpec() });
    return 0;
  }
  const deps = await io.deps(args['debug'] === true);
  const source = await import('../source.js');
  if (command === 'check') {
    let raw: unknown;
    try {
      raw = await readJsonFile(path('config'), '--config');
    } catch (error) {
      // A missing or malformed config file is a config problem: FAILED, exit 0.
      await deps.sink.write(connectionStatus(false, (error as Error).message));
      return 0;
    }
    await source.runCheck(raw, deps);
    return 0;
  }
  if (command === 'discover') {
    await source.runDiscover(await readJsonFile(path('config'), '--config'), deps);
    return 0;
  }
  const state = args['state'] === undefined ? undefined : await readJsonFile(path('state'), '--state', { emptyIsUndefined: true });
  const summary = await source.runRead({ config: await readJsonFile(path('config'), '--config'), catalog: await readJsonFile(path('catalog'), '--catalog'), state }, deps);
  return summary.failed.length > 0 ? 1 : 0;
}

export async function runAirbyteCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Built once; every sink used is flushed before the exit code is returned.
  let built: Promise<SourceDeps> | undefined;
  const deps = (debug: boolean): Promise<SourceDeps> => (built ??= Promise.resolve(io.deps(debug)));
  const code = await dispatch(argv, { ...io, deps });
  await io.sink?.flush();
  if (built !== undefined) await (await built).sink.flush();
  return code;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const extra = io.extraCommands ?? {};
  const wantsDebug = argv.includes('--debug');
  const fail = async (error: unknown, command?: string): Promise<number> => {
    const failure = asConnectorError(error);
    const deps = await io.deps(wantsDebug);
    if (command !== undefined) deps.logger.error({ command, internal: failure.internalMessage }, failure.message);
    await deps.sink.write(traceError({ message: failure.message, failureType: failure.failureType, internalMessage: command === undefined ? undefined : failure.internalMessage }, deps.clock.now()));
    return 1;
  };
  const [command, ...rest] = argv;
  const extraCommand = command === undefined ? undefined : extra[command];
  if (extraCommand !== undefined) return extraCommand.run(rest);
  if (command === '--help' || command === '-h' || (command !== undefined && rest.includes('--help'))) {
    io.printHelp(usage(extra));
    return 0;
  }
  if (command === '--version') {
    io.printHelp(VERSION);
    return 0;
  }
  const definition = command === undefined ? undefined : COMMANDS[command];
  if (command === undefined || command.startsWith('-')) return fail(invalidArguments('No command given: expected spec, check, discover or read'));
  if (definition === undefined) return fail(invalidArguments(`Unknown argument: ${command}`));
  let args: ParsedOptions;
  try {
    args = parseOptions(rest, definition.options).values;
  } catch (error) {
    return fail(error);
  }
  try {
    return await run(command, args, io);
  } catch (error) {
    return fail(error, command);
  }
}
