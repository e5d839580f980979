/**
 * Glued digit runs in a table (text layouts only, so the light-DOM HTML importer does not bundle
 * it): a run is split with its row's own equation (T3-COL, T4-SUM); runs that fit their row in
 * several ways are solved with the whole table (T3-TOTAL and T3-BAL per column). The equations used
 * to read the text are recorded (`source.splitWith`): they cannot also check it.
 */
import type { LeafColumn, TableId } from '../model/layout.js';
import type { RowSpec, TableSpec } from './labels.js';
import { readCell } from './normalize.js';
import { solveJoint, splitRun, type Equation } from './glued.js';
import {
  rowName,
  rowPaths,
  type DiagFn,
  type GapFn,
  type GluedReader,
  type TableContext,
  type TableRead,
} from './tables.js';
import type { Item } from './items.js';
import { gluedStrings } from '../i18n/import-glued.js';

/** Constraint of a row used to choose between splits of a glued run. */
function rowCheck(table: TableId, columns: readonly LeafColumn[]): ((cells: readonly string[]) => boolean) | undefined {
  if (table === 'applications' && columns.length === 7) {
    return (c) => {
      let s = 0;
      for (let i = 0; i < 6; i++) s += Number(c[i]);
      return s === Number(c[6]);
    };
  }
  if (table === 'appeals' && columns.length === 15) {
    return (c) => {
      for (let g = 0; g < 3; g++) {
        let s = 0;
        for (let i = 0; i < 4; i++) s += Number(c[g * 5 + i]);
        if (s !== Number(c[g * 5 + 4])) return false;
      }
      return true;
    };
  }
  return undefined;
}

function row(
  row: RowSpec,
  run: Item[],
  texts: string[],
  table: TableId,
  out: TableRead,
  diag: DiagFn,
  gap: GapFn,
  name: string,
): string[] | undefined {
  const cols = row.columns;
  const at = run[0];
  const paths = rowPaths(row);
  const raw = texts.join(' ');
  // A run the text ends inside ("8855698" cut to "885") is not a complete run: nothing is split.
  if (run.some((i) => i.cut)) return void gap('cut-number', paths, run[run.length - 1], { raw });
  const tokens: string[] = [];
  let unit: string | undefined;
  for (const t of texts) {
    for (const tok of t.split(/\s+/)) {
      if (!tok) continue;
      const u = /(万元|元)$/.exec(tok);
      if (u) unit = u[1];
      tokens.push(tok.replace(/(万元|元)$/, '').replace(/,/g, ''));
    }
  }
  const check = rowCheck(table, cols);
  const res = splitRun(
    tokens,
    cols.map((c) => c.kind),
    check,
  );
  const checked = res.candidates > res.fits.length;
  if (res.fits.length === 1 && !res.overflow) {
    const fit = res.fits[0]!;
    if (unit) fit[fit.length - 1] += unit;
    if (checked) out.splitWith.push(...rowEquations(row, table));
    if (tokens.join('') !== fit.join('').replace(/元|万元/g, '') || tokens.length !== fit.length) {
      diag('info', 'glued-split', { row: name, raw, split: fit.join(' | '), constraint: checked ? 1 : 0 }, at, paths);
    }
    return fit;
  } else {
    if (res.fits.length > 1 && !res.overflow) {
      // Several splits fit the row: the table's other equations may choose (solvePending).
      for (const p of paths) out.values.set(p, null);
      out.pending.push({ row, paths, fits: res.fits, at, raw, ...(unit ? { unit } : {}), checked });
    } else if (res.fits.length > 1) {
      gap('glued-ambiguous', paths, at, {
        raw,
        count: `${res.fits.length}+`,
        examples: examples(res.fits),
      });
    } else {
      gap('glued-unsplittable', paths, at, {
        raw,
        expected: cols.length,
        constraint: !!check && res.candidates > 0,
      });
    }
    return;
  }
}

const examples = (fits: string[][]) => fits.slice(0, 3).map((f) => f.join('|'));

