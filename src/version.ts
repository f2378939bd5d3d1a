/** The package's root folder and version, found from this file's location (src/, dist/src/ or dist/bundle/). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'source-claude-admin') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of source-claude-admin not found');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot();
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
