/**
 * The facts behind the rule files (documented in rules/README.md). Each one takes its declaration
 * from the condition's `params`, reads the runtime facts `report` and `previous`, and returns a
 * FactResult. Arithmetic is exact (src/model/decimal.ts); a blank or invalid input makes a check
 * `skipped`, never a 0.
 */
import {
  SECTIONS,
  TABLE_IDS,
  cellLabel,
  isObject,
  layoutCells,
  type Format,
  type ReportLayout,
  type Text,
} from '../../model/layout.js';
import { cut, preview, shown } from '../../model/contract.js';
import { compare, isInteger, isNegative, isZero, sum, toDecimalString, type Exact } from '../../model/decimal.js';
import { cellIndex, contextOf, namedSets, type CellState, type ReportContext } from '../context.js';
import { expand, expandCached, type TermRef, type VarSpec } from './expand.js';
import { NOT_APPLICABLE, type AlmanacLike, type FactResult, type Outcome, type RunContexts } from './types.js';
import { inEveryLocale } from '../../i18n/rules.js';

const runs = new WeakMap<object, Promise<RunContexts>>();

/** The contexts of this run, computed once per almanac (so once per engine run). */
export function runContexts(almanac: AlmanacLike): Promise<RunContexts> {
  let p = runs.get(almanac);
  if (!p) {
    p = Promise.all([almanac.factValue('report'), almanac.factValue('previous')]).then(([report, previous]) => ({
      current: contextOf(report),
      previous: previous == null ? null : contextOf(previous),
    }));
    runs.set(almanac, p);
  }
  return p;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const layoutKey = (ctx: ReportContext | null) => (ctx ? ctx.layout.format + ctx.layout.otherHandling : '-');

const labelOf = (ctx: ReportContext, path: string, previous = false): Text => {
  const c = ctx.cellLayout(path);
  const base = c ? { zh: cellLabel(c, 'zh'), en: cellLabel(c, 'en') } : { zh: path, en: path };
  return previous ? inEveryLocale((t, k) => t.previousLabel(base[k])) : base;
};

// ---------------------------------------------------------------- equations

export interface EquationParams {
  for?: VarSpec;
  sum?: VarSpec;
  /** Terms whose sum is what the reported side should be. */
  expected: string[];
  /** Terms as reported. */
  actual: string[];
}

interface CompiledTerm {
  readonly index: number;
  readonly sign: 1 | -1;
  readonly previous: boolean;
  readonly path: string;
}
interface CompiledEquation {
  readonly vars: Readonly<Record<string, Text>>;
  /** Terms of the expected side, then of the actual side (from `split` on). */
  readonly terms: readonly CompiledTerm[];
  readonly split: number;
  readonly cells: readonly string[];
}

const compiledEquations = new Map<string, CompiledEquation[]>();
// Rule files are frozen and shared into every run (build/json-rules-engine-standins/clone.cjs), so a declaration's key is
// computed once per params object.
const specKeys = new WeakMap<EquationParams, string>();
const specKey = (p: EquationParams) => {
  let key = specKeys.get(p);
  if (key === undefined) {
    key =
      [p.for, p.sum]
        .map((v) =>
          v
            ? Object.entries(v)
                .map(([k, r]) => k + '=' + String(r))
                .join()
            : '',
        )
        .join('|') +
      '|' +
      p.expected.join() +
      '|' +
      p.actual.join();
    if (Object.isFrozen(p)) specKeys.set(p, key);
  }
  return key;
};

/** The equations of a declaration resolved against the layouts (cells as positions); memoized. */
function compileEquations(
  params: EquationParams,
  current: ReportContext,
  previous: ReportContext | null,
): CompiledEquation[] {
  const key = layoutKey(current) + layoutKey(previous) + specKey(params);
  let out = compiledEquations.get(key);
  if (out) return out;
  out = [];
  for (const inst of expand(params, [params.expected, params.actual], namedSets(current.layout))) {
    const terms: CompiledTerm[] = [];
    let applies = true;
    for (const t of [...inst.sides[0]!, ...inst.sides[1]!]) {
      const ctx = t.previous ? previous : current;
      const index = ctx ? cellIndex(ctx.layout, t.path) : undefined;
      if (index === undefined) applies = false;
      else terms.push({ index, sign: t.sign, previous: t.previous, path: t.path });
    }
    if (!applies) continue;
    const vars: Record<string, Text> = {};
    for (const [k, m] of Object.entries(inst.vars)) vars[k] = m.label;
    out.push({
      vars,
      terms,
      split: inst.sides[0]!.length,
      cells: terms.map((t) => (t.previous ? `previous:${t.path}` : t.path)),
    });
  }
  if (compiledEquations.size > 500) compiledEquations.clear();
  compiledEquations.set(key, out);
  return out;
}

/**
 * `equations`: for every `for` binding, Σ expected terms must equal Σ actual terms.
 * An instance whose cells are not in the report's layout (e.g. 现行有效件数 in a 2019 report) does
 * not apply; one with a blank or invalid input is skipped; otherwise it holds or fails.
 */
export async function equations(params: EquationParams, almanac: AlmanacLike): Promise<FactResult> {
  const { current, previous } = await runContexts(almanac);
  if (!current) return NOT_APPLICABLE;
  const usesPrevious = [...params.expected, ...params.actual].some((t) => t.includes('previous:'));
  if (usesPrevious && !previous) return NOT_APPLICABLE;
  const equations = compileEquations(params, current, previous);
  const result: FactResult = { applicable: equations.length > 0, held: 0, outcomes: [] };
  const absent = (ctx: ReportContext | null, table: string) => !!ctx && !isObject(ctx.report[table]);
  const missing: Record<'current' | 'previous', readonly string[]> = {
    current: TABLE_IDS.filter((t) => absent(current, t)),
    previous: TABLE_IDS.filter((t) => absent(previous, t)),
  };
  const split = splitWith(current);
  for (const eq of equations) {
    // An equation the importer used to split glued digits cannot also check them.
    if (split && split.has(eq.cells.slice().sort().join())) {
      result.outcomes.push({ status: 'skipped', cells: eq.cells.slice(), vars: { ...eq.vars, reason: USED } });
      continue;
    }
    // An equation over a table the report does not have is not checked (BLANK reports the table).
    if (
      (missing.current.length || missing.previous.length) &&
      eq.terms.some((t) =>
        (t.previous ? missing.previous : missing.current).includes(t.path.slice(0, t.path.indexOf('.'))),
      )
    )
      continue;
    let exact = true;
    let blank = false;
    let e = 0;
    let a = 0;
    const terms = eq.terms;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      const st = (t.previous ? previous! : current).cellAtIndex(t.index);
      if (st.state !== 'value') blank = true;
      else if (typeof st.value !== 'number') exact = false;
      else if (i < eq.split) {
        e += t.sign * st.value;
        // Exact while every partial sum stays within the safe range: a sum of safe integers whose
        // exact value lies in it is computed exactly, and one outside it stays outside when rounded.
        if (e > MAX_SAFE || e < -MAX_SAFE) exact = false;
      } else {
        a += t.sign * st.value;
        if (a > MAX_SAFE || a < -MAX_SAFE) exact = false;
      }
    }
    if (blank) {
      result.outcomes.push(skippedEquation(eq, current, previous));
      continue;
    }
    if (exact) {
      if (e === a) result.held++;
      else
        result.outcomes.push({
          status: 'fail',
          cells: eq.cells.slice(),
          expected: String(e),
          actual: String(a),
          vars: { ...eq.vars },
        });
      continue;
    }
    const side = (from: number, to: number) => {
      const ts = terms.slice(from, to);
      return sum(
        ts.map((t) => ((t.previous ? previous! : current).cellAtIndex(t.index) as { value: Exact }).value),
        ts.map((t) => t.sign),
      );
    };
    const expected = side(0, eq.split);
    const actual = side(eq.split, terms.length);
    if (compare(expected, actual) === 0) result.held++;
    else
      result.outcomes.push({
        status: 'fail',
        cells: eq.cells.slice(),
        expected: toDecimalString(expected),
        actual: toDecimalString(actual),
        vars: { ...eq.vars },
      });
  }
  return result;
}

