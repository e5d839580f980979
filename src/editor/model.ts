/**
 * The editor's report model, DOM-free (Node-testable): a blank report to start from, last year's
 * carry-over, reading what a person types into a cell, immutable cell updates, the cell grid for
 * keyboard movement and block paste, and the values the equations offer for total cells.
 *
 * Nothing here turns a blank into 0: a cell becomes a number only from what the user typed or pasted,
 * or from an offer the user accepted.
 */
import {
  cellAt,
  getLayout,
  gridCells,
  isObject,
  layoutCells,
  layoutOf,
  leafColumns,
  leafRows,
  readPath,
  type CellLayout,
  type Format,
  type Grid,
  type ReportLayout,
  type ValueKind,
} from '../model/layout.js';
import { RULES } from '../rules/catalog.js';
import { contextOf } from '../rules/context.js';
import { equationInstances, type EquationParams } from '../rules/facts/core.js';
import type { TermRef } from '../rules/facts/expand.js';
import { compare, sum, toDecimalString, type Exact } from '../model/decimal.js';
import type { Report } from '../model/report.js';

/** What a cell holds in the report JSON: a number, an exact decimal string, a text the user typed that is not a number, or blank. */
export type CellValue = number | string | null;

export interface StartOptions {
  /** The report year (the statistics period). */
  year: number;
  /** The agency's full name. */
  agency?: string;
  /** Last year's report: 二、上年结转 is filled per column from its 四、结转下年度继续办理. */
  previous?: unknown;
}

/** The official title of a report. */
export const reportTitle = (agency: string | undefined, year: number): string =>
  `${agency ?? ''}${year}年政府信息公开工作年度报告`;

/**
 * A new report in the 2021 format: every cell of the three tables present and blank (`null`), the
 * prose sections empty. With last year's report, 二、上年结转 takes last year's 四、结转下年度继续办理 per
 * column (only where last year's cell holds a whole number; nothing is guessed for the others).
 */
export function startNew({ year, agency, previous }: StartOptions): Report {
  const layout = getLayout('2021');
  let report: Record<string, unknown> = {
    schemaVersion: 1,
    format: '2021',
    year,
    agency: { name: agency ?? '' },
    title: reportTitle(agency, year),
    sections: { overview: '', problems: '', other: '' },
  };
  for (const cell of layoutCells(layout)) report = setIn(report, cell.keys, null);
  if (isObject(previous)) {
    for (const cell of layoutCells(layout)) {
      if (!cell.path.startsWith('applications.carriedOver.')) continue;
      const last = readPath(previous, ['applications', 'carriedForward', cell.column.key]);
      if (typeof last === 'number' && Number.isSafeInteger(last) && last >= 0) report = setIn(report, cell.keys, last);
    }
  }
  return report as unknown as Report;
}

/** A copy of `obj` with the value at `keys` replaced; objects on the way are copied, the rest shared. */
export function setIn<T>(obj: T, keys: readonly string[], value: unknown): T {
  const [k, ...rest] = keys;
  if (k === undefined) return value as T;
  const base: Record<string, unknown> = isObject(obj) ? obj : {};
  return { ...base, [k]: setIn(base[k], rest, value) } as T;
}

/** The value at a cell path of a report (undefined when missing). */
export const cellValue = (report: unknown, path: string): unknown => readPath(report, path);

/** Set one cell (`path` a dotted REPORT-JSON path). */
export const setCell = <T>(report: T, path: string, value: CellValue): T => setIn(report, path.split('.'), value);

const FULL_WIDTH_DIGITS = /[０-９．，－]/g;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * What a person typed into a cell, as the report JSON stores it. Blank (or only spaces) → `null`;
 * whole numbers (full-width digits and thousands separators accepted) → a number; in money cells a
 * decimal → the exact decimal string as typed (no float rounding); anything else is kept as the text
 * typed, so that the rules show it as "not a number" instead of the editor dropping it.
 */
