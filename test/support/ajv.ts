/** Ajv with string formats (uuid, uri, date-time), for validating the protocol and metadata documents. */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives as the module object under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const ajvWithFormats = (): Ajv => addFormats(new Ajv({ allErrors: true, strict: false }));
