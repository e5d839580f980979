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

export interface MarkLine {
  readonly finding: Finding;
  readonly equation: Explanation;
  /** `reported`: the cell is on the reported side (a total); `term`: one of the cells it is computed from. */
  readonly role: 'reported' | 'term';
  /** |computed − reported|, a decimal string. */
  readonly diff: string;
  /** The value this cell would need for this equation to hold. */
  readonly needed: string;
}

export interface CellMark {
  readonly path: string;
  /** The cell's own value (decimal string). */
  readonly value: string;
  readonly lines: readonly MarkLine[];
  /** Set when one value of this cell makes every line hold (always so for a single line). */
  readonly needed?: string;
  /** The other cells of the equations of the lines (this report's, not last year's), in order. */
  readonly tied: readonly string[];
}

export interface CellMarks {
  /** Marks by cell path. */
  readonly marks: ReadonlyMap<string, CellMark>;
  /** The cell each equation finding is shown on; findings without a matching equation are absent. */
  readonly placed: ReadonlyMap<Finding, string>;
}

const key = (rule: string, cells: readonly string[]) => rule + '|' + cells.join(',');
const terms = (e: Explanation): readonly Term[] => [...e.expectedTerms, ...e.actualTerms];
const num = (s: string | null) => (s === null ? null : toExact(s));
const neg = (x: Exact) => sum([x], [-1]);
const abs = (x: Exact) => (compare(x, 0) < 0 ? neg(x) : x);

/**
 * How much a term has to change for its equation to hold (exact), or null when the equation is not
 * checked. A reported term with sign s moves the reported side by s·δ, a computed term the computed side.
 */
function change(e: Explanation, path: string): Exact | null {
  const exp = num(e.expected);
  const act = num(e.actual);
  if (exp === null || act === null) return null;
  const d = sum([exp, act], [1, -1]);
  const reported = e.actualTerms.find((t) => t.path === path);
  const term = reported ?? e.expectedTerms.find((t) => t.path === path);
  if (!term) return null;
  // reported side: s·δ = d; computed side: s·δ = −d
  return reported ? (term.sign > 0 ? d : neg(d)) : term.sign > 0 ? neg(d) : d;
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
    byKey.set(
      key(
        e.rule,
        terms(e).map((t) => t.path),
      ),
      e,
    );
    if (e.status === 'skipped') continue;
    for (const t of terms(e)) {
      let list = byCell.get(t.path);
      if (!list) byCell.set(t.path, (list = []));
      if (!list.includes(e)) list.push(e);
    }
  }
  const failing = findings
    .filter((f) => f.status === 'fail')
    .map((f) => ({ f, e: byKey.get(key(f.rule, f.cells)) }))
    .filter((x): x is { f: Finding; e: Explanation } => x.e?.status === 'fails');

  // Cells where one change explains every equation they are in, and at least two of them fail.
  const explains = new Map<string, Exact | null>();
  const consistent = (path: string): Exact | null => {
    if (explains.has(path)) return explains.get(path)!;
    let delta: Exact | null = null;
    const list = byCell.get(path) ?? [];
    let ok = list.length >= 2 && !path.startsWith('previous:');
    for (const e of list) {
      const c = ok && e.status === 'fails' ? change(e, path) : null;
      if (c === null || (delta !== null && compare(c, delta) !== 0)) ok = false;
      else delta = c;
    }
    const out = ok ? delta : null;
    explains.set(path, out);
    return out;
  };

  const placed = new Map<Finding, string>();
  const lines = new Map<string, MarkLine[]>();
  for (const { f, e } of failing) {
    const candidates = terms(e).filter((t) => consistent(t.path) !== null);
    const reported = e.actualTerms.find((t) => !t.path.startsWith('previous:'));
    const at = candidates.length === 1 ? candidates[0]! : reported;
    if (!at || at.value === null) continue;
    const delta = change(e, at.path)!;
    const value = toExact(at.value)!;
    placed.set(f, at.path);
    let list = lines.get(at.path);
    if (!list) lines.set(at.path, (list = []));
    list.push({
      finding: f,
      equation: e,
      role: e.actualTerms.includes(at) ? 'reported' : 'term',
      diff: toDecimalString(abs(delta)),
      needed: toDecimalString(sum([value, delta])),
    });
  }

  const marks = new Map<string, CellMark>();
  for (const [path, ls] of lines) {
    const value = terms(ls[0]!.equation).find((t) => t.path === path)!.value!;
    const tied: string[] = [];
    for (const l of ls)
      for (const t of terms(l.equation))
        if (t.path !== path && !t.path.startsWith('previous:') && !tied.includes(t.path)) tied.push(t.path);
    const needed = ls.every((l) => l.needed === ls[0]!.needed) ? ls[0]!.needed : undefined;
    marks.set(path, { path, value, lines: ls, tied, ...(needed === undefined ? {} : { needed }) });
  }
  return { marks, placed };
}

