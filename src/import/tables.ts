/**
 * Reading one table (二, 三 or 四) from its items: row labels anchor the values that follow them;
 * values without a label of their own (PDF text prints wrapped labels after their numbers) go to
 * the next row of the template that has none yet. Rows that are not in the template go to
 * `extras`. Cell paths, row order and columns all come from the layout data.
 */
import type { ExtraRow } from '../model/report.js';
import { SECTIONS, type LeafColumn, type TableId, type Text } from '../model/layout.js';
import type { DiagnosticParams, GluedCode } from '../i18n/import.js';
import type { GluedStrings } from '../i18n/import-glued.js';
import type { Locale } from '../i18n/locale.js';
import { COLUMN_VARIANTS, isHeaderText, isLabelFragment, matchRow, type RowSpec, type TableSpec } from './labels.js';
import { isValueText, normLabel, readCell } from './normalize.js';
import { say, type Diagnostic, type DiagFn as Diag, type DiagnosticMessages } from './messages.js';
import type { Item } from './items.js';

export type CellOut = number | string | null | { value: number | string; unit?: string };

export interface TableRead {
  /** Cell path → value, for every cell read (blank cells as null). */
  values: Map<string, CellOut>;
  /** Row paths that got values. */
  assigned: Set<string>;
  extras: ExtraRow[];
  /** Labels as found where they differ from the official wording (key → text). */
  labels: Record<string, string>;
  /** The last row that got values, and the last item of the table. */
  lastRow?: RowSpec;
  lastItem?: Item;
  /** The last row had fewer cells than columns (the text stops inside it). */
  lastRowShort?: boolean;
  /** Items in the table that held values. */
  valueCount: number;
  /** Rows whose values followed their own label (not placed by order). */
  anchored: number;
  /** Cells left null because they could not be read (not blank in the source): path → why, where. */
  unread: Map<string, Gap>;
  /** The equations used to split glued digit runs (rule id and cells): they cannot also check them. */
  splitWith: Array<{ rule: string; cells: string[] }>;
  /** Glued runs with several splits that fit their row, solved with the whole table at the end. */
  pending: Pending[];
}

/** Reading glued digit runs (text layouts only: the HTML importer does not bundle it). */
export interface GluedReader {
  /** A row's run split into cell texts, or undefined when its cells are settled otherwise (null, pending). */
  row(
    row: RowSpec,
    run: Item[],
    texts: string[],
    table: TableId,
    out: TableRead,
    diag: DiagFn,
    gap: GapFn,
    name: string,
  ): string[] | undefined;
  /** The pending runs of a table, solved with the whole table. */
  solve(spec: TableSpec, ctx: TableContext, out: TableRead, diag: DiagFn): void;
  /** Its messages (glued runs), by locale. */
  strings(locale: Locale): GluedStrings;
}

/** Codes of the cells a row could not fill (`gap`): their params name the row. */
type GapCode = 'not-a-number' | 'several-numbers' | 'hidden-content' | 'cut-number' | 'missing-cells' | GluedCode;
/** Cells that could not be read, with the code that says why: null, recorded as unread, and said. */
export type GapFn = <C extends GapCode>(
  code: C,
  cells: string[],
  item: Item | undefined,
  p: Omit<DiagnosticParams[C], 'row'>,
) => void;

export interface Pending {
  row: RowSpec;
  paths: string[];
  fits: string[][];
  at: Item | undefined;
  raw: string;
  unit?: string;
  /** The row's own equation removed candidates. */
  checked: boolean;
}

/** Why a cell could not be read: the import diagnostic's code, and the line (the page in a PDF). */
export interface Gap {
  code: string;
  line?: number;
  page?: number;
}

/** A table's name as the published report writes it (表二): data, the same in every locale. */
export const tableLabel = (id: TableId): string => '表' + SECTIONS.find((s) => s.id === id)!.number;

export interface TableContext {
  /** The messages of the diagnostics, in the locale asked for. */
  m: DiagnosticMessages;
  diagnostics: Diagnostic[];
  /** Cells are separated by spaces only (PDF text): in a short row, which cell is missing is unknown. */
  unaligned?: boolean;
  /** Runs may be glued digit strings that need splitting: how (src/import/glued-table.ts). */
  glued?: GluedReader | undefined;
}

const isProse = (t: string) => (t.length > 30 && /[。；]/.test(t)) || t.length > 80;

