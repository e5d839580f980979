/**
 * Messages of the rules layer written by code (src/rules: validate(), explainCell and the facts): the
 * catalog shape, its resolver, and `inEveryLocale` for the facts, whose outcomes carry their texts in
 * every locale (`Text`) because a rule run has no locale. The catalogs are `rules.zh-CN.ts` (default)
 * and `rules.en.ts`. The rules' own message templates and basis are data in rules/*.json, keyed by
 * locale and read with `inLocale`.
 */
import { catalogs, LOCALES, textKey, type Locale } from './locale.js';
import type { Text } from '../model/layout.js';
import { zhCN } from './rules.zh-CN.js';
import { en } from './rules.en.js';

export interface RulesStrings {
  /** An option of validate() that cannot be read (or `packs` that is not a list of rule packs): ignored. */
  optionIgnored: (key: string, why: string) => string;
  /** Last year's report is not JSON (`problem`: the located syntax message). */
  previousUnreadable: (problem: string) => string;
  /** Last year's report is JSON but not a report. */
  previousNotReport: string;
  /** The label of a cell of last year's report. */
  previousLabel: (label: string) => string;
  /** Cell labels in a message: the first few (`shown`) of `total`. */
  labels: (shown: string[], total: number) => string;
  /** Clauses of why a check could not be made, about `n` cells named by `labels`. */
  unreadableCells: (labels: string, n: number) => string;
  blankCells: (labels: string, n: number) => string;
  notNumbers: (labels: string, n: number) => string;
  /** Clauses joined into one reason. */
  clauses: (parts: string[]) => string;
}

/** The rules-layer messages of a locale. */
export const rulesStrings = catalogs<RulesStrings>({ 'zh-CN': zhCN, en });

/** A text in every locale (`Text`), each made by `f` from the locale's catalog. */
export function inEveryLocale(f: (t: RulesStrings, locale: Locale) => string): Text {
  const out = {} as Record<keyof Text, string>;
  for (const locale of LOCALES) out[textKey(locale)] = f(rulesStrings(locale), locale);
  return out;
}
