/**
 * What the importer tells: a `Diagnostic`, and how one is made from its code and params. The words are
 * in the catalogs (`src/i18n/import.ts`, `import-glued.ts`, `import-pdf.ts`, one file per locale).
 */
import type { DiagnosticCode, DiagnosticParams, ImportStrings, Messages } from '../i18n/import.js';

export type DiagnosticLevel = 'error' | 'warning' | 'info';

/** One thing the importer wants the user to know, located in the input where possible. */
export interface Diagnostic {
  level: DiagnosticLevel;
  /** Stable code (`blank-cells`, `glued-ambiguous`, `partial`, ...). */
  code: string;
  message: string;
  /** 1-based line in the input. */
  line?: number;
  /** 0-based offset in the input. */
  offset?: number;
  /** 1-based page of a PDF input (instead of line and offset). */
  page?: number;
  /** REPORT-JSON paths concerned, if any. */
  cells?: string[];
}

/** The messages of every code of the text importer, in one locale (glued runs: when their reader is there). */
export type DiagnosticMessages = Messages<DiagnosticParams> & Pick<ImportStrings, 'table'>;

/** The message of a code in a catalog. */
export const say = <C extends DiagnosticCode>(m: Messages<DiagnosticParams>, code: C, p: DiagnosticParams[C]): string =>
  m[code](p);

/** Record a diagnostic by its code, with that code's params; `at` locates it. */
export type DiagFn<At> = <C extends DiagnosticCode>(
  level: DiagnosticLevel,
  code: C,
  p: DiagnosticParams[C],
  at?: At,
  cells?: string[],
) => void;
