/**
 * `labelDrift` (rule LABEL): labels as published that differ from the official wording. The
 * importer records them in the report's `source.labels` (row path, `table.column` or
 * `section:id` → published text); this fact compares each with the official label of the layout.
 * Differences of width, spacing and quote style are not drift; different words are
 * (规范性文件 for 行政规范性文件, 现行有效件数 (历史累计), 2.其他法律行政止公开).
 */
import { SECTIONS, isObject, layoutCells, type ReportLayout, type Text } from '../../model/layout.js';
import { runContexts } from './core.js';
import { NOT_APPLICABLE, type AlmanacLike, type FactResult } from './types.js';

/** Width, spacing and quotes do not count as drift. */
export const sameLabel = (a: string, b: string) => canon(a) === canon(b);
const canon = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/["'“”‘’「」]/g, '')
    .replace(/(\d)[、,，]/g, '$1.');

export interface LabelParams {
  /** Where the labels as found sit in the report (default `source.labels`). */
  from?: string;
}

export async function labelDrift(params: LabelParams, almanac: AlmanacLike): Promise<FactResult> {
  const { current } = await runContexts(almanac);
  if (!current) return NOT_APPLICABLE;
  let found: unknown = current.report;
  for (const k of (params.from ?? 'source.labels').split('.')) found = isObject(found) ? found[k] : undefined;
  if (!isObject(found)) return NOT_APPLICABLE;
  const result: FactResult = { applicable: true, held: 0, outcomes: [] };
  for (const [key, text] of Object.entries(found)) {
    if (typeof text !== 'string') continue;
    const official = officialLabel(key, current.layout);
    if (!official) continue;
    if (sameLabel(text, official.label.zh)) {
      result.held++;
      continue;
    }
    result.outcomes.push({
      status: 'fail',
      cells: official.cells,
      expected: official.label.zh,
      actual: text,
      vars: { found: text, official: official.label.zh, gloss: official.label.en, where: official.where },
    });
  }
  return result;
}

function officialLabel(key: string, layout: ReportLayout): { label: Text; cells: string[]; where: Text } | undefined {
  if (key.startsWith('section:')) {
    const s = SECTIONS.find((x) => x.id === key.slice(8));
    return s ? { label: s.heading, cells: [], where: { zh: '章节标题', en: 'section heading' } } : undefined;
  }
  // a row (`applications.granted`): its cells; else a column (`proactive.issued`) of the table
  const cells = layoutCells(layout);
  const row = cells.filter((c) => c.parent === key && c.grid.rows);
  if (row[0])
    return { label: row[0].row.label, cells: row.map((c) => c.path), where: { zh: '行标题', en: 'row label' } };
  const [table, ...rest] = key.split('.');
  const column = cells.find((c) => c.table === table && c.column.key.split('.').pop() === rest.join('.'));
  return column && { label: column.column.label, cells: [], where: { zh: '列标题', en: 'column header' } };
}

export const OUTCOME_FACTS = { labelDrift };
