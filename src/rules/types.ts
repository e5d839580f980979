import type { Locale } from '../model/schema.js';
import type { Report } from '../model/report.js';
import type { RulePack } from './packs.js';

export type Severity = 'error' | 'warning' | 'info';

/** One finding, exactly as in docs/report-json.md. */
export interface Finding {
  /** Rule id from docs/format.md §6 (T3-BAL, NUM, ...), or SCHEMA for input that does not fit the contract. */
  rule: string;
  severity: Severity;
  /** `fail`: the constraint does not hold. `skipped`: it could not be checked (a blank or invalid input). */
  status: 'fail' | 'skipped';
  /** REPORT-JSON paths of the cells involved (`previous:` prefix for last year's report). */
  cells: string[];
  /** Decimal strings, where the rule compares numbers. */
  expected?: string;
  actual?: string;
  /** Localized text (zh-CN default, or en). */
  message: string;
}

export interface Summary {
  /** Failing findings by severity. */
  errors: number;
  warnings: number;
  infos: number;
  /** Checks that could not be made (blank or invalid inputs). */
  skipped: number;
  /** Checks that were made (held or failed). */
  checked: number;
}

export interface ValidationResult {
  findings: Finding[];
  summary: Summary;
  /** The report as checked (parsed when the input was JSON text); undefined when it could not be read. */
  report?: Report;
}

export interface ValidateOptions {
  /** Last year's report: enables the cross-year rules (X-CARRY, X-INFORCE). */
  previous?: unknown;
  locale?: Locale;
  /**
   * Rule packs to run besides the table rules, e.g. `PROSE_RULES` from `disclosure-report/import`
   * (TEXT and LABEL: the prose and the published labels against the tables).
   */
  packs?: readonly RulePack[];
}

/** One term of an equation, with its value in this report. */
export interface Term {
  path: string;
  sign: 1 | -1;
  /** Decimal string, or null when the cell is blank or invalid. */
  value: string | null;
  /** Localized label of the cell ("（七）总计 · 自然人"). */
  label: string;
}

/** How a cell is computed by an arithmetic rule: `actual` terms (reported) against `expected` terms. */
export interface Explanation {
  rule: string;
  status: 'holds' | 'fails' | 'skipped';
  expected: string | null;
  actual: string | null;
  expectedTerms: Term[];
  actualTerms: Term[];
}
