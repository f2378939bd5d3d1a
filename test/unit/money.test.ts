import { describe, expect, it } from 'vitest';

import { centsToDollars } from '../../src/streams/money.js';

describe('centsToDollars', () => {
  it.each([
    ['123.78912', '1.2378912'],
    ['0.000001', '0.00000001'],
    ['123.45', '1.2345'],
    ['41280.000000', '412.80000000'],
    ['527.999760', '5.27999760'],
    ['0', '0.00'],
    ['5', '0.05'],
    ['0.5', '0.005'],
    ['100', '1.00'],
    ['1234567890123456789.123456', '12345678901234567.89123456'],
    ['-250', '-2.50'],
    ['-0', '0.00'],
  ])('%s cents is %s dollars, exactly', (cents, dollars) => {
    expect(centsToDollars(cents)).toBe(dollars);
  });

  it.each(['', 'abc', '1e-7', '1,5', 'NaN', '12.'])('rejects %j with a clear error', (value) => {
    expect(() => centsToDollars(value)).toThrow(/not a decimal number/);
  });
});
