/**
 * UI strings of `<disclosure-report>` and `renderStaticHtml` (and of the editor): the catalog shape and
 * its resolver. The catalogs are `ui.zh-CN.ts` (default) and `ui.en.ts`. Rule messages come localized
 * from `validate()`.
 */
import { catalogs } from './locale.js';
import { zhCN } from './ui.zh-CN.js';
import { en } from './ui.en.js';

export interface UiStrings {
  blank: string;
  unreadable: string;
  /** A cell the importer could not read from the published text (`report.source.unread`): not the publisher's blank. */
  unreadFromText: string;
  loading: string;
  noReport: string;
  missingSection: string;
  missingTable: string;
  missingList: (items: string) => string;
  badgePass: string;
  badgeErrors: (n: number) => string;
  badgeNotices: (n: number) => string;
  badgeUnchecked: string;
  summaryHeading: string;
  summaryPass: string;
  summaryCounts: (e: number, w: number, i: number, s: number, c: number) => string;
  skippedHeading: (n: number) => string;
  error: string;
  warning: string;
  info: string;
  skipped: string;
  previousCell: string;
  reportLevel: string;
  extrasCaption: string;
  /** The button under rows outside the template: `shown` of `total` are shown, it shows more. */
  extrasMore: (shown: number, total: number) => string;
  explainHeading: (label: string) => string;
  explainOpened: (label: string) => string;
  explainValue: (v: string) => string;
  explainComputed: (e: string, a: string) => string;
  explainHolds: string;
  explainFails: string;
  explainSkipped: string;
  explainNone: string;
  close: string;
  errNetwork: (url: string) => string;
  errHttp: (url: string, status: number, text: string) => string;
  errJson: (where: string, msg: string) => string;
  errTooLarge: (where: string, size: number, limit: number) => string;
  errTimeout: (url: string, ms: number) => string;
  /** Markup nested too deep: the limit, the element of the article it is in (tag, 1-based position), its text. */
  errTooDeep: (limit: number, tag: string, index: number, text: string) => string;
  errPrevious: (msg: string) => string;
  /** For the webmaster, in the console: no JSON here and no importer script; the article is shown as it is. */
  errImporterMissing: string;
  errImporter: (msg: string) => string;
  errValidate: (msg: string) => string;
  importDiagnostics: string;
  line: (n: number) => string;
  /** A page of a PDF. */
  page: (n: number) => string;
  /** A place (`line`, `page`) after what it locates, in the language's brackets. */
  at: (where: string) => string;
  publishedOn: (d: string) => string;
  more: (n: number) => string;
  tableRegion: (name: string) => string;
  computedSide: (v: string) => string;
  reportedSide: (v: string) => string;
  /** Between the cells of a finding, and between the items of a list. */
  cellSep: string;
  listSep: string;
  /**
   * Marks in a cell (src/view/cell-marks.ts), how the cell stands to a failing equation: per kind of
   * equation (sums T3-COL T3-TOTAL T4-SUM, balance T3-BAL, carry-over X-CARRY, in force X-INFORCE, any
   * other), [as the reported total, as a part (when it differs)].
   */
  markRelation: readonly (readonly string[])[];
  /** A mark's line: the relation and the difference. */
  markOff: (words: string, diff: string) => string;
  /** A mark's closing line: the value that would make its equation (`all`: its equations) hold. */
  markNeeded: (v: string, all: boolean) => string;
  /** Short words for a finding that is not an equation: any rule but these, NUM, BLANK, TEXT. */
  markNote: readonly string[];
  /** The title of a report that has none: made of its agency (may be '') and year. */
  defaultTitle: <A>(agency: A | '', year: number | undefined) => (A | string)[];
}

/** The UI strings of a locale. */
export const uiStrings = catalogs<UiStrings>({ 'zh-CN': zhCN, en });