/** The equations within a row (T3-COL, T4-SUM per group) by rule id and cells, as the rules name them. */
function rowEquations(row: RowSpec, table: TableId): Array<{ rule: string; cells: string[] }> {
  const paths = rowPaths(row);
  if (table === 'applications') return [{ rule: 'T3-COL', cells: paths.slice() }];
  if (table === 'appeals') return [0, 1, 2].map((g) => ({ rule: 'T4-SUM', cells: paths.slice(g * 5, g * 5 + 5) }));
  return [];
}

/** The equations between rows of table 三: T3-TOTAL and T3-BAL per column (named like the rules). */
function columnEquations(spec: TableSpec): Array<{ rule: string; eq: Equation }> {
  if (spec.id !== 'applications') return [];
  const rowOf = (k: string) => `applications.${k}.`;
  const outer = ['newReceived', 'carriedOver', 'total', 'carriedForward'];
  const results = spec.rows.filter((r) => !outer.includes(r.path.split('.')[1]!));
  return spec.rows[0]!.columns.flatMap((c) => [
    {
      rule: 'T3-TOTAL',
      eq: [...results.map((r) => [`${r.path}.${c.key}`, 1] as const), [rowOf('total') + c.key, -1] as const],
    },
    {
      rule: 'T3-BAL',
      eq: outer.map((k, i) => [rowOf(k) + c.key, i < 2 ? 1 : -1] as const),
    },
  ]);
}

/**
 * Runs that fit their row in several ways, solved with the whole table (T3-TOTAL and T3-BAL per
 * column): a run is split when every joint solution splits it the same way; otherwise its cells
 * stay null with the candidates that remain. The equations that decided a split are recorded.
 */
function solve(spec: TableSpec, ctx: TableContext, out: TableRead, diag: DiagFn) {
  if (!out.pending.length) return;
  const runs = out.pending;
  const eqs = columnEquations(spec);
  const known = (p: string) => {
    const v = out.values.get(p);
    return typeof v === 'number' ? v : null;
  };
  const joint = eqs.length
    ? solveJoint(
        runs.map((r) => ({ paths: r.paths, fits: r.fits.map((f) => f.map(Number)) })),
        eqs.map((e) => e.eq),
        known,
      )
    : undefined;
  if (eqs.length && !joint && runs.length) diag('info', 'glued-bound', {}, runs[0]!.at);
  // No joint solution at all: the table does not add up as published, so it cannot choose.
  const solved = joint && joint.possible.every((c) => c.length) ? joint : undefined;
  const decided = new Set<string>();
  runs.forEach((r, i) => {
    const name = rowName(r.row, spec.id, ctx);
    const fits = solved ? solved.possible[i]!.map((c) => r.fits[c]!) : r.fits;
    if (fits.length === 1) {
      const texts = fits[0]!.slice();
      if (r.unit) texts[texts.length - 1] += r.unit;
      r.paths.forEach((p, k) => {
        out.values.set(p, readCell(texts[k]!, /money|amount/.test(r.row.columns[k]!.kind)).value);
        if (r.fits.some((f) => f[k] !== fits[0]![k])) decided.add(p);
      });
      if (r.checked) out.splitWith.push(...rowEquations(r.row, spec.id));
      diag('info', 'glued-split', { row: name, raw: r.raw, split: texts.join(' | '), constraint: 2 }, r.at, r.paths);
      return;
    }
    for (const p of r.paths)
      out.unread.set(p, r.at ? { code: 'glued-ambiguous', line: r.at.line } : { code: 'glued-ambiguous' });
    diag(
      'warning',
      'glued-ambiguous',
      { row: name, raw: r.raw, count: fits.length, examples: examples(fits) },
      r.at,
      r.paths,
    );
  });
  if (solved)
    for (const j of solved.used) {
      const cells = eqs[j]!.eq.map(([p]) => p);
      if (cells.some((p) => decided.has(p))) out.splitWith.push({ rule: eqs[j]!.rule, cells });
    }
}

export const GLUED: GluedReader = { row, solve, strings: gluedStrings };
