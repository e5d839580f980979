/**
 * The REPORT-JSON contract as JSON Schema (draft 2020-12), for non-JS hosts (Java/PHP CMS back-ends
 * validating uploads). Generated from the zod schema at build time into schema/report.schema.json;
 * kept out of the `./rules` entry, since zod's JSON Schema generator is several times the size of
 * the schema itself.
 *
 * zod's output is reshaped so that validators locate errors: the two formats sit in `$defs`, chosen
 * by `if`/`then` on `format` (a `oneOf` reports one error at the root, mixed with the other format's
 * complaints), a nullable cell is `"type": ["integer", "null"]` with its bounds (not an `anyOf`,
 * whose error says only "not valid under any of the given schemas"), and every cell carries its
 * official label as its `description`. （六）其他处理 stays an `anyOf` of its two shapes (one row, or
 * three sub-rows), so an error there also lists the other shape's complaints.
 */
import * as z from 'zod/mini';
import { ISO_DATE } from './contract.js';
import { reportSchema } from './zod-schema.js';
import { FORMATS, getLayout, layoutCells, cellLabel, type Format } from './layout.js';

type Node = Record<string, unknown>;

export function reportJsonSchema(): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  let dialect: unknown;
  for (const format of FORMATS) {
    const { $schema, ...schema } = z.toJSONSchema(reportSchema(format), { unrepresentable: 'any' }) as Node;
    dialect = $schema;
    defs[`report${format}`] = describeCells(simplify(schema), format);
  }
  return {
    $schema: dialect,
    $id: 'https://disclosure-report.dev/schema/report.schema.json',
    title: 'REPORT-JSON v1: 政府信息公开工作年度报告',
    description:
      'An annual government information disclosure report (政府信息公开工作年度报告) in the 2019 trial or the 2021 format. ' +
      'null (or a missing cell) is a blank, never 0; counts are whole numbers ≥ 0; money (万元) is an exact decimal, as a JSON number or a decimal string.',
    type: 'object',
    required: ['schemaVersion', 'format', 'year'],
    properties: { format: { enum: [...FORMATS] } },
    allOf: FORMATS.map((f) => ({
      if: { properties: { format: { const: f } }, required: ['format'] },
      then: { $ref: `#/$defs/report${f}` },
    })),
    $defs: defs,
  };
}

/** `anyOf: [X, { type: 'null' }]` with a single-typed X → X with `type: [X.type, 'null']`; dates get `format: date`. */
function simplify<T>(node: T): T {
  if (Array.isArray(node)) return node.map(simplify) as T;
  if (!node || typeof node !== 'object') return node;
  const o: Node = {};
  for (const [k, v] of Object.entries(node as Node)) o[k] = simplify(v);
  if (o['pattern'] === ISO_DATE.source) o['format'] = 'date';
  const any = o['anyOf'];
  if (Array.isArray(any) && any.length === 2 && Object.keys(o).length === 1) {
    const [x, y] = any as Node[];
    const nul = (n: Node | undefined) => n && n['type'] === 'null' && Object.keys(n).length === 1;
    const other = nul(y) ? x : nul(x) ? y : undefined;
    if (other && typeof other['type'] === 'string' && !('anyOf' in other))
      return { ...other, type: [other['type'], 'null'] } as T;
  }
  return o as T;
}

/**
 * Each cell's official label (zh-CN / en) as its `description`, found along its REPORT-JSON path
 * (into both branches where （六）其他处理 may take either shape).
 */
function describeCells(schema: Node, format: Format): Node {
  const at = (nodes: Node[], key: string): Node[] =>
    nodes
      .flatMap((n) => [n, ...((n['anyOf'] as Node[] | undefined) ?? [])])
      .flatMap((n) => {
        const child = (n['properties'] as Record<string, Node> | undefined)?.[key];
        return child ? [child] : [];
      });
  for (const shape of ['row', 'group'] as const) {
    for (const cell of layoutCells(getLayout(format, shape))) {
      let nodes = [schema];
      for (const key of cell.path.split('.')) nodes = at(nodes, key);
      for (const n of nodes) n['description'] ??= `${cellLabel(cell, 'zh')} / ${cellLabel(cell, 'en')}`;
    }
  }
  return schema;
}
