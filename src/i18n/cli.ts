/**
 * Text of the `disclosure-report` command (`src/cli/main.ts`): usage, usage errors, why a file is not
 * checked, the text report of a run; the catalog shape and its resolver, catalogs in `cli.zh-CN.ts`
 * (default) and `cli.en.ts`. Import notes and findings come localized from the importer and the rules.
 */
import { catalogs, LOCALES, toLocale, type Locale } from './locale.js';
import { zhCN } from './cli.zh-CN.js';
import { en } from './cli.en.js';

/** Kinds of files a folder of reports often holds that are not inputs. */
export type NotInputKind = 'word' | 'sheet' | 'image' | 'archive';

/** The counts of a run, for its summary line. */
export interface RunTotals {
  files: number;
  errors: number;
  warnings: number;
  withErrors: number;
  withWarnings: number;
  unreadable: number;
  notChecked: number;
}

export interface CliStrings {
  /** `--help`; `inputs`: the file types checked (`.json .txt …`). */
  usage: (inputs: string) => string;
  // Bad usage (exit 2, followed by the usage).
  badLang: (value: string) => string;
  badFormat: (value: string) => string;
  /** `--jobs` is not a whole number from 1 to `max`. */
  badJobs: (value: string, max: number) => string;
  needsValue: (option: string) => string;
  unknownOption: (option: string) => string;
  unknownCommand: (command: string) => string;
  validateNeedsFiles: string;
  importOneFile: string;
  renderOneFile: string;
  // Reading inputs.
  cannotRead: (why: string) => string;
  notReportJson: string;
  noReportFound: string;
  /** Between the error messages of one file. */
  errorSep: string;
  /** Why a file or folder is not checked. */
  notInput: Readonly<Record<NotInputKind, string>>;
  subfolder: string;
  link: string;
  hidden: string;
  fileType: (inputs: string) => string;
  notAReport: (why: string) => string;
  checkFailed: (why: string) => string;
  /** Why a file's check failed when the worker thread checking it stopped without an error (`--jobs`). */
  workerStopped: (exitCode: number) => string;
  previousUnreadable: string;
  noFiles: (inputs: string) => string;
  cannotWrite: string;
  // The text report of a file.
  unreadable: string;
  format: (format: string) => string;
  year: (year: number) => string;
  importTag: string;
  /** Where an import note is: ` 第12 行` / ` line 12` (with its leading space). */
  atLine: (line: number) => string;
  atPage: (page: number) => string;
  moreNotes: (n: number) => string;
  unreadHead: (n: number) => string;
  line: (line: number) => string;
  page: (page: number) => string;
  /** Why a cell could not be read, by import diagnostic code. */
  unreadWhy: Readonly<Record<string, string>>;
  /** A group of unread cells in CSV: `why` is `unreadWhy` or the code. */
  unreadCsv: (why: string) => string;
  moreGroups: (n: number) => string;
  moreOfRule: (n: number, rule: string) => string;
  expectedActual: (expected: string, actual: string) => string;
  errors: (n: number) => string;
  warnings: (n: number) => string;
  infos: (n: number) => string;
  skipped: (n: number) => string;
  othersHidden: string;
  /** Between the parts of a line (counts, where and why). */
  sep: string;
  /** Between a line's head (the file, the import tag and line, where and why) and what it says. */
  colon: string;
  // The end of a run.
  notCheckedHead: (n: number) => string;
  unreadableHead: (n: number) => string;
  withErrorsHead: (n: number) => string;
  summary: (t: RunTotals) => string;
}

/** The command's text in a locale. */
export const cliStrings = catalogs<CliStrings>({ 'zh-CN': zhCN, en });

/**
 * A `--lang` value → its locale, or undefined when it is not a language tag of a supported locale's
 * language (`fr`, `english`, `en_US`). Read by `toLocale`, as a `lang` attribute is: `en-US`, `EN` → en;
 * `zh`, `zh-Hans` → zh-CN.
 */
export function cliLocale(value: string): Locale | undefined {
  const language = /^([a-z]{2,3})(?:-[a-z\d]{1,8})*$/i.exec(value)?.[1]?.toLowerCase();
  return LOCALES.some((l) => l.split('-')[0] === language) ? toLocale(value) : undefined;
}
