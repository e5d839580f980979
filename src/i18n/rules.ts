/**
 * Texts the rules' facts write into their outcomes (cell labels, lists of them, why a check could not
 * be made; explainCell's labels too): the catalog shape, its resolver, and `inEveryLocale`, since an
 * outcome carries its texts in every locale (`Text`): a rule run has no locale. The catalogs are
 * `rules.zh-CN.ts` (default) and `rules.en.ts`; the importer's script carries them (its prose facts).
 * validate()'s own messages are in `contract.ts` (its SCHEMA findings). The rules' message templates
 * and basis are data in rules/*.json, keyed by locale and read with `inLocale`.
 */
import { catalogs } from './locale.js';
import type { Text } from '../model/layout.js';
import { zhCN } from './rules.zh-CN.js';
import { en } from './rules.en.js';

export interface RulesStrings {
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

/** The facts' texts of a locale. */
export const rulesStrings = catalogs<RulesStrings>({ 'zh-CN': zhCN, en });

/**
 * A text in every locale (`Text`), each made by `f` from the locale's catalog; `key` reads a `Text` in
 * that locale (the locale's `textKey`).
 */
export const inEveryLocale = (f: (t: RulesStrings, key: keyof Text) => string): Text => ({
  zh: f(zhCN, 'zh'),
  en: f(en, 'en'),
});
