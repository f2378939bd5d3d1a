/**
 * Cost amounts arrive as decimal strings in cents ("123.78912" is $1.2378912,
 * admin-api.md §18.4). Dollars are derived by moving the decimal point two places in the
 * string: no floating point ever touches money. All digits are kept (trailing zeros too),
 * so "41280.000000" cents becomes "412.80000000" dollars.
 */
import { ConnectorError } from '../errors.js';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export function centsToDollars(cents: string): string {
  const match = DECIMAL.exec(cents.trim());
  if (!match) throw new ConnectorError('system_error', `The cost report returned an amount that is not a decimal number: ${JSON.stringify(cents)}.`);
  const [, sign = '', whole = '', fraction = ''] = match;
  const padded = whole.padStart(3, '0');
  const integerPart = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  const dollars = `${integerPart}.${padded.slice(-2)}${fraction}`;
  const isZero = /^[0.]+$/.test(dollars);
  return `${sign === '-' && !isZero ? '-' : ''}${dollars}`;
}