const USED: Text = {
  zh: '导入时已用它拆分原文中粘连的数字',
  en: 'it was used to split the digits glued together in the source text',
};

/** `source` of an imported report, when it is an object. */
const sourceOf = (ctx: ReportContext) => {
  const s = ctx.report['source'];
  return isObject(s) ? s : undefined;
};

/** `source.splitWith` of an imported report: the equations used to read it, by their sorted cells. */
function splitWith(ctx: ReportContext): Set<string> | null {
  const list = sourceOf(ctx)?.['splitWith'];
  if (!Array.isArray(list) || !list.length) return null;
  return new Set(list.map((e) => (isObject(e) && Array.isArray(e['cells']) ? e['cells'].slice().sort().join() : '')));
}

/** Cells the importer could not read (`source.unread`): an import gap, not the publisher's blank. */
const gapsOf = (ctx: ReportContext): Record<string, unknown> | undefined => {
  const u = sourceOf(ctx)?.['unread'];
  return isObject(u) ? u : undefined;
};
const isGap = (gaps: Record<string, unknown> | undefined, path: string) => !!gaps && Object.hasOwn(gaps, path);

function skippedEquation(eq: CompiledEquation, current: ReportContext, previous: ReportContext | null): Outcome {
  const blanks: Text[] = [];
  const invalid: Text[] = [];
  const unreadable: Text[] = [];
  for (const t of eq.terms) {
    const ctx = t.previous ? previous! : current;
    const s = ctx.cellAtIndex(t.index);
    if (s.state !== 'value')
      (s.state === 'blank' && !isGap(gapsOf(ctx), t.path)
        ? blanks
        : s.state === 'blank' || s.unreadable
          ? unreadable
          : invalid
      ).push(labelOf(ctx, t.path, t.previous));
  }
  return {
    status: 'skipped',
    cells: eq.cells.slice(),
    vars: {
      ...eq.vars,
      // The cells that could not be read; `reason` says which are blank and which are not numbers.
      blanks: list([...blanks, ...invalid, ...unreadable]),
      reason: skipReason(blanks, invalid, unreadable),
    },
  };
}

