/**
 * Which cell a failing equation (T3-COL, T3-TOTAL, T3-BAL, T4-SUM, X-CARRY, X-INFORCE) is shown on, and
 * what the mark in that cell says. A mark speaks about its own cell: the only numbers in it are the
 * difference of the equation and the value the cell would need for the equation to hold. Rule ids
 * are not in the mark (they stay in the summary and in the "how it is computed" panel).
 *
 * Where the mark goes:
 * - a cell that is a term of two or more failing equations, where one change of that cell makes every
 *   checked equation it takes part in hold (and no equation it is in holds today): the one number that
 *   explains them all, e.g. 一、本年新收 · 自然人 changed from 110 to 111 fails its row (T3-COL) and
 *   its column (T3-BAL): both are shown on that cell, "为 110 时以上都相符";
 * - otherwise the first reported cell of the equation (the total a sum should equal).
 * The other cells of each equation are `tied` to the mark, to be outlined with it.
 *
 * No DOM, no lit: built from `explainReport` (the rules' own equations), runs in Node and browsers.
 */
import { compare, sum, toDecimalString, toExact, type Exact } from '../model/decimal.js';
import type { Explanation, Finding, Term } from '../rules/types.js';
import type { UiStrings } from '../i18n/ui.js';

export interface MarkLine {
  readonly finding: Finding;
  readonly equation: Explanation;
  /** The cell is on the reported side (a total), not one of the cells it is computed from. */
  readonly reported: boolean;
  /** |computed − reported|, a decimal string. */
  readonly diff: string;
  /** The value this cell would need for this equation to hold. */
  readonly needed: string;
}

export interface CellMark {
  readonly path: string;
  readonly lines: readonly MarkLine[];
  /** Set when one value of this cell makes every line hold (always so for a single line). */
  readonly needed?: string;
}

export interface CellMarks {
  /** Marks by cell path. */
  readonly marks: ReadonlyMap<string, CellMark>;
  /** The cell each equation finding is shown on; findings without a matching equation are absent. */
  readonly placed: ReadonlyMap<Finding, string>;
}

const terms = (e: Explanation): readonly Term[] => [...e.expectedTerms, ...e.actualTerms];
/** A cell of last year's report (`previous:<path>`). */
export const isPrevious = (path: string) => path.startsWith('previous:');

/**
 * How much a term has to change for its equation to hold (exact), or null when the equation is not
 * checked. A reported term with sign s moves the reported side by s·δ, a computed term the computed side.
 */
function change(e: Explanation, path: string): Exact | null {
  if (e.expected === null || e.actual === null) return null;
  const d = sum([toExact(e.expected)!, toExact(e.actual)!], [1, -1]);
  const reported = e.actualTerms.find((t) => t.path === path);
  const term = reported ?? e.expectedTerms.find((t) => t.path === path);
  // reported side: s·δ = d; computed side: s·δ = −d
  return term ? sum([d], [term.sign > 0 === !!reported ? 1 : -1]) : null;
}

/**
 * Place the failing equation findings on cells. `equations` is `explainReport(report)` for the same
 * report (and last year's, for the cross-year rules) that `findings` came from.
 */
export function cellMarks(findings: readonly Finding[], equations: readonly Explanation[]): CellMarks {
  const byKey = new Map<string, Explanation>();
  // every checked equation each cell takes part in (held or failing)
  const byCell = new Map<string, Explanation[]>();
  for (const e of equations) {
    byKey.set(e.rule + terms(e).map((t) => t.path), e);
    if (e.status !== 'skipped') for (const t of terms(e)) byCell.set(t.path, [...(byCell.get(t.path) ?? []), e]);
  }
  // The change of a cell that makes every equation it is in hold, when at least two fail and none holds.
  const explains = (path: string): Exact | null => {
    const list = byCell.get(path) ?? [];
    let delta: Exact | null = null;
    if (list.length < 2 || isPrevious(path)) return null;
    for (const e of list) {
      const c = e.status === 'fails' ? change(e, path) : null;
      if (c === null || (delta !== null && compare(c, delta))) return null;
      delta = c;
    }
    return delta;
  };

  const placed = new Map<Finding, string>();
  const marks = new Map<string, CellMark>();
  for (const f of findings) {
    const e = f.status === 'fail' ? byKey.get(f.rule + f.cells) : undefined;
    if (e?.status !== 'fails') continue;
    const candidates = terms(e).filter((t) => explains(t.path) !== null);
    const at = candidates.length === 1 ? candidates[0] : e.actualTerms.find((t) => !isPrevious(t.path));
    if (!at || at.value === null) continue;
    const delta = change(e, at.path)!;
    placed.set(f, at.path);
    const line: MarkLine = {
      finding: f,
      equation: e,
      reported: e.actualTerms.includes(at),
      diff: toDecimalString(compare(delta, 0) < 0 ? sum([delta], [-1]) : delta),
      needed: toDecimalString(sum([toExact(at.value)!, delta])),
    };
    const lines = [...(marks.get(at.path)?.lines ?? []), line];
    const needed = lines.every((l) => l.needed === line.needed) ? line.needed : undefined;
    marks.set(at.path, needed === undefined ? { path: at.path, lines } : { path: at.path, lines, needed });
  }
  return { marks, placed };
}

/** The other cells of the equations of a mark (this report's, not last year's), in order: to outline with it. */
export function tiedCells(mark: CellMark): string[] {
  const out = new Set<string>();
  for (const l of mark.lines)
    for (const t of terms(l.equation)) if (t.path !== mark.path && !isPrevious(t.path)) out.add(t.path);
  return [...out];
}

/** The kind of equation of a rule: its words in `t.markRelation` (any other rule: the last). */
const RELATION: Record<string, number> = {
  'T3-COL': 0,
  'T3-TOTAL': 0,
  'T4-SUM': 0,
  'T3-BAL': 1,
  'X-CARRY': 2,
  'X-INFORCE': 3,
};

/** One line of a mark in words: "与各项合计不符，差 1" / "does not match the sum of the rows: off by 1". */
export function lineText(line: MarkLine, t: UiStrings): string {
  const rel = t.markRelation[RELATION[line.finding.rule] ?? 4]!;
  return t.markOff((rel[line.reported ? 0 : 1] ?? rel[0])!, line.diff);
}

/** The closing line of a mark: the value that would make its equations hold ("为 113 时相符"). */
export function neededText(mark: CellMark, t: UiStrings): string | undefined {
  return mark.needed === undefined ? undefined : t.markNeeded(mark.needed, mark.lines.length > 1);
}

/**
 * The words of a finding that is not an equation, in its cell: a short phrase for the rule, or for a
 * value the rule judged (NUM, RULE-MAKING) what its message says after naming the cell
 * ("“…”为 -1：数量不能为负数" → "数量不能为负数").
 */
export function findingNote(f: Finding, t: UiStrings): string {
  const m = f.rule !== 'BLANK' && /^“[^”]*”[^：:“]*[：:]\s*(.+)$/.exec(f.message);
  return m ? m[1]! : t.markNote[['NUM', 'BLANK', 'TEXT'].indexOf(f.rule) + 1]!;
}
