/** `source-claude-admin emulator`: serves the emulated Admin API until interrupted. */
import { describeOptions, invalidArguments, type OptionSpec, parseOptions } from '../cli/args.js';
import { SIZES, type Size } from './data.js';
import { Emulator, EMULATOR_ADMIN_KEY } from './server.js';

const OPTIONS: OptionSpec = {
  port: { type: 'string', describe: 'Port (default 0: a free one)' },
  seed: { type: 'string', describe: 'Seed of the generated organization (default 42)' },
  size: { type: 'string', describe: 'Organization size (default medium)', choices: Object.keys(SIZES) },
  'rate-per-minute': { type: 'string', describe: 'Organization-wide rate limit, 0 = off (default 100)' },
  'latency-ms': { type: 'string', describe: 'Added latency per request (default 0)' },
  'fault-rate': { type: 'string', describe: 'Share of requests that get a random transient fault, 0..1 (default 0)' },
  help: { type: 'boolean', describe: 'Show this help' },
};

function number(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) throw invalidArguments(`--${name} must be a non-negative number`);
  return parsed;
}

export async function runEmulatorCommand(argv: readonly string[]): Promise<number> {
  let values;
  try {
    values = parseOptions(argv, OPTIONS).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  if (values['help'] === true) {
    process.stdout.write(`source-claude-admin emulator [options]\n\nServes a local emulator of the Claude Admin API on 127.0.0.1.\n\n${describeOptions(OPTIONS)}\n`);
    return 0;
  }
  let emulator: Emulator;
  let port: number;
  try {
    port = number(values['port'], 'port', 0);
    emulator = new Emulator({
      seed: number(values['seed'], 'seed', 42),
      size: (values['size'] ?? 'medium') as Size,
      ratePerMinute: number(values['rate-per-minute'], 'rate-per-minute', 100),
      latencyMs: number(values['latency-ms'], 'latency-ms', 0),
      faultRate: number(values['fault-rate'], 'fault-rate', 0),
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const url = await emulator.start(port);
  process.stdout.write(`Claude Admin API emulator listening on ${url}\nAdmin API key: ${EMULATOR_ADMIN_KEY}\n` +
    `Config: {"admin_api_key": "${EMULATOR_ADMIN_KEY}", "base_url": "${url}"}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.stop();
  return 0;
}
