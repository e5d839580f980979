/**
 * Splitting digit runs that lost their cell separators (docs/format.md §8: `10203120001200000` holds 15
 * cells). Whitespace inside a run is a definite boundary; a cell never has a leading zero ("05"),
 * counts are whole, money may have decimals. Every split that fits is enumerated (bounded), then
 * filtered by the constraints of the row; the caller keeps the cells blank when more than one fits.
 */
import type { ValueKind } from '../model/layout.js';

export interface SplitResult {
  /** Candidate splits (cell texts), after the constraint filter. */
  fits: string[][];
  /** Splits that fit the cell formats, before the constraint filter. */
  candidates: number;
  /** Enumeration stopped at the bound: the count is a lower bound. */
  overflow: boolean;
}

const COUNT = /^(0|[1-9]\d*)$/;
const SIGNED = /^-?(0|[1-9]\d*)$/;
const MONEY = /^(0|[1-9]\d*)(\.\d+)?$/;

function fitsKind(piece: string, kind: ValueKind): boolean {
  if (kind === 'count') return COUNT.test(piece);
  if (kind === 'signed') return SIGNED.test(piece);
  return MONEY.test(piece);
}

/**
 * All ways to cut `tokens` (whitespace-separated pieces of a run) into `kinds.length` cells.
 * `check` filters complete candidates (a row's constraint). Bounded: at most `maxNodes` steps.
 */
export function splitRun(
  tokens: readonly string[],
  kinds: readonly ValueKind[],
  check?: (cells: readonly string[]) => boolean,
  maxNodes = 200_000,
  maxFits = 50,
): SplitResult {
  const fits: string[][] = [];
  let candidates = 0;
  let nodes = 0;
  let overflow = false;
  const cur: string[] = [];
  const m = kinds.length;
  // Minimal characters still needed: each remaining cell needs at least one.
  const dfs = (ti: number, pos: number) => {
    if (overflow) return;
    if (++nodes > maxNodes) {
      overflow = true;
      return;
    }
    if (ti === tokens.length) {
      if (cur.length === m) {
        candidates++;
        if (!check || check(cur)) {
          fits.push([...cur]);
          if (fits.length >= maxFits) overflow = true;
        }
      }
      return;
    }
    const tok = tokens[ti]!;
    const ci = cur.length;
    if (ci >= m) return;
    // Remaining characters must be enough for... at most one cell per char; at least one cell per token.
    const remainingTokens = tokens.length - ti - 1;
    if (m - ci < remainingTokens + 1) return;
    let restChars = tok.length - pos;
    for (let k = ti + 1; k < tokens.length; k++) restChars += tokens[k]!.length;
    if (restChars < m - ci) return;
    for (let end = pos + 1; end <= tok.length; end++) {
      const piece = tok.slice(pos, end);
      if (!fitsKind(piece, kinds[ci]!)) {
        if (kinds[ci] === 'count' && piece === '0') continue;
        if (piece.length > 1 && piece[0] === '0' && kinds[ci] === 'count') break;
        continue;
      }
      cur.push(piece);
      if (end === tok.length) dfs(ti + 1, 0);
      else dfs(ti, end);
      cur.pop();
      if (overflow) return;
    }
  };
  dfs(0, 0);
  return { fits, candidates, overflow };
}