type Lang = 'zh' | 'en';

/** How the cell stands to the rest of the equation, by rule and role: [reported, term]. */
const RELATION: Record<string, Record<Lang, readonly [string, string]>> = {
  'T3-COL': {
    zh: ['与各列合计不符', '与本行总计不符'],
    en: ['does not match the sum of the columns', 'does not match the row total'],
  },
  'T3-TOTAL': {
    zh: ['与各项合计不符', '与本列总计不符'],
    en: ['does not match the sum of the rows', 'does not match the column total'],
  },
  'T3-BAL': {
    zh: ['本列收支不平衡', '本列收支不平衡'],
    en: ['the column does not balance', 'the column does not balance'],
  },
  'T4-SUM': {
    zh: ['与各项合计不符', '与总计不符'],
    en: ['does not match the sum of its parts', 'does not match the total'],
  },
  'X-CARRY': {
    zh: ['与上年报告的结转数不符', '与上年报告的结转数不符'],
    en: ["does not match last year's carried forward", "does not match last year's carried forward"],
  },
  'X-INFORCE': {
    zh: ['与按上年报告推算的件数不符', '与现行有效件数的推算不符'],
    en: ["differs from last year's in force + issued − repealed", 'does not fit the in-force count'],
  },
};
const OTHER: Record<Lang, string> = { zh: '勾稽关系不成立', en: 'a cross-footing check fails' };

/** One line of a mark in words: "与各项合计不符，差 1" / "does not match the sum of the rows: off by 1". */
export function lineText(line: MarkLine, lang: Lang): string {
  const rel = RELATION[line.finding.rule]?.[lang][line.role === 'reported' ? 0 : 1] ?? OTHER[lang];
  return lang === 'en' ? `${rel}: off by ${line.diff}` : `${rel}，差 ${line.diff}`;
}

/** The closing line of a mark: the value that would make its equations hold ("为 113 时相符"). */
export function neededText(mark: CellMark, lang: Lang): string | undefined {
  const v = mark.needed;
  if (v === undefined) return undefined;
  const all = mark.lines.length > 1;
  return lang === 'en' ? `${v} would fit${all ? ' all of these' : ''}` : `为 ${v} 时${all ? '以上都' : ''}相符`;
}

/** Short words for the other findings in a cell, by rule, when the message does not end with them. */
const NOTE: Record<string, Record<Lang, string>> = {
  NUM: { zh: '不是有效的数量', en: 'not a valid count' },
  BLANK: { zh: '空白不等于零，应填数字', en: 'a blank is not a zero: write a number' },
  SCHEMA: { zh: '不符合报告数据格式', en: 'does not fit the report format' },
  FORMAT: { zh: '与报告所用格式不一致', en: "not in the report's format" },
  TEXT: { zh: '与正文所述不一致', en: 'differs from the text' },
  LABEL: { zh: '与标准表述不一致', en: 'differs from the official wording' },
};

/**
 * The words of a finding that is not an equation, in its cell: a short phrase for the rule, or for a
 * value the rule judged (NUM, RULE-MAKING) what its message says after naming the cell
 * ("“…”为 -1：数量不能为负数" → "数量不能为负数").
 */
export function findingNote(f: Finding, lang: Lang): string {
  const m = f.rule !== 'BLANK' && /^“[^”]*”[^：:“]*[：:]\s*(.+)$/.exec(f.message);
  return m ? m[1]! : (NOTE[f.rule]?.[lang] ?? (lang === 'en' ? 'see the summary' : '见校验结果'));
}
