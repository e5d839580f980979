/**
 * Exact decimal arithmetic for report values: counts are integers, 万元 amounts are decimals such as
 * "7730.28". Values are kept as a scaled BigInt, so sums and comparisons never suffer float error.
 * Safe integers (every realistic count) take a plain-number fast path.
 */

/** value = n / 10^scale */
export interface Decimal {
  readonly n: bigint;
  readonly scale: number;
}

/** A number that is exact as it is (safe integer), or an exact decimal. */
export type Exact = number | Decimal;

const DEC = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Parse a JSON number or decimal string exactly; null when it is not a finite decimal. */
export function toExact(x: unknown): Exact | null {
  if (typeof x === 'number') {
    if (Number.isSafeInteger(x)) return x;
    if (!Number.isFinite(x)) return null;
    return parseDecimal(String(x));
  }
  if (typeof x === 'string') return parseDecimal(x.trim());
  return null;
}

/**
 * The most digits a number may have, written out in full (no exponent): more cannot be checked
 * (a 4-million-digit amount would take seconds), and no count or amount of a report comes near.
 */
export const MAX_DIGITS = 30;

/** Parse a decimal (`-12`, `7730.28`, `1e-7`) exactly; null when it is not one or has more than MAX_DIGITS digits. */
export function parseDecimal(s: string): Decimal | null {
  const m = DEC.exec(s);
  if (!m) return null;
  const [, sign, int, frac = '', exp] = m;
  let digits = (int! + frac).replace(/^0+/, '');
  let scale = frac.length - (exp ? Number(exp) : 0);
  // Digits written out in full: the fraction's (scale) or the integer's with the zeros an exponent adds.
  if (Math.max(scale, digits ? digits.length - Math.min(scale, 0) : 0) > MAX_DIGITS) return null;
  if (!digits) return { n: 0n, scale: 0 };
  if (scale < 0) {
    digits += '0'.repeat(-scale);
    scale = 0;
  }
  const n = BigInt(digits);
  return { n: sign === '-' ? -n : n, scale };
}

const pow10 = (k: number) => 10n ** BigInt(k);
const asDecimal = (x: Exact): Decimal => (typeof x === 'number' ? { n: BigInt(x), scale: 0 } : x);

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.n, b.n, a.scale];
  if (a.scale > b.scale) return [a.n, b.n * pow10(a.scale - b.scale), a.scale];
  return [a.n * pow10(b.scale - a.scale), b.n, b.scale];
}

/** Exact sum of signed terms. */
export function sum(terms: readonly Exact[], signs?: readonly (1 | -1)[]): Exact {
  let fast = 0;
  let i = 0;
  for (; i < terms.length; i++) {
    const t = terms[i]!;
    if (typeof t !== 'number') break;
    const next = signs && signs[i] === -1 ? fast - t : fast + t;
    if (!Number.isSafeInteger(next)) break;
    fast = next;
  }
  if (i === terms.length) return fast;
  let acc: Decimal = { n: BigInt(fast), scale: 0 };
  for (; i < terms.length; i++) {
    const t = asDecimal(terms[i]!);
    const [a, b, scale] = align(acc, t);
    acc = { n: signs && signs[i] === -1 ? a - b : a + b, scale };
  }
  return acc;
}

export function compare(a: Exact, b: Exact): -1 | 0 | 1 {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const [x, y] = align(asDecimal(a), asDecimal(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZero = (a: Exact) => (typeof a === 'number' ? a === 0 : a.n === 0n);
export const isNegative = (a: Exact) => (typeof a === 'number' ? a < 0 : a.n < 0n);

/** True when the value is a whole number (1.0 counts as whole). */
export function isInteger(a: Exact): boolean {
  if (typeof a === 'number') return true;
  return a.scale <= 0 || a.n % pow10(a.scale) === 0n;
}

/** Canonical decimal string: no exponent, no trailing fractional zeros ("12", "-3", "7730.28"). */
export function toDecimalString(a: Exact): string {
  if (typeof a === 'number') return String(a);
  const { n, scale } = a;
  if (scale <= 0) return (n * pow10(-scale)).toString();
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return (neg && (int !== '0' || frac) ? '-' : '') + int + (frac ? '.' + frac : '');
}
