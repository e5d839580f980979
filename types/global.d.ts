/**
 * The globals of the script-tag files, for TypeScript code on a page that loads them with `<script>`:
 *
 *   /// <reference types="disclosure-report/global" />
 *   window.DisclosureReport.validate(report).then(({ summary }) => console.log(summary.errors));
 *
 * `DisclosureReport` comes from dist/disclosure-report.iife.js, `DisclosureReportImport` from
 * dist/disclosure-report-import.iife.js, `DisclosureReportEditor` from dist/disclosure-report-editor.iife.js. The tag itself (`document.querySelector('disclosure-report')`,
 * its events) is typed by the package's element types, which this file brings in.
 */
import type * as Viewer from '../dist/types/src/bundle.js';
import type * as Importer from '../dist/types/src/import/element-importer.js';
import type * as Editor from '../dist/types/src/editor/index.js';

declare global {
  interface Window {
    /** `{ DisclosureReport, defineDisclosureReport, DEFAULT_TAG, validate, VERSION }` */
    DisclosureReport: typeof Viewer;
    /** The light-DOM importer for `<disclosure-report import>` (registers itself when loaded). */
    DisclosureReportImport?: typeof Importer;
    /** `<disclosure-report-editor>` from dist/disclosure-report-editor.iife.js (registers itself when loaded). */
    DisclosureReportEditor?: typeof Editor;
  }
  var DisclosureReport: typeof Viewer;
}

export {};
