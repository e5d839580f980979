import { expect } from 'chai';
import fc from 'fast-check';
import { compare, isInteger, parseDecimal, sum, toDecimalString, toExact } from '../../src/rules/index.js';

describe('exact decimals', () => {
  it('sums without float error', () => {
    expect(toDecimalString(sum([toExact(0.1)!, toExact(0.2)!]))).to.equal('0.3');
    expect(compare(sum([toExact('7730.28')!, toExact('0.72')!]), 7731)).to.equal(0);
    expect(toDecimalString(sum([toExact('24252.311082')!, toExact(1)!], [1, -1]))).to.equal('24251.311082');
  });

  it('goes past the safe integer range exactly', () => {
    const big = sum([Number.MAX_SAFE_INTEGER, 2]);
    expect(toDecimalString(big)).to.equal('9007199254740993');
    expect(toDecimalString(toExact(1e21)!)).to.equal('1000000000000000000000');
  });

  it('parses and prints canonical decimal strings', () => {
    expect(toDecimalString(parseDecimal('012.500')!)).to.equal('12.5');
    expect(toDecimalString(parseDecimal('-0.0')!)).to.equal('0');
    expect(toDecimalString(parseDecimal('1.5e-3')!)).to.equal('0.0015');
    expect(parseDecimal('1,234')).to.equal(null);
    expect(parseDecimal('abc')).to.equal(null);
    expect(isInteger(parseDecimal('3.000')!)).to.equal(true);
    expect(isInteger(parseDecimal('3.01')!)).to.equal(false);
  });

  it('agrees with BigInt arithmetic on random integers and cents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), { minLength: 1, maxLength: 20 }),
        (xs) => {
          const cents = xs.map((x) =>
            parseDecimal(
              (x < 0n ? '-' : '') +
                (x < 0n ? -x : x)
                  .toString()
                  .padStart(3, '0')
                  .replace(/(\d{2})$/, '.$1'),
            )!,
          );
          const want = xs.reduce((a, b) => a + b, 0n);
          const got = sum(cents);
          expect(
            compare(
              got,
              parseDecimal(
                (want < 0n ? '-' : '') +
                  (want < 0n ? -want : want)
                    .toString()
                    .padStart(3, '0')
                    .replace(/(\d{2})$/, '.$1'),
              )!,
            ),
          ).to.equal(0);
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });
});
