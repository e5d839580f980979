/**
 * Which findings a cell shows, as plain data (no DOM, no lit: runs in Node). The viewer and the editor
 * mark cells from it; `renderStaticHtml` may too.
 *
 * For an equation rule (T3-BAL, T3-TOTAL, T3-COL, T4-SUM, X-CARRY, ...) a finding is shown on one cell,
 * chosen by `cellMarks` (src/view/cell-marks.ts): the cell whose change explains every failing
 * equation it is in, else the reported total (e.g. （七）总计, not the 20 rows it sums); the other cells
 * of the equation are tied to the mark and outlined with it. Other findings
 * (NUM, BLANK, FORMAT, SCHEMA, ...) are shown on all their cells. A finding on a row or table that is
 * not an object (`"granted": 5`) is shown on the cells under it. Cells of last year's report
 * (`previous:…`) are never marked.
 */
import {
  explainReport,
  cellAt,
  layoutCells,
  isObject,
  type Explanation,
  type Finding,
  type ReportLayout,
  type Severity,
  type TableId,
  TABLE_IDS,
  type ValidationResult,
} from '../rules/index.js';
import type { Locale } from '../i18n/locale.js';
import { cellMarks, isPrevious, type CellMark } from './cell-marks.js';

export { TABLE_IDS };

/** A path into last year's report (`previous:applications.carriedOver.natural`). */
export { isPrevious };
/** The table a path lies in. */
export const tableOf = (path: string): TableId | undefined =>
  TABLE_IDS.find((t) => path === t || path.startsWith(t + '.'));
/** A total cell (opens "how it is computed" and is in the tab order). */
export const isTotalPath = (path: string) => /(^|\.)total(\.|$)/.test(path);
/** A finding's key, stable across re-validation (focus follows its finding; its message may change). */
export const findingKey = (f: Finding) => `${f.rule}|${f.status}|${f.cells.join(',')}`;

export interface FindingIndex {
  /** The failing findings shown on each cell (REPORT-JSON path → findings, in result order). */
  readonly byCell: ReadonlyMap<string, readonly Finding[]>;
  /** The cells each failing finding is shown on. */
  readonly primary: ReadonlyMap<Finding, readonly string[]>;
  /** The mark of each cell that shows an equation finding: its words' numbers and its tied cells. */
  readonly marks: ReadonlyMap<string, CellMark>;
  /**
   * The equations of a cell: where it is the reported value (as `explainCell`), then those of its
   * mark (a cell the equations are computed from). Never throws.
   */
  explain(path: string): Explanation[];
  /** The worst severity of the findings on a cell, if any. */
  worst(path: string): Severity | undefined;
  /** The cells that the equations of an (open or hovered) cell are made of. */
  terms(path: string | undefined): Set<string>;
}

export interface IndexOptions {
  locale: Locale;
  /** Last year's report, when the cross-year rules ran with one. */
  previous?: unknown;
}

/** Index the failing findings of a validation result by cell. */
export function indexFindings(
  result: ValidationResult | undefined,
  layout: ReportLayout | undefined,
  options: IndexOptions,
): FindingIndex {
  const byCell = new Map<string, Finding[]>();
  const primary = new Map<Finding, string[]>();
  const report = result?.report;
  // every equation of the report, once and only when needed (a failing finding, an opened cell)
  let equations: Explanation[] | undefined;
  const all = () => (equations ??= report ? explainReport(report, options) : []);
  const findings = result?.findings ?? [];
  const { marks, placed } = cellMarks(findings, findings.some((f) => f.status === 'fail') ? all() : []);
  const explained = new Map<string, Explanation[]>();
  const explain = (path: string): Explanation[] => {
    let e = explained.get(path);
    if (!e) {
      e = all().filter((x) => x.actualTerms.some((t) => t.path === path));
      for (const l of marks.get(path)?.lines ?? []) if (!e.includes(l.equation)) e.push(l.equation);
      explained.set(path, e);
    }
    return e;
  };
  const under = (path: string) => {
    const cells =
      !layout || cellAt(layout, path) ? [] : layoutCells(layout).filter((c) => c.path.startsWith(path + '.'));
    return cells.length ? cells.map((c) => c.path) : [path];
  };
  for (const f of result?.findings ?? []) {
    if (f.status !== 'fail') continue;
    const at = placed.get(f);
    const cells = at ? [at] : f.cells.filter((c) => c && !isPrevious(c)).flatMap(under);
    primary.set(f, cells);
    for (const c of cells) {
      let list = byCell.get(c);
      if (!list) byCell.set(c, (list = []));
      if (!list.includes(f)) list.push(f);
    }
  }
  return {
    byCell,
    primary,
    marks,
    explain,
    worst(path) {
      const list = byCell.get(path);
      return list?.some((f) => f.severity === 'error')
        ? 'error'
        : list?.some((f) => f.severity === 'warning')
          ? 'warning'
          : list && 'info';
    },
    terms: (path) =>
      new Set(path ? explain(path).flatMap((e) => [...e.expectedTerms, ...e.actualTerms].map((x) => x.path)) : []),
  };
}

export interface TableStatus {
  kind: 'pass' | 'error' | 'notice' | 'unchecked';
  count: number;
}

/** A table's badge in words and its icon (通过 ✔ / N 处错误 ✖ / N 处提示 ⚠ / 未检查 –), for the element and static HTML. */
export function badgeOf(
  st: TableStatus,
  t: { badgeErrors(n: number): string; badgeNotices(n: number): string; badgePass: string; badgeUnchecked: string },
): [text: string, icon: string] {
  return st.kind === 'error'
    ? [t.badgeErrors(st.count), '✖']
    : st.kind === 'notice'
      ? [t.badgeNotices(st.count), '⚠']
      : st.kind === 'pass'
        ? [t.badgePass, '✔']
        : [t.badgeUnchecked, '–'];
}

/** The badge of one table: from the failing findings whose cells lie in it. */
export function tableStatus(
  data: Record<string, unknown> | undefined,
  result: ValidationResult | undefined,
  table: TableId,
): TableStatus {
  if (!data || !result || !isObject(data[table])) return { kind: 'unchecked', count: 0 };
  let errors = 0;
  let notices = 0;
  let schema = false;
  for (const f of result.findings) {
    if (f.rule === 'SCHEMA') schema = true;
    if (f.status !== 'fail' || !f.cells.some((c) => !isPrevious(c) && tableOf(c) === table)) continue;
    if (f.severity === 'error') errors++;
    else notices++;
  }
  if (errors) return { kind: 'error', count: errors };
  if (notices) return { kind: 'notice', count: notices };
  if (schema && !result.report) return { kind: 'unchecked', count: 0 };
  return { kind: 'pass', count: 0 };
}