export function readTable(items: readonly Item[], spec: TableSpec, ctx: TableContext): TableRead {
  const out: TableRead = {
    values: new Map(),
    assigned: new Set(),
    extras: [],
    labels: {},
    valueCount: 0,
    anchored: 0,
    unread: new Map(),
    splitWith: [],
    pending: [],
  };
  const diag: DiagFn = (level, code, p, at, cells) =>
    ctx.diagnostics.push({
      level,
      code,
      message: say(ctx.m, code, p),
      ...(at ? { line: at.line, offset: at.offset } : {}),
      ...(cells ? { cells: cells.slice() } : {}),
    });
  const single = spec.rows.length === 1 && spec.rows[0]!.label === '';
  let pointer = 0;
  let run: Item[] = [];
  let labels: Item[] = [];

  const seen = new Map<string, Item>();
  const recordLabel = (item: Item) => {
    if (item.text.length > 300) return;
    if (!single) {
      const m = matchRow(item.text, spec.rows);
      if (m && m.score >= 0.5 && !seen.has(m.row.path)) seen.set(m.row.path, item);
    }
    let memo = labelMemo.get(spec);
    if (!memo) labelMemo.set(spec, (memo = new Map()));
    const known = memo.get(item.text);
    if (known !== undefined) {
      if (known) out.labels[known[0]] ??= known[1];
      return;
    }
    const rec: Record<string, string> = {};
    recordLabelUncached(item, rec);
    const entry = Object.entries(rec)[0];
    if (memo.size > 5000) memo.clear();
    // Remember what this text records (or that it records nothing) for the next report.
    memo.set(item.text, entry ?? null);
    if (entry) out.labels[entry[0]] ??= entry[1];
  };
  const recordLabelUncached = (item: Item, labels: Record<string, string>) => {
    const t = normLabel(item.text);
    if (!t) return;
    if (!single) {
      const m = matchRow(item.text, spec.rows);
      if (m && m.score >= 0.5) {
        if (m.variant !== m.row.norm && m.score >= 0.9) labels[m.row.path] ??= m.variant;
        else if (m.score < 0.85) {
          const num = t.search(/\d{1,2}\.|\([一二三四五六七]\)/);
          labels[m.row.path] ??= num > 0 ? t.slice(num) : t;
        }
        return;
      }
    }
    // Column headers with notes or known truncations.
    for (const [ci, col] of spec.columns.entries()) {
      const official = spec.columnNorms[ci]!;
      if (t === official || (t.length < official.length && !t.startsWith(official.slice(0, 2)))) continue;
      const key = `${spec.id}.${col.key.split('.').pop()}`;
      if (t === official) continue;
      const variants = COLUMN_VARIANTS[official] ?? [];
      if (
        variants.some((v) => normLabel(v) === t) ||
        (t.startsWith(official) && /^\(.+\)$/.test(t.slice(official.length)))
      ) {
        labels[key] ??= item.text.trim();
      }
    }
  };

  /** Rows filled by order (no label of their own before the values): their values and notes. */
  const byOrder = new Map<string, { values: Item[]; notes: Diagnostic[] }>();
  const assign = (row: RowSpec, values: Item[], ordered = false) => {
    out.assigned.add(row.path);
    out.lastRow = row;
    out.lastRowShort =
      values.filter((v, i) => i < row.columns.length || v.text.trim()).length < row.columns.length && !ctx.glued;
    const before = ctx.diagnostics.length;
    // Values placed by order are said to be (a stray line before them would shift them).
    if (ordered) diag('info', 'by-order', { row: rowName(row, spec.id, ctx) }, values[0], rowPaths(row));
    fillRow(row, values, spec.id, ctx, out, diag);
    if (ordered) byOrder.set(row.path, { values, notes: ctx.diagnostics.slice(before) });
    pointer = Math.max(pointer, row.index + 1);
  };

  const nextFree = (): RowSpec | undefined => {
    for (let i = pointer; i < spec.rows.length; i++) if (!out.assigned.has(spec.rows[i]!.path)) return spec.rows[i];
    return undefined;
  };

  const flush = () => {
    if (!run.length) {
      // A row label on a line of its own (Markdown from OCR: the values on the next row) stays the anchor.
      const last = labels[labels.length - 1];
      labels = last && !single && (matchRow(last.text, spec.rows)?.score ?? 0) >= 0.9 ? [last] : [];
      return;
    }
    const values = run;
    const anchor = labels[labels.length - 1];
    run = [];
    labels = [];
    const allBlank = values.every((v) => !v.text.trim());
    if (single) {
      const row = spec.rows[0]!;
      if (allBlank && !out.assigned.has(row.path)) return;
      if (!out.assigned.has(row.path)) assign(row, values);
      else extra(anchor?.text ?? '', values);
      return;
    }
    const m = anchor ? matchRow(anchor.text, spec.rows) : undefined;
    const taken = m && byOrder.get(m.row.path);
    if (taken && m.score >= 0.9) {
      // Values placed in this row by order (a stray line before its label) give way to its own: they are an extra.
      byOrder.delete(m.row.path);
      for (const p of rowPaths(m.row)) out.unread.delete(p);
      for (const d of taken.notes) ctx.diagnostics.splice(ctx.diagnostics.indexOf(d), 1);
      out.assigned.delete(m.row.path);
      extra('', taken.values);
    }
    if (m && m.score >= 0.5 && !out.assigned.has(m.row.path)) {
      out.anchored++;
      assign(m.row, values);
      return;
    }
    if (anchor && !m && !isLabelFragment(anchor.text, spec) && !isHeaderText(anchor.text, spec)) {
      if (allBlank) return;
      extra(anchor.text, values);
      return;
    }
    if (allBlank) return;
    const row = nextFree();
    if (row) assign(row, values, true);
    else extra(anchor?.text ?? '', values);
  };

  const extra = (label: string, values: Item[]) => {
    const at = values[0];
    out.extras.push({ label: label.trim(), values: values.map((v) => readCell(v.text).value) });
    diag('info', 'extra-row', { table: spec.id, label: label.trim() || values.map((v) => v.text).join(' ') }, at);
  };

  const isRowLabel = (it: Item | undefined) => !!it && !single && (matchRow(it.text, spec.rows)?.score ?? 0) >= 0.5;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind === 'bar') {
      // Inside a row (values read, or right after a row label) and before a value or another bar:
      // an empty cell. Otherwise the end of a row.
      const next = items[i + 1];
      const beforeValue = !!next && (next.kind === 'bar' || (next.kind === 'cell' && isValueText(next.text)));
      if (beforeValue && (run.length > 0 || isRowLabel(labels[labels.length - 1]))) {
        run.push({ ...item, kind: 'cell', text: '' });
        continue;
      }
      flush();
      // Table 四's row has no label: of two bars before its values, the second is an empty cell.
      if (single && beforeValue && items[i - 1]?.kind === 'bar') run.push({ ...item, kind: 'cell', text: '' });
      continue;
    }
    if (item.kind === 'break') {
      // Table 四's one row may wrap over several lines (PDF text): keep reading until it is complete.
      if (
        single &&
        run.length > 0 &&
        run.length < spec.rows[0]!.columns.length &&
        !out.assigned.has(spec.rows[0]!.path)
      )
        continue;
      flush();
      continue;
    }
    if (item.kind === 'blank') continue;
    out.lastItem = item;
    if (isValueText(item.text) || (ctx.glued && /^[\d\s.,元万-]+$/.test(item.text) && /\d/.test(item.text))) {
      run.push(item);
      if (item.text.trim()) out.valueCount++;
    } else {
      if (run.length) flush();
      if (isProse(item.text)) {
        // A sentence inside a table section ("本年度未收到政府信息公开申请。"): not a cell.
        diag('info', 'ignored-text', { text: item.text.length > 60 ? item.text.slice(0, 60) + '…' : item.text }, item);
        labels = [];
        continue;
      }
      labels.push(item);
      recordLabel(item);
    }
  }
  flush();
  // A row whose label is there but no cells follow it (all of them empty in the source): its cells
  // are blank, said at the label's line, not a missing row.
  // Only rows before the last row read: after it, a partial text may simply have stopped.
  const last = out.lastRow;
  for (const row of spec.rows) {
    const at = seen.get(row.path);
    if (at && last && row.index < last.index && !out.assigned.has(row.path)) {
      out.assigned.add(row.path);
      fillRow(
        row,
        row.columns.map(() => ({ ...at, kind: 'cell' as const, text: '' })),
        spec.id,
        ctx,
        out,
        diag,
      );
    }
  }
  if (last) out.lastRow = last;
  ctx.glued?.solve(spec, ctx, out, diag);
  return out;
}