/** Why a check could not be made: “a” 未填写数字，“b” 不是数字 / “a” is blank and “b” is not a number (or cannot be read). */
export function skipReason(blanks: Text[], invalid: Text[], unreadable: Text[] = []): Text {
  return inEveryLocale((t, k) => {
    const parts: string[] = [];
    const clause = (labels: Text[], words: (labels: string, n: number) => string) => {
      if (labels.length) parts.push(words(t.labels(firstLabels(labels, k), labels.length), labels.length));
    };
    // under a row or table that is not an object (the SCHEMA finding names it)
    clause(unreadable, t.unreadableCells);
    clause(blanks, t.blankCells);
    clause(invalid, t.notNumbers);
    return t.clauses(parts);
  });
}

/** The labels a message names, in a locale: the first three. */
const firstLabels = (labels: Text[], k: keyof Text) => labels.slice(0, 3).map((x) => x[k]);

/** Up to three labels, then how many more: “a”、“b”、“c” 等 5 处 / “a”, “b”, “c” and 2 more. */
const list = (labels: Text[]): Text => inEveryLocale((t, k) => t.labels(firstLabels(labels, k), labels.length));

/** The expanded equations of a declaration for one report, with their values (for explanations). */
export function equationInstances(params: EquationParams, current: ReportContext, previous: ReportContext | null) {
  return expandCached(
    layoutKey(current) + layoutKey(previous),
    params,
    [params.expected, params.actual],
    namedSets(current.layout),
  );
}
export type { TermRef };

// ---------------------------------------------------------------- cell checks

export interface CellParams {
  for?: VarSpec;
  /** Cell templates, or "@cells" for every cell of the layout. */
  cells: string | string[];
  /** `number`: NUM. `blank`: BLANK. `nonZero`: fails on every cell that holds a number other than 0. */
  check: 'number' | 'blank' | 'nonZero';
}

