/**
 * `tap-claude-admin`: the Singer command line over the same engine as the Airbyte mode.
 *   --config F [--config F2 …] [--catalog F | --properties F] [--state F]   sync
 *   --config F --discover                                                  catalog
 *   --about [--format json|markdown]   --version   --help
 * stdout carries only Singer messages (or the catalog / about document); everything else
 * goes to stderr, through the logger.
 */
import { writeSinger } from '../adapters/singer.js';
import { describeOptions, invalidArguments, type OptionSpec, parseOptions } from '../cli/args.js';
import { readJsonFile } from '../cli/files.js';
import { configSchema, parseConfig } from '../config.js';
import { registerSecrets, type SourceDeps } from '../deps.js';
import { asConnectorError, configError } from '../errors.js';
import type { JsonObject } from '../protocol/airbyte.js';
import { startRead } from '../source.js';
import { STREAMS } from '../streams/registry.js';
import { VERSION } from '../version.js';
import { aboutText, type AboutFormat } from './about.js';
import { parseSingerCatalog, singerCatalog } from './catalog.js';
import { parseSingerState } from './state.js';

export const TAP_NAME = 'tap-claude-admin';

export interface SingerIo {
  deps: (debug: boolean) => SourceDeps;
  /** Plain text for stdout (--about, --version, --help). */
  print: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

interface Args {
  config?: string[] | undefined;
  catalog?: string | undefined;
  properties?: string | undefined;
  state?: string | undefined;
  discover?: boolean | undefined;
  about?: boolean | undefined;
  format?: string | undefined;
  debug?: boolean | undefined;
  version?: boolean | undefined;
  help?: boolean | undefined;
}

/** `--config ENV`: settings from TAP_CLAUDE_ADMIN_<SETTING> variables, JSON-parsed when they parse. */
function configFromEnv(env: NodeJS.ProcessEnv): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[`TAP_CLAUDE_ADMIN_${key.toUpperCase()}`];
    if (value === undefined) continue;
    try {
      out[key] = key === 'admin_api_key' ? value : (JSON.parse(value) as unknown);
    } catch {
      out[key] = value;
    }
  }
  return out;
}

/** Later --config files override earlier ones, key by key (the Singer SDK's rule). */
async function readConfigs(paths: readonly string[], env: NodeJS.ProcessEnv): Promise<JsonObject> {
  let merged: JsonObject = {};
  for (const path of paths) {
    const part = path === 'ENV' ? configFromEnv(env) : await readJsonFile(path, '--config');
    if (typeof part !== 'object' || part === null || Array.isArray(part)) throw configError(`The --config file ${path} must hold a JSON object.`);
    merged = { ...merged, ...(part as JsonObject) };
  }
  return merged;
}

async function sync(args: Args, raw: JsonObject, deps: SourceDeps): Promise<number> {
  const config = parseConfig(raw);
  const catalogPath = args.catalog ?? args.properties;
  const catalog = catalogPath === undefined ? undefined : await readJsonFile(catalogPath, args.catalog === undefined ? '--properties' : '--catalog');
  const selections = parseSingerCatalog(catalog, STREAMS);
  const state = parseSingerState(args.state === undefined ? undefined : await readJsonFile(args.state, '--state', { emptyIsUndefined: true }));
  const read = startRead(config, selections, state.states, deps);
  const summary = await writeSinger(read.events, deps.sink, { selections, state: state.value, now: () => deps.clock.now(), logger: deps.logger });
  read.finished();
  if (summary.failed.length === 0) return 0;
  deps.logger.error(`These streams did not sync: ${summary.failed.map(({ stream }) => stream).join(', ')}`);
  return 1;
}

const OPTIONS: OptionSpec = {
  config: { type: 'string', multiple: true, describe: 'Config JSON file (repeatable; later files win; ENV reads TAP_CLAUDE_ADMIN_* variables)' },
  catalog: { type: 'string', describe: 'Catalog with the selected streams' },
  properties: { type: 'string', describe: 'Legacy name for --catalog' },
  state: { type: 'string', describe: 'State JSON to resume from' },
  discover: { type: 'boolean', describe: 'Print the catalog and exit' },
  about: { type: 'boolean', describe: 'Print information about the tap and exit' },
  format: { type: 'string', describe: 'Format of --about: text, json or markdown', choices: ['text', 'json', 'markdown'] },
  debug: { type: 'boolean', describe: 'Log at debug level' },
  version: { type: 'boolean', describe: 'Print the version and exit' },
  help: { type: 'boolean', describe: 'Show this help' },
};

const USAGE = `${TAP_NAME} --config CONFIG [--catalog CATALOG] [--state STATE]
${TAP_NAME} --config CONFIG --discover
${TAP_NAME} --about [--format json|markdown]

Singer tap for the Claude Admin API.

${describeOptions(OPTIONS)}
`;

export async function runSingerCli(argv: readonly string[], io: SingerIo): Promise<number> {
  let deps: SourceDeps | undefined;
  const depsFor = (debug: boolean): SourceDeps => (deps ??= io.deps(debug));
  const code = await dispatch(argv, io, depsFor);
  await deps?.sink.flush();
  return code;
}

async function dispatch(argv: readonly string[], io: SingerIo, depsFor: (debug: boolean) => SourceDeps): Promise<number> {
  let args: Args;
  try {
    const { values } = parseOptions(argv, OPTIONS);
    if (values['catalog'] !== undefined && values['properties'] !== undefined) throw invalidArguments('--catalog and --properties are mutually exclusive');
    args = values;
  } catch (error) {
    depsFor(argv.includes('--debug')).logger.fatal(asConnectorError(error).message);
    return 2;
  }
  if (args.help === true || args.version === true) {
    io.print(args.help === true ? USAGE : `${VERSION}\n`);
    return 0;
  }
  const target = depsFor(args.debug === true);
  try {
    if (args.about === true) {
      io.print(aboutText((args.format ?? 'text') as AboutFormat));
      return 0;
    }
    if (args.config === undefined || args.config.length === 0) throw configError('Invalid arguments: --config is required (a JSON file with at least admin_api_key). Run with --help for usage.');
    const raw = await readConfigs(args.config, io.env);
    registerSecrets(raw, target.scrubber);
    if (args.discover === true) {
      // Discovery needs no API call; an incomplete config (no key yet) must not block `meltano select`.
      await target.sink.write(singerCatalog(STREAMS));
      return 0;
    }
    return await sync(args, raw, target);
  } catch (error) {
    const failure = asConnectorError(error);
    target.logger.fatal({ failure_type: failure.failureType }, failure.message);
    if (failure.internalMessage !== undefined) target.logger.debug(failure.internalMessage);
    return 1;
  }
}
