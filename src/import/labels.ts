/**
 * The importer's view of the official layouts: every data row, group label, column header and
 * caption of `src/model/layout.ts`, normalized for matching, plus the variants seen in published
 * reports (docs/format.md §7, §8). The table structure itself always comes from the layout data; this
 * file only adds alternative spellings keyed by the official row path or label.
 */
import {
  getLayout,
  leafColumns,
  SECTIONS,
  TABLE_IDS,
  APPLICATIONS_NOTE,
  type ColumnNode,
  type Format,
  type Grid,
  type LeafColumn,
  type OtherHandlingShape,
  type RowNode,
  type SectionId,
  type TableId,
} from '../model/layout.js';
import { lcs, normLabel } from './normalize.js';

/** A data row of a table, with the value columns of its grid. */
export interface RowSpec {
  /** REPORT-JSON path of the row object, e.g. `applications.denied.stateSecret`. */
  readonly path: string;
  /** Official label (zh). */
  readonly label: string;
  readonly norm: string;
  /** Normalized variants (official first). */
  readonly variants: readonly string[];
  readonly grid: Grid;
  readonly columns: readonly LeafColumn[];
  /** Index in the table's reading order. */
  readonly index: number;
}

/**
 * Published variants of row labels, keyed by row path (docs/format.md §7.2: 规范性文件 for
 * 行政规范性文件, typos, 2021 sub-rows numbered 1、2、3、). Fuzzy matching covers most typos;
 * these are the ones too short or too different for it.
 */
export const ROW_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  'proactive.normativeDocuments': ['规范性文件', '行政规范性文件'],
  'proactive.fees': ['行政事业性收费', '行政事业收费'],
  'proactive.procurement': ['政府集中采购', '集中采购'],
  'applications.denied.internalAffairs': ['5.属于三类内容事务信息'],
  'applications.denied.lawProhibited': ['2.其他法律行政止公开', '2.其他法律、行政法规禁止公开'],
  'applications.otherHandling.other': ['3.其他'],
};

/** Published variants of column headers, keyed by the official label (truncations, header notes). */
export const COLUMN_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  本年新制作数量: ['本年新'],
  本年新公开数量: ['本年新'],
  本年增减: ['本年增/', '本年增', '本年增减'],
  现行有效件数: ['现行有效件', '现行有效件数(历史累计)'],
  '本年收费金额(单位:万元)': ['本年收费金额', '本年收费金额(万元)'],
};

/** Heading patterns per section (normalized text, at the start of an item). Variants from docs/format.md §2. */
export const SECTION_PATTERNS: Readonly<Record<SectionId, RegExp>> = {
  overview: /^[一1][、.]?(总体情况|工作基本情况|基本情况|总体概况|概述)/,
  proactive: /^[二2][、.]?主动公开政府信息(的)?情况/,
  applications: /^[三3][、.]?收到和处理政府信息公开申请(的)?情况/,
  appeals: /^[四4][、.]?(因)?政府信息公开(工作)?(被申请)?行政复议[、和及与]?(提起)?行政诉讼(的)?情况/,
  problems:
    /^[五5][、.]?(政府信息公开工作)?存在的主要问题(及|和)(其)?(改进情况|改进措施|整改情况|(明年|下一步|下一年度?)?工作(计划|打算|安排|思路))/,
  other: /^[六6][、.]?其他需要报告的事项/,
};

/** The heading text of each section (normalized) — used to split glued text. */
export const SECTION_HEADINGS: Readonly<Record<SectionId, string>> = Object.fromEntries(
  SECTIONS.map((s) => [s.id, normLabel(s.heading.zh)]),
) as Record<SectionId, string>;

export interface TableSpec {
  readonly id: TableId;
  readonly rows: readonly RowSpec[];
  /** Normalized group labels (rows without cells of their own). */
  readonly groups: ReadonlySet<string>;
  /** Normalized header texts: column labels, corners, captions. */
  readonly headers: ReadonlySet<string>;
  readonly columns: readonly LeafColumn[];
  /** Normalized official label of each column (same order as `columns`). */
  readonly columnNorms: readonly string[];
}

const specCache = new Map<string, TableSpec>();

export function tableSpec(format: Format, shape: OtherHandlingShape, id: TableId): TableSpec {
  const key = `${format}${shape}${id}`;
  let spec = specCache.get(key);
  if (spec) return spec;
  const grids = getLayout(format, shape).tables[id].grids;
  const rows: RowSpec[] = [];
  const groups = new Set<string>();
  const headers = new Set<string>();
  const allColumns: LeafColumn[] = [];
  for (const grid of grids) {
    const columns = leafColumns(grid.columns);
    allColumns.push(...columns);
    if (grid.caption) headers.add(normLabel(grid.caption.zh));
    if (grid.corner) headers.add(normLabel(grid.corner.zh));
    const walkCols = (nodes: readonly ColumnNode[]) => {
      for (const n of nodes) {
        headers.add(normLabel(n.label.zh));
        if (n.children) walkCols(n.children);
      }
    };
    walkCols(grid.columns);
    const walkRows = (nodes: readonly RowNode[], prefix: string) => {
      for (const n of nodes) {
        const key = [prefix, n.key].filter(Boolean).join('.');
        if (n.children) {
          groups.add(normLabel(n.label.zh));
          walkRows(n.children, key);
        } else {
          const path = `${grid.base}.${key}`;
          const norm = normLabel(n.label.zh);
          const variants = [norm, ...(ROW_VARIANTS[path] ?? []).map(normLabel).filter((v) => v !== norm)];
          rows.push({ path, label: n.label.zh, norm, variants, grid, columns, index: rows.length });
        }
      }
    };
    if (grid.rows) walkRows(grid.rows, '');
    else rows.push({ path: grid.base, label: '', norm: '', variants: [], grid, columns, index: rows.length });
  }
  headers.add(normLabel(APPLICATIONS_NOTE.zh));
  spec = { id, rows, groups, headers, columns: allColumns, columnNorms: allColumns.map((c) => normLabel(c.label.zh)) };
  specCache.set(key, spec);
  return spec;
}

