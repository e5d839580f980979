/**
 * The script-tag bundle (dist/disclosure-report.js as ESM, dist/disclosure-report.iife.js as a classic
 * script exposing `window.DisclosureReport`): registers `<disclosure-report>` and exposes the class,
 * `defineDisclosureReport`, `validate` and `parseReport`. Safe to load twice.
 */
import { defineDisclosureReport, DEFAULT_TAG } from './elements/define-element.js';

defineDisclosureReport();

export { defineDisclosureReport, DEFAULT_TAG };
export { DisclosureReport, VERSION } from './elements/disclosure-report.js';
export { validate, parseReport } from './rules/index.js';
