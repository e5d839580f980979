/**
 * The script-tag bundle (dist/disclosure-report.js as ESM, dist/disclosure-report.iife.js as a classic
 * script exposing `window.DisclosureReport`): registers `<disclosure-report>` and exposes the class,
 * `defineDisclosureReport` and `validate` (which also takes JSON text). Safe to load twice. The zod
 * schema (`parseReport`) is left to the npm entries: it would add 9 KB to every page.
 */
import { defineDisclosureReport, DEFAULT_TAG } from './elements/define-element.js';

defineDisclosureReport();

export { defineDisclosureReport, DEFAULT_TAG };
export { DisclosureReport, VERSION } from './elements/disclosure-report.js';
export { validate } from './rules/index.js';
