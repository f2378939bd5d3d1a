/** `source-claude-admin emulator`: serves the emulated Admin API until interrupted. */
import type { Argv } from 'yargs';

import { SIZES, type Size } from './data.js';
import { Emulator, EMULATOR_ADMIN_KEY } from './server.js';

export function emulatorCommand(cli: Argv): Argv {
  return cli.command(
    'emulator',
    'Serve a local emulator of the Claude Admin API on 127.0.0.1 (no key or network needed)',
    {
      port: { type: 'number', default: 0, describe: 'Port (0 picks a free one)' },
      seed: { type: 'number', default: 42, describe: 'Seed of the generated organization' },
      size: { choices: Object.keys(SIZES), default: 'medium', describe: 'Organization size' },
      'rate-per-minute': { type: 'number', default: 100, describe: 'Organization-wide rate limit (0 = off)' },
      'latency-ms': { type: 'number', default: 0, describe: 'Added latency per request' },
      'fault-rate': { type: 'number', default: 0, describe: 'Share of requests that get a random transient fault (0..1)' },
    },
    async (args) => {
      const emulator = new Emulator({
        seed: args.seed,
        size: args.size as Size,
        ratePerMinute: args['rate-per-minute'],
        latencyMs: args['latency-ms'],
        faultRate: args['fault-rate'],
      });
      const url = await emulator.start(args.port);
      process.stdout.write(`Claude Admin API emulator listening on ${url}\nAdmin API key: ${EMULATOR_ADMIN_KEY}\n` +
        `Config: {"admin_api_key": "${EMULATOR_ADMIN_KEY}", "base_url": "${url}"}\nPress Ctrl+C to stop.\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await emulator.stop();
    },
  );
}
