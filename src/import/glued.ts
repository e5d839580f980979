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

/** A linear equation over cells: Σ sign × cell = 0. */
export type Equation = ReadonlyArray<readonly [path: string, sign: 1 | -1]>;

/**
 * Glued runs of one table solved jointly under the table's equations (T3-TOTAL, T3-BAL). Each run
 * has candidate splits (already fitting its row's own equation); `known` gives the cells read
 * otherwise (null: blank or unread, so an equation with it cannot be used). A layered search over
 * the equations' residuals, bounded by `maxSteps` (state × candidate pairs): returns, per run, the
 * candidates that occur in at least one joint solution, and the equations that touch a run; or
 * `undefined` when the bound was reached.
 */
export function solveJoint(
  runs: ReadonlyArray<{ paths: readonly string[]; fits: ReadonlyArray<readonly number[]> }>,
  equations: readonly Equation[],
  known: (path: string) => number | null,
  maxSteps = 60_000,
): { possible: number[][]; used: number[] } | undefined {
  const owner = new Map<string, [number, number]>();
  runs.forEach((r, i) => r.paths.forEach((p, k) => owner.set(p, [i, k])));
  // The usable equations that touch a run: their constant part, and where each run enters them.
  const eqs: Array<{ c: number; last: number; index: number }> = [];
  const enter: Array<Array<[eq: number, pos: number, sign: number]>> = runs.map(() => []);
  equations.forEach((eq, index) => {
    let c = 0;
    let last = -1;
    const terms: Array<[number, number, number]> = [];
    for (const [p, sign] of eq) {
      const o = owner.get(p);
      if (o) {
        terms.push([o[0], o[1], sign]);
        last = Math.max(last, o[0]);
        continue;
      }
      const v = known(p);
      if (v === null) return;
      c += sign * v;
    }
    if (last < 0) return;
    for (const [run, pos, sign] of terms) enter[run]!.push([eqs.length, pos, sign]);
    eqs.push({ c, last, index });
  });
  const m = eqs.length;
  let steps = 0;
  type Step = [from: string, cand: number, to: string];
  const layers: Step[][] = [];
  let states = new Map<string, number[]>([[eqs.map((e) => e.c).join(), eqs.map((e) => e.c)]]);
  for (let i = 0; i < runs.length; i++) {
    const next = new Map<string, number[]>();
    const layer: Step[] = [];
    const closing = eqs.flatMap((e, j) => (e.last === i ? [j] : []));
    for (const [key, res] of states) {
      runs[i]!.fits.forEach((fit, cand) => {
        if (++steps > maxSteps) return;
        const r = res.slice();
        for (const [j, pos, sign] of enter[i]!) r[j]! += sign * fit[pos]!;
        if (closing.some((j) => r[j] !== 0)) return;
        const k = r.join();
        if (!next.has(k)) next.set(k, r);
        layer.push([key, cand, k]);
      });
    }
    if (steps > maxSteps) return undefined;
    layers.push(layer);
    states = next;
  }
  // Backwards: the states that lead to a solution, and the candidates on the way.
  let alive = new Set(states.keys());
  const possible: number[][] = runs.map(() => []);
  for (let i = runs.length - 1; i >= 0; i--) {
    const before = new Set<string>();
    const cands = new Set<number>();
    for (const [from, cand, to] of layers[i]!)
      if (alive.has(to)) {
        before.add(from);
        cands.add(cand);
      }
    possible[i] = [...cands].sort((a, b) => a - b);
    alive = before;
  }
  return m ? { possible, used: eqs.map((e) => e.index) } : undefined;
}