function cellList(params: CellParams, ctx: ReportContext): string[] {
  if (params.cells === '@cells') return allPaths(ctx.layout);
  const templates = typeof params.cells === 'string' ? [params.cells] : params.cells;
  return expandCached(layoutKey(ctx), { for: params.for ?? {} }, [templates], namedSets(ctx.layout)).flatMap((i) =>
    i.sides[0]!.map((t) => t.path),
  );
}

const NUMBER_CHECK: Record<string, (v: Exact) => string | null> = {
  count: (v) => (isNegative(v) ? 'negative' : !isInteger(v) ? 'fraction' : typeof v !== 'number' ? 'unsafe' : null),
  signed: (v) => (!isInteger(v) ? 'fraction' : typeof v !== 'number' ? 'unsafe' : null),
  money: (v) => (isNegative(v) ? 'negativeMoney' : null),
  amount: (v) => (isNegative(v) ? 'negativeMoney' : null),
};

/** `cellValues`: a per-cell check over a list of cells (NUM, BLANK, RULE-MAKING). */
export async function cellValues(params: CellParams, almanac: AlmanacLike): Promise<FactResult> {
  const { current } = await runContexts(almanac);
  if (!current) return NOT_APPLICABLE;
  const paths = cellList(params, current);
  const result: FactResult = { applicable: paths.length > 0, held: 0, outcomes: [] };
  if (params.check === 'blank') return blankCheck(current, paths, result);
  const all = paths === allPaths(current.layout);
  const layouts = layoutCells(current.layout);
  const number = params.check === 'number';
  for (let i = 0; i < paths.length; i++) {
    const state = all ? current.cellAtIndex(i) : current.cell(paths[i]!);
    if (!state) continue;
    if (number) {
      if (state.state === 'blank' || (state.state === 'invalid' && state.unreadable)) continue;
      const kind = all ? layouts[i]!.kind : current.cellLayout(paths[i]!)!.kind;
      const problem = state.state === 'invalid' ? (state.long ? 'digits' : 'type') : NUMBER_CHECK[kind]!(state.value);
      if (problem)
        result.outcomes.push({
          status: 'fail',
          cells: [paths[i]!],
          variant: problem,
          vars: cellVars(current, paths[i]!, state),
        });
      else result.held++;
    } else {
      if (state.state !== 'value') continue;
      if (isZero(state.value)) result.held++;
      else {
        const path = paths[i]!;
        result.outcomes.push({
          status: 'fail',
          cells: [path],
          actual: toDecimalString(state.value),
          expected: '0',
          vars: cellVars(current, path, state),
        });
      }
    }
  }
  return result;
}

/** A cell's label and value (a number as written in the JSON text, when JSON.parse read it inexactly). */
const cellVars = (ctx: ReportContext, path: string, state: CellState) => ({
  cell: labelOf(ctx, path),
  value: 'written' in state && state.written !== undefined ? cut(state.written) : preview(state.raw),
});

/** A data row's label with its group (（六）其他处理 3.其他), without the 三、本年度办理结果 heading. */
const rowLabel = (labels: readonly Text[]): Text => {
  const shown = labels.length > 1 ? labels.slice(1) : labels;
  return { zh: shown.map((l) => l.zh).join(' '), en: shown.map((l) => l.en).join(' ') };
};

/** A table's official section heading (二、三、四). */
const tableLabel = (table: string): Text => SECTIONS.find((x) => x.id === table)?.heading ?? { zh: table, en: table };

const allPathsCache = new WeakMap<ReportLayout, string[]>();
const allPaths = (layout: ReportLayout) => {
  let paths = allPathsCache.get(layout);
  if (!paths) allPathsCache.set(layout, (paths = layoutCells(layout).map((c) => c.path)));
  return paths;
};

