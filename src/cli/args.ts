/**
 * Command-line parsing on Node's own `util.parseArgs` (no dependency to load at start-up):
 * strict options, and failures as one-line config errors that say what is wrong.
 */
import { parseArgs } from 'node:util';

import { configError } from '../errors.js';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; describe: string; required?: boolean; choices?: readonly string[] }>;

export type ParsedOptions = Record<string, string | boolean | string[] | undefined>;

export const invalidArguments = (reason: string): Error => configError(`Invalid arguments: ${reason}. Run with --help for usage.`);

function reasonOf(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) return `Unknown argument: ${option.replace(/^-+/, '')}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) return `${option} needs a value`;
  return message.split('. ')[0] ?? message;
}

/** Options and positionals of `args`; unknown options, missing values and required options fail. */
export function parseOptions(args: readonly string[], spec: OptionSpec, positionals = 0): { values: ParsedOptions; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(Object.entries(spec).map(([name, option]) => [name, { type: option.type, ...(option.multiple === true ? { multiple: true } : {}) }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw invalidArguments(reasonOf(error));
  }
  const values = parsed.values as ParsedOptions;
  const extra = parsed.positionals.slice(positionals);
  if (extra.length > 0) throw invalidArguments(`Unknown argument: ${extra.join(', ')}`);
  for (const [name, option] of Object.entries(spec)) {
    const value = values[name];
    if (option.required === true && (value === undefined || (Array.isArray(value) && value.length === 0))) throw invalidArguments(`Missing required argument: ${name}`);
    if (option.choices !== undefined && typeof value === 'string' && !option.choices.includes(value)) {
      throw invalidArguments(`--${name} must be one of ${option.choices.join(', ')}, got ${JSON.stringify(value)}`);
    }
  }
  return { values, positionals: parsed.positionals.slice(0, positionals) };
}

/** The options part of a usage text. */
export function describeOptions(spec: OptionSpec): string {
  return Object.entries(spec)
    .map(([name, option]) => `  --${name}${option.type === 'string' ? ' <value>' : ''}`.padEnd(26) + option.describe + (option.required === true ? ' (required)' : ''))
    .join('\n');
}
