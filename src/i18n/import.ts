/**
 * Diagnostics of the importer (`importReport`, `importHtml`): one message function per diagnostic code,
 * with typed, locale-neutral params (numbers, the published text, layout `Text` pairs, table ids); the
 * catalog picks the words. Catalogs: `import.zh-CN.ts` (default) and `import.en.ts`. The messages about
 * glued digit runs are in `import-glued.ts` (the text layouts only: the light-DOM HTML importer does not
 * bundle them), the PDF reader's in `import-pdf.ts`.
 */
import { catalogs } from './locale.js';
import type { Format, OtherHandlingShape, TableId, Text } from '../model/layout.js';
import { zhCN } from './import.zh-CN.js';
import { en } from './import.en.js';

/** A diagnostic without params. */
export type NoParams = Record<string, never>;

/** A row as messages name it: its published label, or the table's name when the row has none (表四). */
type Row = { row: string };
/** A cell's text as found. */
type Raw = { raw: string };

/** The params of each diagnostic code of the importer (glued digit runs: `GluedParams`). */
export interface ImportParams {
  'empty-input': NoParams;
  'binary-input': NoParams;
  'truncated-input': { size: number; limit: number };
  'no-report': NoParams;
  /** The format of the tables and the shape of 表三（六）that does not belong to it. */
  format: { format: Format; shape: OtherHandlingShape };
  /** `number` is the section's Chinese numeral (二); `heading` the standard heading in both locales. */
  'section-missing': { number: string; heading: Text };
  /** The heading as found and the standard (Chinese) one. */
  'heading-variant': { number: string; found: string; heading: string };
  /** The text ends in `table`, inside (`inside`) or after its row `row`; at `line` (0: unknown). */
  partial: { table: TableId; row?: string | undefined; inside: boolean; line: number };
  /** `rows`: the labels of the rows not found, as published (、-separated). */
  'rows-missing': {
    table: TableId;
    count: number;
    /** Row labels as published; '' for a table's one unlabelled row. */ rows: string[];
  };
  /** `markers`: the blank markers found (`-`, `/`), ”“-joined, or ''; `columns`: the blank cells' columns. */
  'blank-cells': Row & { count: number; markers: string; columns: readonly Text[] };
  thousands: Raw & { value: string | number };
  fullwidth: Raw & { value: string | number };
  'not-a-number': Row & Raw;
  'several-numbers': Row & Raw;
  'hidden-content': Row & Raw;
  'cut-number': Row & Raw;
  'unsafe-number': Raw;
  'missing-cells': Row & { found: number; expected: number; columns: readonly Text[] };
  'surplus-cells': Row & { count: number; values: string };
  'extra-row': { table: TableId; label: string };
  'ignored-text': { text: string };
  'by-order': Row;
  'year-missing': NoParams;
  'agency-missing': NoParams;
  'title-missing': NoParams;
}

/** The params of the diagnostics about glued digit runs (text layouts). */
export interface GluedParams {
  /** `constraint`: 0 the table's structure alone, 1 and the row's equation, 2 and the whole table's. */
  'glued-split': Row & Raw & { split: string; constraint: 0 | 1 | 2 };
  'glued-bound': NoParams;
  /** `count`: how many splits fit (`"100+"` when the search stopped). */
  'glued-ambiguous': Row & Raw & { count: number | string; examples: string[] };
  /** `constraint`: no split satisfies the row's equation (some fit its structure). */
  'glued-unsplittable': Row & Raw & { expected: number; constraint: boolean };
}

/** Every diagnostic code of the text importer and its params. */
export type DiagnosticParams = ImportParams & GluedParams;
export type DiagnosticCode = keyof DiagnosticParams;
export type GluedCode = keyof GluedParams;

/** A catalog of messages: one function per code. */
export type Messages<P> = { readonly [C in keyof P]: (p: P[C]) => string };

export type ImportStrings = Messages<ImportParams> & {
  /** The tables as messages name them (表二 / Table II). */
  readonly table: Readonly<Record<TableId, string>>;
};

/** The importer's messages of a locale. */
export const importStrings = catalogs<ImportStrings>({ 'zh-CN': zhCN, en });
