/**
 * Random reports and flattened text layouts for the importer's round-trip tests and bench; the
 * published fixtures' hand-checked expectations (test/fixtures/published/expected/) and the cell-by-cell
 * comparison with them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { compare, toExact } from '../../src/model/decimal.js';
import {
  SECTIONS,
  TABLE_IDS,
  getLayout,
  gridCells,
  leafColumns,
  leafRows,
  type Format,
  type Grid,
  type OtherHandlingShape,
} from '../../src/model/layout.js';

export type Json = any;

/** The published fixtures (test/fixtures/published/), with a trailing slash. */
export const PUBLISHED = fileURLToPath(new URL('../fixtures/published/', import.meta.url));

/** The hand-checked expectation of a published fixture: `expected/<name>.json` (e.g. `hongze-gov-2024-pdf-text`). */
export const readExpected = (name: string): Json =>
  JSON.parse(readFileSync(`${PUBLISHED}expected/${name}.json`, 'utf8'));

/**
 * Every leaf of `expected` equals the imported value (money compared as exact decimals, counts as
 * numbers; a null is a blank): the number of cells compared.
 */
export function expectSameCells(actual: Json, expected: Json, path = ''): number {
  let n = 0;
  for (const [k, e] of Object.entries(expected)) {
    const p = path ? `${path}.${k}` : k;
    const a = actual?.[k];
    if (e !== null && typeof e === 'object') n += expectSameCells(a, e, p);
    else {
      if (e === null) expect(a, p).to.equal(null);
      else {
        const aa = toExact(a);
        expect(aa, `${p}: expected ${e}, got ${JSON.stringify(a)}`).to.not.equal(null);
        expect(compare(aa!, toExact(e as string | number)!), `${p}: expected ${e}, got ${JSON.stringify(a)}`).to.equal(
          0,
        );
        if (typeof e === 'number' && !p.endsWith('.amount')) expect(a, `${p} is a count`).to.be.a('number');
      }
      n++;
    }
  }
  return n;
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const PROSE = [
  '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开标准化规范化建设。',
  '进一步完善政府信息公开工作机制，加强政府网站和政务新媒体管理。',
  '信息公开队伍建设还需加强，政策解读的形式还不够丰富。',
  '下一步将加强业务培训，提升政府信息公开工作水平。',
];

export interface GenOptions {
  format: Format;
  shape: OtherHandlingShape;
  seed: number;
  /** Probability of a blank cell. */
  blanks: number;
  /** Rows of table 三 and 四 add up (needed for glued text). */
  consistent?: boolean;
  /** Table 三's columns add up too (T3-TOTAL, T3-BAL): the whole table holds. */
  balanced?: boolean;
}

/** A random report: every cell of the layout, some blank, money as decimal strings. */
export function randomReport(o: GenOptions): Json {
  const r = rng(o.seed);
  const int = (n: number) => Math.floor(r() * n);
  const year = o.format === '2019' ? 2019 + int(2) : 2021 + int(4);
  const names = [
    '巴彦淖尔市工业和信息化局',
    '淮安市人民政府',
    '兴化市大营镇人民政府',
    '平潭综合实验区管委会办公室',
    '某某县交通运输局',
  ];
  const agency = names[int(names.length)]!;
  const report: Json = {
    schemaVersion: 1,
    format: o.format,
    year,
    agency: { name: agency },
    title: `${agency}${year}年政府信息公开工作年度报告`,
    publishedOn: `${year + 1}-0${1 + int(3)}-${String(10 + int(18))}`,
    sections: {
      overview: [PROSE[int(4)], PROSE[int(4)]].join('\n'),
      problems: PROSE[2]!,
      other: '本年度未收取信息处理费。',
    },
  };
  const layout = getLayout(o.format, o.shape);
  for (const id of TABLE_IDS) {
    const obj: Json = {};
    for (const grid of layout.tables[id].grids) {
      for (const cell of gridCells(grid)) {
        let v: unknown;
        if (r() < o.blanks) v = null;
        else if (cell.kind === 'count') v = r() < 0.3 ? 0 : int(r() < 0.2 ? 100000 : 60);
        else if (cell.kind === 'signed') v = int(40) - 20;
        else if (cell.kind === 'money')
          v = r() < 0.5 ? String(int(9000)) : `${int(9000)}.${1 + int(98)}`.replace(/0+$/, '');
        else v = r() < 0.5 ? `${1 + int(900000)}` : { value: `${1 + int(900000)}.5`, unit: '元' };
        set(obj, cell.path.split('.').slice(1), v);
      }
    }
    report[id] = obj;
  }
  if (o.consistent || o.balanced) {
    const cols = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];
    if (o.balanced) {
      // （七）总计 = the result rows; 一 + 二 = 总计 + 四 (二 raised when 一 would be negative).
      const a = report.applications;
      const outer = ['newReceived', 'carriedOver', 'total', 'carriedForward'];
      const results = leafRows(layout.tables.applications.grids[0]!.rows)
        .map((r) => r.key)
        .filter((k) => !outer.includes(k));
      for (const c of cols) {
        a.total[c] = results.reduce((s, k) => s + get(a, k.split('.'))[c], 0);
        const need = a.total[c] + a.carriedForward[c] - a.carriedOver[c];
        if (need >= 0) a.newReceived[c] = need;
        else {
          a.newReceived[c] = 0;
          a.carriedOver[c] = a.total[c] + a.carriedForward[c];
        }
      }
    }
    for (const grid of layout.tables.applications.grids) {
      for (const row of leafRows(grid.rows)) {
        const rowObj = get(report.applications, row.key.split('.'));
        rowObj.total = cols.reduce((s, c) => s + rowObj[c], 0);
      }
    }
    for (const g of ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']) {
      const x = report.appeals[g];
      x.total = x.upheld + x.corrected + x.other + x.pending;
    }
  }
  return report;
}