export function parseCellInput(text: string, kind: ValueKind = 'count'): CellValue {
  const t = text
    .replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .trim()
    .replace(/^(-?\d{1,3}(,\d{3})+)(\.\d+)?$/, (m) => m.replace(/,/g, ''));
  if (t === '') return null;
  if (!NUMBER.test(t)) return text.trim();
  const money = kind === 'money' || kind === 'amount';
  if (t.includes('.')) return money ? t : text.trim();
  const n = Number(t);
  if (!Number.isSafeInteger(n)) return t; // beyond 2^53: kept exact as written, NUM reports it
  return money && t.startsWith('-') ? t : n;
}

/** How a cell value is shown in its input: blank for null, the number or decimal as written. */
export function formatCellInput(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'string') return value;
  if (isObject(value) && 'value' in value) return formatCellInput(value['value']);
  return '';
}

// ---------------------------------------------------------------- the grid of input cells

/** One table grid as rows × columns of cell paths (a rectangle: every row has every column). */
export interface InputGrid {
  readonly grid: Grid;
  readonly cells: readonly (readonly CellLayout[])[];
}

const gridsCache = new WeakMap<ReportLayout, InputGrid[]>();

/** The input grids of a layout in reading order (table 二's sub-tables, 三, 四). */
export function inputGrids(layout: ReportLayout): InputGrid[] {
  let grids = gridsCache.get(layout);
  if (!grids) {
    grids = [];
    for (const id of ['proactive', 'applications', 'appeals'] as const)
      for (const grid of layout.tables[id].grids) {
        const all = gridCells(grid);
        const width = leafColumns(grid.columns).length;
        const rows: CellLayout[][] = [];
        for (let r = 0; r < leafRows(grid.rows).length; r++) rows.push(all.slice(r * width, (r + 1) * width));
        grids.push({ grid, cells: rows });
      }
    gridsCache.set(layout, grids);
  }
  return grids;
}

export interface GridPosition {
  readonly grid: number;
  readonly row: number;
  readonly col: number;
}

/** Where a cell sits among the input grids, or undefined when the layout has no such cell. */
export function positionOf(layout: ReportLayout, path: string): GridPosition | undefined {
  const grids = inputGrids(layout);
  for (let g = 0; g < grids.length; g++) {
    const rows = grids[g]!.cells;
    for (let r = 0; r < rows.length; r++) {
      const c = rows[r]!.findIndex((cell) => cell.path === path);
      if (c >= 0) return { grid: g, row: r, col: c };
    }
  }
  return undefined;
}

export type Move = 'left' | 'right' | 'up' | 'down' | 'next' | 'previous';

/**
 * The cell a key moves to, like a spreadsheet: arrows within the table (stopping at its edges; up and
 * down continue into the table above or below at the nearest column), Tab / Shift+Tab through every
 * cell in reading order (across tables), Enter down. Undefined at the very first or last cell.
 */
export function moveFrom(layout: ReportLayout, path: string, move: Move): string | undefined {
  const grids = inputGrids(layout);
  const at = positionOf(layout, path);
  if (!at) return undefined;
  const rows = grids[at.grid]!.cells;
  const width = rows[0]!.length;
  switch (move) {
    case 'left':
      return at.col > 0 ? rows[at.row]![at.col - 1]!.path : undefined;
    case 'right':
      return at.col < width - 1 ? rows[at.row]![at.col + 1]!.path : undefined;
    case 'up': {
      if (at.row > 0) return rows[at.row - 1]![at.col]!.path;
      const above = grids[at.grid - 1];
      if (!above) return undefined;
      const last = above.cells[above.cells.length - 1]!;
      return last[Math.min(at.col, last.length - 1)]!.path;
    }
    case 'down': {
      if (at.row < rows.length - 1) return rows[at.row + 1]![at.col]!.path;
      const below = grids[at.grid + 1];
      if (!below) return undefined;
      const first = below.cells[0]!;
      return first[Math.min(at.col, first.length - 1)]!.path;
    }
    case 'next':
    case 'previous': {
      const all = layoutCells(layout);
      const i = all.findIndex((c) => c.path === path);
      return all[move === 'next' ? i + 1 : i - 1]?.path;
    }
  }
}

