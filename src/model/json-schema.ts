/**
 * The REPORT-JSON contract as JSON Schema (draft 2020-12), for non-JS hosts (Java/PHP CMS back-ends
 * validating uploads). Generated from the zod schema at build time into schema/report.schema.json;
 * kept out of the `./rules` entry, since zod's JSON Schema generator is several times the size of
 * the schema itself.
 */
import * as z from 'zod/mini';
import { ISO_DATE } from './contract.js';
import { reportSchema } from './zod-schema.js';

/** Both formats, discriminated by `format`. */
export const ReportSchema = z.discriminatedUnion('format', [reportSchema('2021'), reportSchema('2019')]);

export function reportJsonSchema(): Record<string, unknown> {
  return withDateFormat({
    $id: 'https://disclosure-report.dev/schema/report.schema.json',
    title: 'REPORT-JSON v1: 政府信息公开工作年度报告',
    ...(z.toJSONSchema(ReportSchema, { unrepresentable: 'any' }) as Record<string, unknown>),
  });
}

/** `format: "date"` beside the ISO date pattern, for validators that check formats (and for readers). */
function withDateFormat<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(withDateFormat);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o['pattern'] === ISO_DATE.source) o['format'] = 'date';
    Object.values(o).forEach(withDateFormat);
  }
  return node;
}
