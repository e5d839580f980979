/**
 * Messages of the REPORT-JSON contract (src/model: parseReport, schemaErrors, structureErrors and the
 * SCHEMA findings of validate()): the catalog shape and its resolver. The catalogs are
 * `contract.zh-CN.ts` (default) and `contract.en.ts`. `v` is always a value as shown (a preview).
 */
import { catalogs, toLocale, type Locale } from './locale.js';
import type { JsonSyntaxReason } from '../model/json.js';
import { zhCN } from './contract.zh-CN.js';
import { en } from './contract.en.js';

export interface ContractStrings {
  /** Why a text is not JSON. */
  json: Record<JsonSyntaxReason, string>;
  /** A JSON syntax problem (`json[reason]`) at its place in the text. */
  jsonAt: (reason: string, line: number, column: number) => string;
  /** The input throws when read (a getter, a Proxy), at `path` ('' for the whole input). */
  unreadable: (path: string, why: string) => string;
  /** A number in a table with more than `max` digits (MAX_DIGITS): too long to be checked exactly. */
  tooLong: (max: number, v: string) => string;
  /** A key that is not there; `values`: the values it may take ('' when any shape). */
  required: (values: string) => string;
  /** A key that is not there, of a type. */
  requiredType: (expected: string) => string;
  notObject: (v: string) => string;
  format: (v: string) => string;
  /** Not a whole number (`cell`: a table cell, which may also be null). */
  wholeNumber: (v: string, cell: boolean) => string;
  type: (expected: string, v: string) => string;
  tooSmall: (minimum: unknown, v: string) => string;
  tooBig: (maximum: unknown, v: string) => string;
  date: (v: string) => string;
  decimal: (v: string) => string;
  unknownKeys: (keys: string) => string;
  oneOf: (values: string, v: string) => string;
  noShape: (v: string) => string;
  invalid: (v: string) => string;
}

const byLocale = catalogs<ContractStrings>({ 'zh-CN': zhCN, en });

/**
 * The contract messages of a locale. The locale goes through `toLocale` first: the public functions
 * (`describe`, `structureErrors`, ...) take it from JavaScript callers as given ('en-US', or a
 * `constructor` that a plain lookup would find on Object.prototype).
 */
export const contractStrings = (locale: Locale): ContractStrings => byLocale(toLocale(locale));