export interface RowMatch {
  row: RowSpec;
  /** 1: exact; lower: contained, truncated or fuzzy. */
  score: number;
  /** The variant matched (normalized). */
  variant: string;
}

const NUMBERED = /(\d{1,2})\.(.+)$/;
const GROUP_PREFIX = /^\(([一二三四五六七])\)/;

/**
 * Match a published label (any text) against the data rows of a table. Handles noise before the
 * label (PDF text puts characters of vertical group labels in front), truncation (wrapped labels),
 * typos (similarity of the text after the item number) and the variants above.
 */
const matchCache = new WeakMap<readonly RowSpec[], Map<string, RowMatch | undefined>>();

export function matchRow(text: string, rows: readonly RowSpec[]): RowMatch | undefined {
  if (text.length > 300) return undefined;
  let cache = matchCache.get(rows);
  if (!cache) matchCache.set(rows, (cache = new Map()));
  if (cache.has(text)) return cache.get(text);
  const m = matchRowUncached(text, rows);
  if (cache.size > 5000) cache.clear();
  cache.set(text, m);
  return m;
}

function matchRowUncached(text: string, rows: readonly RowSpec[]): RowMatch | undefined {
  const t = normLabel(text);
  if (t.length < 2) return undefined;
  let best: RowMatch | undefined;
  const consider = (row: RowSpec, variant: string, score: number) => {
    if (!best || score > best.score || (score === best.score && variant.length > best.variant.length))
      best = { row, score, variant };
  };
  for (const row of rows) {
    for (const v of row.variants) {
      if (!v) continue;
      if (t === v) consider(row, v, 1);
      else if (t.endsWith(v) && v.length >= 2 && (v.length >= 4 || t.length - v.length <= 3)) consider(row, v, 0.95);
      else if (t.includes(v) && v.length >= 4) consider(row, v, 0.9);
      else if (v.startsWith(t) && (t.length >= 6 || (t.length >= 4 && t.length >= v.length * 0.5)))
        consider(row, v, 0.85);
    }
  }
  if (best) return best;
  // Typos: same item number, similar text.
  const tn = NUMBERED.exec(t);
  const tg = GROUP_PREFIX.exec(t);
  for (const row of rows) {
    for (const v of row.variants) {
      const vn = NUMBERED.exec(v);
      if (tn && vn && tn[1] === vn[1]) {
        const a = tn[2]!;
        const b = vn[2]!;
        const sim = lcs(a, b) / Math.max(a.length, b.length);
        if (sim >= 0.6) consider(row, v, 0.5 + sim * 0.3);
        continue;
      }
      const vg = GROUP_PREFIX.exec(v);
      if (tg && vg && tg[1] === vg[1]) {
        const sim = lcs(t, v) / Math.max(t.length, v.length);
        if (sim >= 0.6) consider(row, v, 0.5 + sim * 0.3);
        continue;
      }
      if (!tn && !vn && !tg && !vg && t.length >= 3) {
        if (t.length > v.length * 2) continue;
        const sim = lcs(t, v) / Math.max(t.length, v.length);
        if (sim >= 0.75) consider(row, v, 0.4 + sim * 0.3);
      }
    }
  }
  return best;
}

/** True when `text` is a piece of some row label of the table (a wrapped line of a label). */
export function isLabelFragment(text: string, spec: TableSpec): boolean {
  if (text.length > 300) return false;
  const t = normLabel(text);
  if (t.length <= 2) return true;
  for (const r of spec.rows) for (const v of r.variants) if (v.includes(t)) return true;
  for (const g of spec.groups) if (g.includes(t) || t.includes(g)) return true;
  return false;
}

/** True when `text` is a header, caption or group label of the table (or a run of them). */
export function isHeaderText(text: string, spec: TableSpec): boolean {
  if (text.length > 300) return false;
  const t = normLabel(text);
  if (!t) return true;
  if (spec.headers.has(t) || spec.groups.has(t)) return true;
  // Runs of headers glued together ("信息内容本年制发件数本年废止件数") or headers with notes.
  let rest = t;
  let progress = true;
  while (rest && progress) {
    progress = false;
    for (const h of spec.headers) {
      if (h && rest.startsWith(h)) {
        rest = rest.slice(h.length).replace(/^\([^)]*\)/, '');
        progress = true;
        break;
      }
    }
  }
  if (!rest) return true;
  for (const h of spec.headers) if (h.length >= 3 && (h.startsWith(t) || t.startsWith(h))) return true;
  for (const [, vs] of Object.entries(COLUMN_VARIANTS)) for (const v of vs) if (normLabel(v) === t) return true;
  if (/^第二十条/.test(t) || /^\(本列数据/.test(t)) return true;
  return false;
}

/** Every label a glued text may contain (normalized, longest first), for splitting it. */
export function allLabels(): string[] {
  const set = new Set<string>();
  for (const f of ['2019', '2021'] as const) {
    for (const shape of ['row', 'group'] as const) {
      for (const id of TABLE_IDS) {
        const s = tableSpec(f, shape, id);
        for (const r of s.rows) for (const v of r.variants) if (v) set.add(v);
        for (const g of s.groups) set.add(g);
        for (const h of s.headers) set.add(h);
      }
    }
  }
  for (const h of Object.values(SECTION_HEADINGS)) set.add(h);
  return [...set].filter((x) => x.length >= 2).sort((a, b) => b.length - a.length);
}
