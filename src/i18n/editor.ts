/**
 * UI strings of `<disclosure-report-editor>` (beside the viewer's `ui.ts`, which the editor also uses
 * for the summary, marks and panel): the catalog shape and its resolver; catalogs in
 * `editor.zh-CN.ts` (default) and `editor.en.ts`.
 */
import { catalogs } from './locale.js';
import { zhCN } from './editor.zh-CN.js';
import { en } from './editor.en.js';

export interface EditorStrings {
  toolbar: string;
  undo: string;
  redo: string;
  exportJson: string;
  copySnippet: string;
  print: string;
  importHeading: string;
  importHint: string;
  importText: string;
  importFile: string;
  importRun: string;
  importing: string;
  imported: (n: number) => string;
  importFailed: (msg: string) => string;
  importNothing: string;
  snippetCopied: string;
  snippetFailed: string;
  fieldTitle: string;
  fieldAgency: string;
  fieldYear: string;
  fieldDate: string;
  /** The accessible name of a cell's input: its row and column labels. */
  offer: (value: string) => string;
  offerHint: (value: string) => string;
  draftRestored: (savedAt: string) => string;
  discardDraft: string;
  draftDiscarded: string;
  draftNotSaved: string;
  formInvalid: (n: number, first: string) => string;
  pasted: (n: number, outside: number) => string;
  undone: string;
  redone: string;
  nothingToUndo: string;
  nothingToRedo: string;
  cellFindings: (label: string, text: string) => string;
  badJson: (msg: string) => string;
  blanksLeft: (n: number) => string;
  /** The summary's line for the blank cells of a table (the table's heading): the badge's words. */
  blanksIn: (table: string, n: number) => string;
  /** The button that focuses the table's next blank cell, and its accessible name (with the table). */
  nextBlank: string;
  nextBlankIn: (table: string) => string;
  /** The disclosure listing a table's blank cells one by one. */
  blankCells: (n: number) => string;
  /** A report set that has no `format` of 2019 or 2021. */
  notAReport: string;
}

/** The editor's UI strings of a locale. */
export const editorStrings = catalogs<EditorStrings>({ 'zh-CN': zhCN, en });
