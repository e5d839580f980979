import type { Text } from '../../model/layout.js';
import type { ReportContext } from '../context.js';

/** One check instance that did not hold (`fail`) or could not be made (`skipped`). */
export interface Outcome {
  status: 'fail' | 'skipped';
  cells: string[];
  expected?: string;
  actual?: string;
  /** Which message template of the rule applies (`default` when absent). */
  variant?: string;
  /** Values for the message placeholders: localized labels (Text) or plain strings. */
  vars?: Record<string, Text | string>;
}

/**
 * What every outcome-producing fact returns: how many check instances held, and the ones that
 * failed or were skipped. `applicable: false` when the rule does not apply to this report at all
 * (for instance a cross-year rule without last year's report).
 */
export interface FactResult {
  applicable: boolean;
  held: number;
  outcomes: Outcome[];
}

export const NOT_APPLICABLE: FactResult = Object.freeze({ applicable: false, held: 0, outcomes: [] }) as FactResult;

/** The contexts of one engine run: this year's report and, when given, last year's. */
export interface RunContexts {
  current: ReportContext | null;
  previous: ReportContext | null;
}

/** Minimal view of json-rules-engine's Almanac that facts use. */
export interface AlmanacLike {
  factValue(id: string, params?: unknown, path?: string): Promise<unknown>;
}
