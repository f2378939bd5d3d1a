/** Build step: writes the SPEC generated from the zod config schema to dist/src/spec.json. */
import { writeFileSync } from 'node:fs';

import { spec } from '../spec.js';
import { SPEC_FILE } from '../spec-file.js';

writeFileSync(SPEC_FILE, `${JSON.stringify(spec())}\n`);
