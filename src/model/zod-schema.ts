/**
 * The REPORT-JSON contract (version 1) as a zod schema, built from the layouts: every table's
 * object shape comes from `layout.ts`, so the schema cannot drift from the official tables. It is
 * the normative contract: `parseReport` checks with it and the JSON Schema is generated from it.
 *
 * Uses `zod/mini` (about 4 KB) so the `./rules` entry stays small. Not part of the published
 * types: nothing public returns a zod type, so consumers never need zod installed to type-check.
 */
import * as z from 'zod/mini';

import type { OtherHandlingShape, Format, ValueKind } from './layout.js';
import { AGENCY_TIERS, DECIMAL_STRING, ISO_DATE, tableTree, type Tree } from './contract.js';

/**
 * The building blocks, made on first use: nothing of zod runs at import time, so bundles that never
 * call parseReport (the script-tag bundle) leave zod out entirely.
 */
let parts: { CELL: Record<ValueKind, z.ZodMiniType>; ANY_CELL: z.ZodMiniType; extraRow: z.ZodMiniType } | undefined;
function blocks() {
  if (parts) return parts;
  // No code generation: zod's JIT probes `new Function`, which a strict Content-Security-Policy
  // reports as a violation even when the probe is caught. The schema runs the same without it.
  z.config({ jitless: true });
  const count = z.int().check(z.nonnegative());
  const money = z.union([z.number().check(z.nonnegative()), z.string().check(z.regex(DECIMAL_STRING))]);
  const amount = z.union([money, z.strictObject({ value: money, unit: z.optional(z.string()) })]);
  return (parts = {
    CELL: { count: z.nullish(count), signed: z.nullish(z.int()), money: z.nullish(money), amount: z.nullish(amount) },
    /** Cells accepted as anything: the structure alone. */
    ANY_CELL: z.unknown(),
    extraRow: z.strictObject({ label: z.string(), values: z.array(z.union([z.number(), z.string(), z.null()])) }),
  });
}

const same = (a: Tree | ValueKind, b: Tree | ValueKind) => JSON.stringify(a) === JSON.stringify(b);

/** A strict object schema for a tree; where two trees differ (（六）其他处理), a union of both shapes. */
function treeSchema(a: Tree, b: Tree = a, top = false, cells = true, extras = true): z.ZodMiniType {
  const { CELL, ANY_CELL, extraRow } = blocks();
  const shape: Record<string, z.ZodMiniType> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? b[key]!;
    const y = b[key] ?? a[key]!;
    if (typeof x === 'string') shape[key] = cells ? CELL[x] : ANY_CELL;
    else if (same(x, y) || typeof y === 'string') shape[key] = z.optional(treeSchema(x, x, false, cells));
    else
      shape[key] = z.optional(
        z.union([treeSchema(x, x, false, cells), treeSchema(y as Tree, y as Tree, false, cells)]),
      );
  }
  if (top) shape['extras'] = z.optional(extras ? z.array(extraRow) : ANY_CELL);
  return z.strictObject(shape);
}

/**
 * The zod schema of a report in one format (（六）其他处理 in either shape, or in the one given).
 * `cells: false` leaves cell values unchecked. The JSON Schema is the union of both formats, discriminated by
 * `format` (src/model/json-schema.ts).
 */
export function reportSchema(format: Format, shape?: OtherHandlingShape, cells = true, extras = true) {
  const own = format === '2019' ? 'row' : 'group';
  const other = own === 'row' ? 'group' : 'row';
  const applications = shape
    ? treeSchema(tableTree(format, 'applications', shape), undefined, true, cells, extras)
    : treeSchema(tableTree(format, 'applications', own), tableTree(format, 'applications', other), true, cells, extras);
  return z.looseObject({
    schemaVersion: z.literal(1),
    format: z.literal(format),
    year: z.int().check(z.gte(1990), z.lte(2999)),
    agency: z.optional(z.looseObject({ name: z.string(), tier: z.optional(z.enum(AGENCY_TIERS)) })),
    title: z.optional(z.string()),
    publishedOn: z.optional(z.string().check(z.regex(ISO_DATE))),
    sections: z.optional(
      z.strictObject({
        overview: z.nullish(z.string()),
        problems: z.nullish(z.string()),
        other: z.nullish(z.string()),
      }),
    ),
    proactive: z.optional(treeSchema(tableTree(format, 'proactive', own), undefined, true, cells, extras)),
    applications: z.optional(applications),
    appeals: z.optional(treeSchema(tableTree(format, 'appeals', own), undefined, true, cells, extras)),
  });
}

/**
 * One schema per format and （六） shape: checking against the shape found gives precise errors.
 * Extra rows are left to the contract's own check (`extrasErrors`, the same paths and messages): zod
 * passes each array's issues on as the arguments of a call, and some 100,000 of them overflow the stack.
 */
const exactSchemas = new Map<string, z.ZodMiniType>();
export function exactSchema(format: Format, shape: OtherHandlingShape, cells: boolean): z.ZodMiniType {
  const key = format + shape + cells;
  let s = exactSchemas.get(key);
  if (!s) exactSchemas.set(key, (s = reportSchema(format, shape, cells, false)));
  return s;
}