/** A row of cells: their paths and their positions in `layoutCells`. */
interface CellRow {
  cells: string[];
  indexes: number[];
}
/** Cells grouped by table, then by row (grid id + row key); memoized per list of paths. */
type Grouped = Map<string, { cells: string[]; rows: CellRow[] }>;
const groupCache = new Map<string, Grouped>();
function groupCells(ctx: ReportContext, paths: string[]): Grouped {
  const key = ctx.layout.format + ctx.layout.otherHandling + (paths === allPaths(ctx.layout) ? '@cells' : paths.join());
  let grouped = groupCache.get(key);
  if (grouped) return grouped;
  grouped = new Map();
  const rowIndex = new Map<string, CellRow>();
  for (const p of paths) {
    const c = ctx.cellLayout(p);
    if (!c) continue;
    let t = grouped.get(c.table);
    if (!t) grouped.set(c.table, (t = { cells: [], rows: [] }));
    t.cells.push(p);
    const rk = c.grid.id + '|' + c.row.key;
    let r = rowIndex.get(rk);
    if (!r) {
      rowIndex.set(rk, (r = { cells: [], indexes: [] }));
      t.rows.push(r);
    }
    r.cells.push(p);
    r.indexes.push(cellIndex(ctx.layout, p)!);
  }
  if (groupCache.size > 200) groupCache.clear();
  groupCache.set(key, grouped);
  return grouped;
}

/**
 * Where an imported document ended (`source.end`, set by the importer for a partial text): the
 * position in layoutCells after which nothing was read. Cells past it are absent, not left blank.
 */
function documentEnd(ctx: ReportContext): { index: number; line?: number } | null {
  const source = ctx.report['source'];
  const end = isObject(source) ? source['end'] : undefined;
  if (!isObject(end) || typeof end['table'] !== 'string') return null;
  const cells = layoutCells(ctx.layout);
  const row = typeof end['row'] === 'string' ? end['row'] + '.' : null;
  let index = -1;
  if (row) cells.forEach((c, i) => c.path.startsWith(row) && (index = i));
  if (index < 0) index = cells.findIndex((c) => c.table === end['table']) - 1;
  return { index, ...(typeof end['line'] === 'number' ? { line: end['line'] } : {}) };
}

/** Blank cells, reported per missing table, per wholly blank row, or per cell. */
function blankCheck(ctx: ReportContext, paths: string[], result: FactResult): FactResult {
  const end = documentEnd(ctx);
  const gaps = gapsOf(ctx);
  const ended: string[] = [];
  const past = (path: string) => !!end && (cellIndex(ctx.layout, path) ?? -1) > end.index;
  for (const [table, { cells, rows }] of groupCells(ctx, paths)) {
    if (end && cells.every(past)) {
      for (const p of cells) if (ctx.cell(p)!.state === 'blank') ended.push(p);
      continue;
    }
    const found = ctx.report[table];
    // A table that is there but not an object is a SCHEMA error, not a missing table.
    if (found !== undefined && found !== null && !isObject(found)) continue;
    if (!isObject(found)) {
      result.outcomes.push({
        status: 'fail',
        cells: cells.slice(),
        variant: 'table',
        vars: { table: tableLabel(table) },
      });
      continue;
    }
    for (const row of rows) {
      // Most rows have no blank: count first, allocate only for the rows that have one.
      // Cells the importer could not read are not blanks of the publisher (source.unread).
      let blank = 0;
      let gap = 0;
      const pastEnd = !!end && row.indexes.every((i) => i > end.index);
      row.indexes.forEach((i, k) => {
        if (ctx.cellAtIndex(i).state !== 'blank') return;
        if (!pastEnd && isGap(gaps, row.cells[k]!)) gap++;
        else blank++;
      });
      result.held += row.indexes.length - blank - gap;
      if (!blank) continue;
      const states = row.indexes.map((i) => ctx.cellAtIndex(i));
      if (pastEnd) {
        states.forEach((s, i) => s.state === 'blank' && ended.push(row.cells[i]!));
        continue;
      }
      if (blank === states.length && states.every((s) => s.raw === undefined) && states.length > 1) {
        const c = ctx.cellLayout(row.cells[0]!)!;
        // Table 四 is one row without a label: its row is the whole table.
        if (!c.grid.rows)
          result.outcomes.push({
            status: 'fail',
            cells: row.cells.slice(),
            variant: 'tableCells',
            vars: { table: tableLabel(table) },
          });
        else
          result.outcomes.push({
            status: 'fail',
            cells: row.cells.slice(),
            variant: 'row',
            vars: { row: rowLabel(c.row.labels) },
          });
        continue;
      }
      states.forEach((s, i) => {
        const path = row.cells[i]!;
        if (s.state !== 'blank' || isGap(gaps, path)) return;
        const vars: Record<string, Text | string> = { cell: labelOf(ctx, path) };
        if (s.marker) vars['marker'] = s.marker;
        result.outcomes.push({ status: 'fail', cells: [path], variant: s.marker ? 'marker' : 'cell', vars });
      });
    }
  }
  if (ended.length) {
    result.outcomes.push({
      status: 'fail',
      cells: ended,
      variant: 'ended',
      vars: { count: String(ended.length), line: end?.line !== undefined ? String(end.line) : '?' },
    });
  }
  return result;
}

