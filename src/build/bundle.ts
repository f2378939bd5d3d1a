/**
 * Build step: bundles the two command lines into dist/bundle (main.js: Airbyte, tap.js:
 * Singer) with esbuild, code-split so each command loads only what it uses, and writes the
 * SPEC next to them. One bundle instead of ~60 modules and their dependencies' hundreds
 * halves the start-up of every command; the image and the npm package ship only this.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { build } from 'esbuild';

import { spec } from '../spec.js';
import { PACKAGE_ROOT } from '../version.js';

const outdir = join(PACKAGE_ROOT, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: { main: join(PACKAGE_ROOT, 'src', 'main.ts'), tap: join(PACKAGE_ROOT, 'src', 'singer', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // pino and ajv are CommonJS and call require(): give every ES module chunk one.
  banner: { js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);" },
});
writeFileSync(join(outdir, 'spec.json'), `${JSON.stringify(spec())}\n`);
