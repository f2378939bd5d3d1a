/** Exact decimal arithmetic for assertions: decimal strings as BigInt in 1e-8 units. */
const SCALE = 8;

export function toUnits(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  if (fraction.length > SCALE) throw new Error(`too many decimals: ${decimal}`);
  const units = BigInt(whole) * 10n ** BigInt(SCALE) + BigInt(fraction.padEnd(SCALE, '0'));
  return negative ? -units : units;
}

export const sum = (values: Iterable<string>): bigint => [...values].reduce((total, value) => total + toUnits(value), 0n);