function set(obj: Json, keys: string[], v: unknown) {
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] ??= {};
  o[keys[keys.length - 1]!] = v;
}
export function get(obj: Json, keys: string[]): Json {
  let o = obj;
  for (const k of keys) o = o?.[k];
  return o;
}

const show = (v: unknown, blank: string): string => {
  if (v === null || v === undefined) return blank;
  if (typeof v === 'object') return `${(v as Json).value}${(v as Json).unit ?? ''}`;
  return String(v);
};

export type Layout =
  'lines' | 'blank-lines' | 'pipe-cells' | 'pipe-rows' | 'markdown' | 'tab-rows' | 'pdf-text' | 'glued';

/** Header rows of a grid as label lists (from the column tree). */
function headerLabels(grid: Grid): string[] {
  const out: string[] = [];
  if (grid.corner) out.push(grid.corner.zh);
  const walk = (nodes: Grid['columns']) => {
    for (const n of nodes) {
      out.push(n.label.zh);
      if (n.children) walk(n.children);
    }
  };
  walk(grid.columns);
  return out;
}

/** Data rows of a grid: the label cells printed before the values (groups on their first row) and the values. */
function dataRows(grid: Grid, table: Json): Array<{ labels: string[]; values: unknown[] }> {
  const cols = leafColumns(grid.columns);
  const seenGroups = new Set<string>();
  return leafRows(grid.rows).map((row) => {
    const labels: string[] = [];
    for (const l of row.labels.slice(0, -1))
      if (!seenGroups.has(l.zh)) {
        seenGroups.add(l.zh);
        labels.push(l.zh);
      }
    if (row.label.zh) labels.push(row.label.zh);
    return {
      labels,
      values: cols.map((c) => get(table, [...(row.key ? row.key.split('.') : []), ...c.key.split('.')])),
    };
  });
}

/** A report flattened to text in one of the published layouts. */
export function flatten(report: Json, layout: Layout): string {
  const L = getLayout(
    report.format,
    report.applications.otherHandling && 'natural' in report.applications.otherHandling ? 'row' : 'group',
  );
  const lines: string[] = [report.title, `发布日期：${report.publishedOn}`, ''];
  const blank = layout === 'pdf-text' || layout === 'glued' ? '-' : '';
  const emitRow = (cells: string[]) => {
    switch (layout) {
      case 'lines':
        lines.push(...cells);
        break;
      case 'blank-lines':
        // A blank line after each cell; an empty cell adds one more blank line (as CMS copies do).
        for (const c of cells) {
          if (c) lines.push(c, '');
          else lines.push('');
        }
        break;
      case 'pipe-cells':
        // An empty cell flattens to a bare "|", like the row separator.
        lines.push('|', ...cells.map((c) => (c ? `${c} |` : '|')));
        break;
      case 'pipe-rows':
        lines.push(cells.map((c) => `${c} |`).join(' '));
        break;
      case 'tab-rows':
        lines.push(cells.join('\t'));
        break;
      case 'markdown':
        lines.push(`| ${cells.join(' | ')} |`);
        if (cells.length > 1 && lines.length && !lines[lines.length - 2]?.startsWith('|'))
          lines.push(`|${cells.map(() => '---').join('|')}|`);
        break;
      case 'pdf-text':
        lines.push(cells.join(' '));
        break;
      case 'glued':
        lines.push(cells.join(''));
        break;
    }
  };
  for (const s of SECTIONS) {
    const plain = (t: string) =>
      layout === 'glued' ? lines.push(t) : lines.push(t, ...(layout === 'blank-lines' ? [''] : []));
    plain(s.heading.zh);
    if (s.kind === 'prose') {
      for (const p of String(report.sections[s.id] ?? '').split('\n')) plain(p);
      continue;
    }
    for (const grid of L.tables[s.id as 'proactive'].grids) {
      if (grid.caption) emitRow([grid.caption.zh]);
      emitRow(headerLabels(grid));
      for (const row of dataRows(grid, report[s.id]))
        emitRow([...row.labels, ...row.values.map((v) => show(v, blank))]);
    }
  }
  if (layout === 'glued') return lines.filter(Boolean).join('');
  return lines.join('\n') + '\n';
}