/**
 * Where a pasted block lands: its rows go down and its columns right from `path`, within the table
 * the block starts in (a block larger than the table is cut at the table's edges; `outside` counts the
 * values that did not fit, so the editor can say so).
 */
export function pasteTargets(
  layout: ReportLayout,
  path: string,
  block: readonly (readonly string[])[],
): { targets: { path: string; text: string; kind: ValueKind }[]; outside: number } {
  const at = positionOf(layout, path);
  const targets: { path: string; text: string; kind: ValueKind }[] = [];
  let outside = 0;
  if (!at) return { targets, outside: block.reduce((n, r) => n + r.length, 0) };
  const rows = inputGrids(layout)[at.grid]!.cells;
  block.forEach((line, i) =>
    line.forEach((text, j) => {
      const cell = rows[at.row + i]?.[at.col + j];
      if (cell) targets.push({ path: cell.path, text, kind: cell.kind });
      else outside++;
    }),
  );
  return { targets, outside };
}

/**
 * A block of cells as Excel, WPS and Google Sheets put it on the clipboard (text/plain): rows by
 * line breaks, cells by tabs; a cell with a tab, line break or quote is quoted with doubled quotes.
 * The final line break is not an empty row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      // a quoted cell: up to the closing quote ("" is a quote)
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += text[j++];
      }
      if (closed && (j === n || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      // not a well-formed quoted cell: read it as plain text
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else cell += ch;
    i++;
  }
  if (!atCellStart || cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------- offers for total cells

/** A value an equation offers for a cell: the sum of its terms, when every term holds a number. */
export interface Offer {
  readonly path: string;
  /** The value as an exact decimal string. */
  readonly value: string;
  /** The rule whose equation computes it (T3-COL, T3-TOTAL, T4-SUM, X-INFORCE, X-CARRY). */
  readonly rule: string;
}

/**
 * The values the equations of the rule files offer for the cells they compute (a cell alone on one
 * side of an equation: totals; with last year's report, 现行有效 and 上年结转), where the cell is blank
 * or differs from the computed value and every term of the other side holds a number. The editor shows
 * them beside the cell; a value is written only when the user accepts it. One pass over the
 * equations (the same expansion `validate` and `explainCell` use).
 */
export function offers(report: unknown, previous?: unknown): Offer[] {
  const current = contextOf(report);
  if (!current) return [];
  const last = isObject(previous) ? contextOf(previous) : null;
  const out: Offer[] = [];
  const seen = new Set<string>();
  for (const rule of RULES) {
    for (const cond of rule.conditions.all) {
      if (cond.fact !== 'equations') continue;
      const params = cond.params as unknown as EquationParams;
      const usesPrevious = [...params.expected, ...params.actual].some((t) => t.includes('previous:'));
      if (usesPrevious && !last) continue;
      for (const inst of equationInstances(params, current, last)) {
        const [exp, act] = inst.sides as [readonly TermRef[], readonly TermRef[]];
        const target = act[0];
        if (act.length !== 1 || !target || target.previous || seen.has(target.path)) continue;
        if (exp.length < 2 && !exp.some((t) => t.previous)) continue;
        const values: Exact[] = [];
        for (const t of exp) {
          const state = (t.previous ? last : current)?.cell(t.path);
          if (state?.state !== 'value') break;
          values.push(state.value);
        }
        if (values.length !== exp.length) continue;
        const want = sum(
          values,
          exp.map((t) => t.sign),
        );
        const has = current.cell(target.path);
        if (has?.state === 'value' && compare(has.value, want) === 0) continue;
        if (!current.cellLayout(target.path)) continue;
        seen.add(target.path);
        out.push({ path: target.path, value: toDecimalString(want), rule: rule.event.type });
      }
    }
  }
  return out;
}

/** The layout cell at a path of a report, if the report's layout has one. */
export function cellOf(report: { format: Format; applications?: unknown }, path: string): CellLayout | undefined {
  return cellAt(layoutOf(report), path);
}
