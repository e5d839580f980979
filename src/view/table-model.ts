/**
 * The table markup of a Grid as plain data: header rows with their row/column spans (from the depth
 * of the column tree), body rows with the row-label cells and their spans (from the row tree), and
 * each value cell with its REPORT-JSON path. Both the Lit element and `renderStaticHtml` render from
 * this, so the official table structure is described exactly once (in `src/model/layout.ts`).
 *
 * No DOM, no lit: runs in Node and browsers.
 */
import {
  cellPath,
  isObject,
  leafColumns,
  readPath,
  NOT_AN_OBJECT,
  type ColumnNode,
  type Grid,
  type RowNode,
  type Text,
} from '../model/layout.js';
import { writtenNumber } from '../model/json.js';

export interface HeaderCell {
  readonly label: Text;
  readonly colspan: number;
  readonly rowspan: number;
  /** `col` for a leaf column, `colgroup` for a group, `corner` for the top-left cell. */
  readonly scope: 'col' | 'colgroup' | 'corner';
  /** Column path suffix of a leaf (`natural`, `reconsideration.total`). */
  readonly key?: string;
}

export interface RowLabelCell {
  readonly type: 'label';
  readonly label: Text;
  readonly colspan: number;
  readonly rowspan: number;
  /** `row` for a data row, `rowgroup` for a group label spanning its rows. */
  readonly scope: 'row' | 'rowgroup';
}

export interface ValueCell {
  readonly type: 'value';
  readonly path: string;
  /** The leaf column this cell is in (for labels). */
  readonly columnKey: string;
}

export type BodyCell = RowLabelCell | ValueCell;

export interface BodyRow {
  /** Row path suffix (`denied.stateSecret`), '' for the unlabelled row of table 四. */
  readonly key: string;
  readonly cells: readonly BodyCell[];
}

export interface TableModel {
  readonly grid: Grid;
  /** Number of row-label columns (0 for table 四). */
  readonly labelColumns: number;
  /** Number of value columns. */
  readonly valueColumns: number;
  readonly head: readonly (readonly HeaderCell[])[];
  readonly body: readonly BodyRow[];
}

/** Depth of a column or row tree, and the number of leaves under a node. */
type Tree = { readonly children?: readonly Tree[] };
const depth = (nodes: readonly Tree[]): number =>
  Math.max(...nodes.map((n) => 1 + (n.children ? depth(n.children) : 0)));
const leaves = (n: Tree): number => (n.children ? n.children.reduce((s, c) => s + leaves(c), 0) : 1);
const join = (a: string, b: string | undefined) => (a && b ? `${a}.${b}` : a || b || '');

const cache = new WeakMap<Grid, TableModel>();

/** The header and body structure of a grid (cached per grid). */
export function tableModel(grid: Grid): TableModel {
  const hit = cache.get(grid);
  if (hit) return hit;
  const colDepth = depth(grid.columns);
  const labelColumns = grid.rows ? depth(grid.rows) : 0;
  const head: HeaderCell[][] = Array.from({ length: colDepth }, () => []);
  if (labelColumns > 0) {
    head[0]!.push({
      label: grid.corner ?? { zh: '', en: '' },
      colspan: labelColumns,
      rowspan: colDepth,
      scope: 'corner',
    });
  }
  const walkCols = (nodes: readonly ColumnNode[], level: number, prefix: string) => {
    for (const n of nodes) {
      const key = join(prefix, n.key);
      if (n.children) {
        head[level]!.push({ label: n.label, colspan: leaves(n), rowspan: 1, scope: 'colgroup' });
        walkCols(n.children, level + 1, key);
      } else {
        head[level]!.push({ label: n.label, colspan: 1, rowspan: colDepth - level, scope: 'col', key });
      }
    }
  };
  walkCols(grid.columns, 0, '');

  const columns = leafColumns(grid.columns);
  const valueCells = (rowKey: string): ValueCell[] =>
    columns.map((c) => ({ type: 'value', path: cellPath(grid, rowKey, c.key), columnKey: c.key }));

  const body: BodyRow[] = [];
  if (!grid.rows) {
    body.push({ key: '', cells: valueCells('') });
  } else {
    // Group labels are emitted on the first data row they span.
    const walkRows = (nodes: readonly RowNode[], level: number, prefix: string, pending: RowLabelCell[]) => {
      for (const n of nodes) {
        const key = join(prefix, n.key);
        if (n.children) {
          const groupCell: RowLabelCell = {
            type: 'label',
            label: n.label,
            colspan: 1,
            rowspan: leaves(n),
            scope: 'rowgroup',
          };
          walkRows(n.children, level + 1, key, [...pending, groupCell]);
          pending = [];
        } else {
          const label: RowLabelCell = {
            type: 'label',
            label: n.label,
            colspan: labelColumns - level,
            rowspan: 1,
            scope: 'row',
          };
          body.push({ key, cells: [...pending, label, ...valueCells(key)] });
          pending = [];
        }
      }
    };
    walkRows(grid.rows, 0, '', []);
  }
  const model: TableModel = { grid, labelColumns, valueColumns: columns.length, head, body };
  cache.set(grid, model);
  return model;
}

/** A DOM-id-safe fragment for a cell path (`applications.total.natural` → `c-applications-total-natural`). */
export const cellId = (path: string) => 'c-' + path.replace(/[^A-Za-z0-9_-]/g, '-');

/**
 * The value at a cell, formatted for display; `null` for a blank (null, missing, or an empty string).
 * `written`: the number's literal in the JSON text it was parsed from (`writtenNumber`), shown instead
 * of what JSON.parse read (9007199254740993, not …992).
 */
export function formatValue(value: unknown, written?: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return written ?? String(value);
  if (isObject(value) && 'value' in value) {
    const v = formatValue(value['value'], writtenNumber(value, 'value'));
    if (v === null) return null;
    return typeof value['unit'] === 'string' && value['unit'] ? `${v} ${value['unit']}` : v;
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * The value of a cell of a report, formatted for display with its numbers as written in the JSON text
 * the report was parsed from (`parseJsonText`); `undefined` when a part on the way is there but not an
 * object (`"granted": 5`: unreadable).
 */
export function displayValue(report: unknown, path: string): string | null | undefined {
  const keys = path.split('.');
  const key = keys.pop()!;
  const parent = readPath(report, keys);
  if (parent === NOT_AN_OBJECT || (parent != null && !isObject(parent))) return undefined;
  return formatValue(parent?.[key], writtenNumber(parent, key));
}

/**
 * A cell the importer could not read from the published text (`report.source.unread["<path>"]`, with
 * its reason code and source line): shown as such, never as the publisher's blank.
 */
export function unreadCell(
  report: unknown,
  path: string,
): { code?: unknown; line?: number; page?: number } | undefined {
  const source = (report as { source?: { unread?: Record<string, unknown> } } | null)?.source;
  const entry = source && typeof source === 'object' && source.unread ? source.unread[path] : undefined;
  return entry && typeof entry === 'object' ? (entry as { code?: unknown; line?: number; page?: number }) : undefined;
}

/** What an unread cell shows: "not read from the published text", with its line (a text) or page (a PDF). */
export function unreadText(
  unread: { line?: unknown; page?: unknown },
  t: { unreadFromText: string; line(n: number): string; page(n: number): string; at(where: string): string },
): string {
  const where =
    typeof unread.line === 'number' ? t.line(unread.line) : typeof unread.page === 'number' ? t.page(unread.page) : '';
  return where ? t.unreadFromText + t.at(where) : t.unreadFromText;
}
