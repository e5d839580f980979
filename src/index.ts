/**
 * npm "." entry: the element class (no registration: import `disclosure-report/define` or call
 * `defineDisclosureReport()`), the static renderer, and everything of the rules package.
 */
export { DisclosureReport, VERSION } from './elements/disclosure-report.js';
export type { Importer, LoadError, LoadErrorKind, LoadStatus, ValidatedDetail } from './elements/disclosure-report.js';
export { defineDisclosureReport, DEFAULT_TAG } from './elements/define-element.js';
export { renderStaticHtml, type StaticHtmlOptions } from './render/static.js';
export { tableModel, cellId } from './elements/table-model.js';
export * from './rules/index.js';
export { PROSE_RULES } from './rules/prose.js';
