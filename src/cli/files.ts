/** Reading the JSON files named on the command line, with one-line reasons on failure. */
import { readFile } from 'node:fs/promises';

import { configError } from '../errors.js';

export async function readJsonFile(path: string, flag: string, options: { emptyIsUndefined?: boolean } = {}): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw configError(`Could not read the ${flag} file ${path} (${code}).`);
  }
  if (options.emptyIsUndefined === true && text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw configError(`The ${flag} file ${path} is not valid JSON: ${(error as Error).message}.`);
  }
}
