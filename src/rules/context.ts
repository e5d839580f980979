/**
 * What the facts see of a report: its layout (format and （六） shape as found), its cells read and
 * classified once (value / blank / invalid), and the named sets of keys that rule files refer to
 * (`@applications.columns`, ...), all derived from the layouts in src/model.
 */
import {
  FORMATS,
  NOT_AN_OBJECT,
  cellAt,
  isObject,
  readPath,
  layoutCells,
  layoutOf,
  leafColumns,
  leafRows,
  type CellLayout,
  type ColumnNode,
  type Format,
  type ReportLayout,
  type Text,
} from '../model/layout.js';
import { parseDecimal, toExact, type Exact } from '../model/decimal.js';
import { writtenNumber, writtenNumbers } from '../model/json.js';

/**
 * How a cell reads: a number (exact), a blank (null, missing, or a blank marker), or invalid input.
 * `written`: the number as written in the JSON text, when JSON.parse read it inexactly (the value is
 * the written one). `long`: a number with more than MAX_DIGITS digits (not checked).
 */
export type CellState =
  | { readonly state: 'value'; readonly value: Exact; readonly raw: unknown; readonly written?: string }
  | { readonly state: 'blank'; readonly raw: unknown; readonly marker?: string }
  | {
      readonly state: 'invalid';
      readonly raw: unknown;
      readonly unreadable?: true;
      readonly written?: string;
      readonly long?: true;
    };

/** Strings that published reports put in a cell instead of a number; they mean "blank", never 0. */
export const BLANK_MARKERS = ['', '-', '/', '—', '－', '／', '--', '——', '–', '无', '空'];

export interface SetItem {
  readonly key: string;
  readonly label: Text;
}

export interface ReportContext {
  readonly report: Record<string, unknown>;
  readonly layout: ReportLayout;
  /** Read a cell of this layout; undefined when the layout has no such cell. */
  cell(path: string): CellState | undefined;
  /** Read the cell at a position of `layoutCells(layout)`. */
  cellAtIndex(index: number): CellState;
  cellLayout(path: string): CellLayout | undefined;
}

const indexes = new WeakMap<ReportLayout, Map<string, number>>();
/** Position of a cell in `layoutCells(layout)`, or undefined when the layout has no such cell. */
export function cellIndex(layout: ReportLayout, path: string): number | undefined {
  let index = indexes.get(layout);
  if (!index) indexes.set(layout, (index = new Map(layoutCells(layout).map((c, i) => [c.path, i]))));
  return index.get(path);
}

/**
 * A cell under a row or table that is not an object (`"granted": 5`): not a blank, and not a value
 * of its own to report (the SCHEMA finding names the row); equations that need it are skipped.
 */
const UNREADABLE_STATE: CellState = Object.freeze({ state: 'invalid', raw: undefined, unreadable: true });

/** States of the small whole numbers most cells hold, shared (they are immutable): fewer allocations per run. */
const SMALL: CellState[] = [];
const NULL_STATE: CellState = Object.freeze({ state: 'blank', raw: null });

/** Read a cell's value (`written`: its literal in the JSON text, when JSON.parse read it inexactly). */
export function readCell(raw: unknown, kind: CellLayout['kind'], written?: string): CellState {
  if (kind === 'amount' && isObject(raw)) written ??= writtenNumber(raw, 'value');
  if (written !== undefined) {
    const value = parseDecimal(written);
    return value === null ? { state: 'invalid', raw, written, long: true } : { state: 'value', value, raw, written };
  }
  if (raw === null) return NULL_STATE;
  if (raw === undefined) return { state: 'blank', raw };
  if (typeof raw === 'string' && BLANK_MARKERS.includes(raw.trim()))
    return { state: 'blank', raw, marker: raw.trim() || '""' };
  if (typeof raw === 'number' && raw >= 0 && raw < 4096 && Number.isInteger(raw) && !Object.is(raw, -0))
    return (SMALL[raw] ??= Object.freeze({ state: 'value', value: raw, raw }));
  // A whole number too large for a JSON number, written as text to keep it exact (as the editor keeps
  // what is typed): read as that number, so NUM says it is too large (not "not a number") and the
  // equations use it exactly, as they use such a literal in JSON text.
  if (typeof raw === 'string' && kind !== 'money' && kind !== 'amount' && /^\s*-?\d{16,}\s*$/.test(raw)) {
    const t = raw.trim();
    if (!Number.isSafeInteger(Number(t))) {
      const value = parseDecimal(t);
      return value === null ? { state: 'invalid', raw, long: true } : { state: 'value', value, raw, written: t };
    }
  }
  const v = kind === 'amount' && isObject(raw) ? raw['value'] : raw;
  if (
    typeof v === 'number' ||
    (typeof v === 'string' && (kind === 'money' || kind === 'amount') && /^\s*-?\d+(\.\d+)?\s*$/.test(v))
  ) {
    const value = toExact(v);
    if (value !== null) return { state: 'value', value, raw };
    // A finite number or a decimal string that has too many digits to be checked.
    if (typeof v === 'string' || Number.isFinite(v)) return { state: 'invalid', raw, long: true };
  }
  return { state: 'invalid', raw };
}

const setsCache = new WeakMap<ReportLayout, Record<string, SetItem[]>>();

const join = (labels: readonly Text[]): Text => ({
  zh: labels.map((l) => l.zh).join(' '),
  en: labels.map((l) => l.en).join(' '),
});