// ---------------------------------------------------------------- format

export interface FormatParams {
  /** Report years each format is for: [first, last], null = open. */
  years: Record<Format, [number | null, number | null]>;
}

const SHAPE_LABEL = {
  row: { zh: '单行（2019 年版）', en: 'one row (2019 layout)' },
  group: { zh: '三个子项（2021 年版）', en: 'three sub-rows (2021 layout)' },
};

/** `formatCheck`: the format fits the report year; no table keeps the other format's shape. */
export async function formatCheck(params: FormatParams, almanac: AlmanacLike): Promise<FactResult> {
  const { current } = await runContexts(almanac);
  if (!current) return NOT_APPLICABLE;
  const result: FactResult = { applicable: true, held: 0, outcomes: [] };
  const { format } = current.layout;
  const year = current.report['year'];
  if (typeof year === 'number' && Number.isInteger(year)) {
    const expectedFormat = (Object.keys(params.years) as Format[]).find((f) => {
      const [from, to] = params.years[f];
      return (from === null || year >= from) && (to === null || year <= to);
    });
    if (expectedFormat && expectedFormat !== format) {
      result.outcomes.push({
        status: 'fail',
        cells: ['format', 'year'],
        variant: 'year',
        expected: expectedFormat,
        actual: format,
        vars: { year: String(year), format, expectedFormat },
      });
    } else result.held++;
  } else {
    result.outcomes.push({
      status: 'skipped',
      cells: ['year'],
      variant: 'noYear',
      vars: { value: shown(current.report, 'year') },
    });
  }
  const own = format === '2019' ? 'row' : 'group';
  if (current.layout.otherHandling !== own) {
    const sets = namedSets(current.layout);
    const cells = sets['cells']!.map((c) => c.key).filter((p) => p.startsWith('applications.otherHandling.'));
    result.outcomes.push({
      status: 'fail',
      cells,
      variant: 'mixed',
      vars: { format, found: SHAPE_LABEL[current.layout.otherHandling], wanted: SHAPE_LABEL[own] },
    });
  } else result.held++;
  return result;
}

// ---------------------------------------------------------------- small facts

/** `agencyTier`: the report's `agency.tier`, or null. */
export async function agencyTier(_params: unknown, almanac: AlmanacLike): Promise<string | null> {
  const { current } = await runContexts(almanac);
  const agency = current?.report['agency'];
  return isObject(agency) && typeof agency['tier'] === 'string' ? agency['tier'] : null;
}

/** The facts that return a FactResult, by id; the ones a rule's findings are read from. */
export const OUTCOME_FACTS: Record<string, (params: never, almanac: AlmanacLike) => Promise<FactResult>> = {
  equations,
  cellValues,
  formatCheck,
};

/** Facts that gate a rule (a false condition on them means "does not apply"). */
export const GATE_FACTS: Record<string, (params: never, almanac: AlmanacLike) => Promise<unknown>> = {
  agencyTier,
};

/** Operator `fails`: true when the FactResult has a failing outcome (`value: true`), or none (`false`). */
export const failsOperator = (factValue: FactResult, value: boolean) =>
  (factValue?.outcomes?.some((o: Outcome) => o.status === 'fail') ?? false) === value;
