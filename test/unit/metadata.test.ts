import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { PACKAGE_ROOT, VERSION } from '../../src/version.js';

const metadata = parse(readFileSync(join(PACKAGE_ROOT, 'metadata.yaml'), 'utf8')) as { data: Record<string, any> };
const dockerfile = readFileSync(join(PACKAGE_ROOT, 'Dockerfile'), 'utf8');

describe('distribution metadata', () => {
  it('keeps package.json, metadata.yaml and the image labels on one version and name', () => {
    expect(metadata.data['dockerImageTag']).toBe(VERSION);
    expect(dockerfile).toContain(`LABEL io.airbyte.version=${VERSION}`);
    expect(dockerfile).toContain(`LABEL io.airbyte.name=${String(metadata.data['dockerRepository'])}`);
    const entrypoint = /ENTRYPOINT \[(.*)\]/.exec(dockerfile)![1]!.split(',').map((part) => JSON.parse(part.trim()) as string).join(' ');
    expect(dockerfile).toContain(`ENV AIRBYTE_ENTRYPOINT="${entrypoint}"`);
  });

});