/**
 * The named sets of a layout (cached per layout). Rule files refer to them as `@name`. Facts that
 * need them call this with the context's layout; a context does not build them, so bundles whose
 * facts never use a set (the importer's prose pack) do not carry this code.
 */
export function namedSets(layout: ReportLayout): Record<string, SetItem[]> {
  let sets = setsCache.get(layout);
  if (sets) return sets;
  const app = layout.tables.applications.grids[0]!;
  const appCols = leafColumns(app.columns).map((c) => ({ key: c.key, label: c.label }));
  const appRows = leafRows(app.rows);
  // 三、本年度办理结果 is the one top-level row group; its data rows other than （七）总计 are the results.
  const resultsGroup = app.rows!.find((r) => r.children)!;
  const results = appRows.filter((r) => r.labels[0] === resultsGroup.label && r.key !== 'total');
  const appeals = layout.tables.appeals.grids[0]!;
  const groups: SetItem[] = [];
  const walk = (nodes: readonly ColumnNode[]) => {
    for (const n of nodes) {
      if (n.key && n.children) groups.push({ key: n.key, label: n.label });
      else if (n.children) walk(n.children);
    }
  };
  walk(appeals.columns);
  const firstGroup = appeals.columns.find((n) => n.key && n.children)!;
  const outcomes = leafColumns(firstGroup.children!).map((c) => ({ key: c.key, label: c.label }));
  const docs = layout.tables.proactive.grids[0]!;
  sets = {
    'applications.columns': appCols,
    'applications.parts': appCols.filter((c) => c.key !== 'total'),
    'applications.rows': appRows.map((r) => ({ key: r.key, label: join(r.labels.slice(r.labels.length > 1 ? 1 : 0)) })),
    'applications.results': results.map((r) => ({ key: r.key, label: join(r.labels.slice(1)) })),
    'appeals.groups': groups,
    'appeals.parts': outcomes.filter((c) => c.key !== 'total'),
    'proactive.documents': leafRows(docs.rows).map((r) => ({ key: r.key, label: r.label })),
    'proactive.documentColumns': leafColumns(docs.columns).map((c) => ({ key: c.key, label: c.label })),
    cells: layoutCells(layout).map((c) => ({ key: c.path, label: { zh: c.path, en: c.path } })),
  };
  setsCache.set(layout, sets);
  return sets;
}

const UNREAD = Symbol('unread');

/** Per layout: each cell's parent object (as a position in `parentKeys`) and its own key. */
const rowsCache = new WeakMap<ReportLayout, { parentOf: number[]; parentKeys: string[][]; leafKeys: string[] }>();
function rowsOf(layout: ReportLayout) {
  let rows = rowsCache.get(layout);
  if (!rows) {
    const byParent = new Map<string, number>();
    rows = { parentOf: [], parentKeys: [], leafKeys: [] };
    for (const c of layoutCells(layout)) {
      let r = byParent.get(c.parent);
      if (r === undefined) {
        byParent.set(c.parent, (r = rows.parentKeys.length));
        rows.parentKeys.push(c.keys.slice(0, -1));
      }
      rows.parentOf.push(r);
      rows.leafKeys.push(c.keys[c.keys.length - 1]!);
    }
    rowsCache.set(layout, rows);
  }
  return rows;
}

/**
 * A new context for a report object (cells are read lazily, once). Null when the value is not an
 * object with a known `format` (the schema check reports that). Facts keep one context per engine
 * run, so a report object changed between runs is read afresh.
 */
export function contextOf(report: unknown): ReportContext | null {
  if (!isObject(report) || !FORMATS.includes(report['format'] as Format)) return null;
  {
    const layout = layoutOf(report as { format: Format; applications?: unknown });
    const cells = layoutCells(layout);
    const { parentOf, parentKeys, leafKeys } = rowsOf(layout);
    const states: (CellState | undefined)[] = new Array(cells.length);
    // Cells of one row share their parent object: walk the report once per row, not per cell.
    const parents: unknown[] = new Array(parentKeys.length).fill(UNREAD);
    // Per row: the numbers JSON.parse read inexactly from the report's text, as written.
    const written: (Record<string, [number, string]> | undefined)[] = new Array(parentKeys.length);
    const cellAtIndex = (i: number): CellState => {
      let s = states[i];
      if (!s) {
        const r = parentOf[i]!;
        let parent = parents[r];
        if (parent === UNREAD) {
          parent = parents[r] = readPath(report, parentKeys[r]!);
          if (isObject(parent)) written[r] = writtenNumbers(parent);
        }
        if (parent === NOT_AN_OBJECT || (parent !== undefined && parent !== null && !isObject(parent)))
          s = states[i] = UNREADABLE_STATE;
        else {
          const raw = isObject(parent) ? parent[leafKeys[i]!] : undefined;
          const w = written[r]?.[leafKeys[i]!];
          s = states[i] = readCell(raw, cells[i]!.kind, w && Object.is(w[0], raw) ? w[1] : undefined);
        }
      }
      return s;
    };
    return {
      report,
      layout,
      cellLayout: (path) => cellAt(layout, path),
      cellAtIndex,
      cell(path) {
        const i = cellIndex(layout, path);
        return i === undefined ? undefined : cellAtIndex(i);
      },
    };
  }
}
