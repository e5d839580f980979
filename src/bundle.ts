/**
 * The script-tag bundle (dist/disclosure-report.js as ESM, dist/disclosure-report.iife.js as a classic
 * script exposing `window.DisclosureReport`): registers `<disclosure-report>` and exposes the class,
 * `defineDisclosureReport` and `validate` (which also takes JSON text). Safe to load twice. The zod
 * schema (`parseReport`) is left to the npm entries: it would add 9 KB to every page.
 */
import { defineDisclosureReport, DEFAULT_TAG } from './elements/define-element.js';
import { DisclosureReport as OwnClass } from './elements/disclosure-report.js';

const registered = defineDisclosureReport();

/**
 * The class that runs the `<disclosure-report>` elements on this page. When the script is loaded
 * twice, the first copy's class (the one registered), so that `registerRules` and
 * `registerImporter` called through `window.DisclosureReport` reach the elements on the page.
 */
const DisclosureReport: typeof OwnClass =
  registered !== OwnClass && typeof (registered as Partial<typeof OwnClass>).registerRules === 'function'
    ? (registered as typeof OwnClass)
    : OwnClass;

export { defineDisclosureReport, DEFAULT_TAG, DisclosureReport };
export { VERSION } from './elements/disclosure-report.js';
export { validate } from './rules/index.js';