const labelMemo = new WeakMap<TableSpec, Map<string, [string, string] | null>>();

/** Record a diagnostic located at an item. */
export type DiagFn = Diag<Item>;

/** The cell paths of a row, in column order. */
export const rowPaths = (row: RowSpec): string[] => {
  let p = pathsMemo.get(row);
  if (!p) pathsMemo.set(row, (p = row.columns.map((c) => `${row.path}.${c.key}`.replace(/^(appeals)\.\./, '$1.'))));
  return p;
};
const pathsMemo = new WeakMap<RowSpec, string[]>();

/** A row as messages name it: its label, or the table's name in the locale for a row without one (表四's). */
export const rowName = (row: RowSpec, table: TableId, ctx: TableContext): string => row.label || ctx.m.table[table];

function fillRow(row: RowSpec, run: Item[], table: TableId, ctx: TableContext, out: TableRead, diag: DiagFn) {
  const cols = row.columns;
  const name = rowName(row, table, ctx);
  let texts = run.map((i) => i.text.trim());
  // Trailing blank cells beyond the row are layout padding; so are leading ones (empty label columns).
  while (texts.length > cols.length && texts[texts.length - 1] === '') texts.pop();
  while (texts.length > cols.length && texts[0] === '') {
    texts.shift();
    run = run.slice(1);
  }
  const at = run[0];
  const paths = rowPaths(row);
  /** Cells that could not be read: null, and recorded with why (source.unread), never blamed on the publisher. */
  const gap: GapFn = (code, cells, item = at, p) => {
    for (const c of cells) {
      out.values.set(c, null);
      out.unread.set(c, item ? { code, line: item.line } : { code });
    }
    diag('warning', code, { row: name, ...p } as DiagnosticParams[typeof code], item, cells);
  };
  if (ctx.glued && texts.length < cols.length && texts.every((t) => /^[\d\s.,元万-]*$/.test(t))) {
    const split = ctx.glued.row(row, run, texts, table, out, diag, gap, name);
    if (!split) return;
    texts = split;
  }
  const blanks: Text[] = [];
  const markers = new Set<string>();
  for (let i = 0; i < cols.length; i++) {
    const col = cols[i]!;
    const path = paths[i]!;
    if (i >= texts.length) {
      out.values.set(path, null);
      continue;
    }
    const money = col.kind === 'money' || col.kind === 'amount';
    const item = run[Math.min(i, run.length - 1)]!;
    const cell = readCell(texts[i]!, money);
    // Content a reader does not see as the number, a number the text ends inside, two numbers in
    // one cell ("258 12"): the cell cannot be read, never a number made up from them.
    const why = item.hidden
      ? 'hidden-content'
      : item.cut
        ? 'cut-number'
        : cell.note === 'several'
          ? 'several-numbers'
          : '';
    if (why) {
      gap(why, [path], item, { raw: cell.raw });
      continue;
    }
    let v: CellOut = cell.value;
    if (cell.note === 'blank' || cell.note === 'marker') {
      if (cell.note === 'marker' && !isValueText(texts[i]!)) {
        gap('not-a-number', [path], item, { raw: cell.raw });
      } else {
        blanks.push(colText(col));
        if (cell.raw !== '') markers.add(cell.raw);
      }
    } else if (cell.note === 'thousands')
      diag('info', 'thousands', { raw: cell.raw, value: String(cell.value) }, item, [path]);
    else if (cell.note === 'fullwidth')
      diag('info', 'fullwidth', { raw: cell.raw, value: String(cell.value) }, item, [path]);
    else if (cell.note === 'unsafe') diag('warning', 'unsafe-number', { raw: cell.raw }, item, [path]);
    if (v !== null && col.kind === 'amount' && cell.unit) v = { value: v, unit: cell.unit };
    out.values.set(path, v);
  }
  if (blanks.length) {
    diag(
      'warning',
      'blank-cells',
      {
        row: name,
        count: blanks.length,
        markers: [...markers].join('”“'),
        columns: blanks,
      },
      at,
      paths.filter((p, i) => i < texts.length && !out.unread.has(p) && readCell(texts[i]!).value === null),
    );
  }
  if (texts.length < cols.length) {
    const missing = ctx.unaligned ? cols : cols.slice(texts.length);
    gap('missing-cells', ctx.unaligned ? paths : paths.slice(texts.length), at, {
      found: texts.length,
      expected: cols.length,
      columns: missing.map(colText),
    });
  } else if (texts.length > cols.length) {
    const rest = texts.slice(cols.length);
    out.extras.push({
      label: `${row.label || tableLabel(table)}（多出的单元格）`,
      values: rest.map((t) => readCell(t).value),
    });
    diag(
      'warning',
      'surplus-cells',
      { row: name, count: rest.length, values: rest.join(' ') },
      run[cols.length],
      paths,
    );
  }
}

/** A column as messages name it: its label, after its group's in table 四 (行政复议·结果维持). */
function colText(col: LeafColumn): Text {
  const group = col.labels[col.labels.length - 2];
  return group && /^(行政复议|未经复议直接起诉|复议后起诉)$/.test(group.zh)
    ? { zh: `${group.zh}·${col.label.zh}`, en: `${group.en}·${col.label.en}` }
    : col.label;
}
