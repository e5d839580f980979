/**
 * Messages of the REPORT-JSON contract (src/model: parseReport, schemaErrors, structureErrors) and of
 * validate()'s own SCHEMA findings (options ignored, last year's report unusable): the catalog shape and
 * its resolver. The catalogs are `contract.zh-CN.ts` (default) and `contract.en.ts`. `v` is always a
 * value as shown (a preview).
 */
import { catalogs, toLocale, type Locale } from './locale.js';
import type { JsonSyntaxReason } from '../model/json.js';
import { zhCN } from './contract.zh-CN.js';
import { en } from './contract.en.js';

/** The cases `describe` words: zod issue codes, and finer cases of some (`required*`, `int*`, `date`, `decimal`). */
export type IssueMessage =
  | 'not-object'
  | 'format'
  | 'required'
  | 'required_type'
  | 'invalid_type'
  | 'int'
  | 'int_or_null'
  | 'too_small'
  | 'too_big'
  | 'date'
  | 'decimal'
  | 'unrecognized_keys'
  | 'invalid_value'
  | 'invalid_union'
  | 'invalid';

export interface ContractStrings {
  /** Why a text is not JSON. */
  json: Record<JsonSyntaxReason, string>;
  /** A JSON syntax problem (`json[reason]`) at its place in the text. */
  jsonAt: (reason: string, line: number, column: number) => string;
  /** The input throws when read (a getter, a Proxy), at `path` ('' for the whole input). */
  unreadable: (path: string, why: string) => string;
  /** A number in a table with more than `max` digits (MAX_DIGITS): too long to be checked exactly. */
  tooLong: (max: number, v: string) => string;
  /** An option of validate() that cannot be read (or `packs` that is not a list of rule packs): ignored. */
  optionIgnored: (key: string, why: string) => string;
  /** Last year's report is not JSON (`problem`: the located syntax message). */
  previousUnreadable: (problem: string) => string;
  /** Last year's report is JSON but not a report. */
  previousNotReport: string;
  /**
   * What is wrong with a value (`describe`), by zod issue code and the finer cases of `invalid_type` and
   * `invalid_format`. `v`: the value as shown; `x`: what was expected (the type, the bound, the allowed
   * values, the unknown keys; '' when nothing more can be said).
   */
  issue: Record<IssueMessage, (v: string, x: string) => string>;
}

const byLocale = catalogs<ContractStrings>({ 'zh-CN': zhCN, en });

/**
 * The contract messages of a locale. The locale goes through `toLocale` first: the public functions
 * (`describe`, `structureErrors`, ...) take it from JavaScript callers as given ('en-US', or a
 * `constructor` that a plain lookup would find on Object.prototype).
 */
export const contractStrings = (locale: Locale): ContractStrings => byLocale(toLocale(locale));
