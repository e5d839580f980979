/**
 * Registers `<disclosure-report>` (importing this module has that side effect). Loading it twice is
 * harmless (a version mismatch is warned about); `defineDisclosureReport('other-tag')` registers the
 * element under another name as well.
 */
import { defineDisclosureReport, DEFAULT_TAG } from './elements/define-element.js';

defineDisclosureReport();

export { defineDisclosureReport, DEFAULT_TAG };
export { DisclosureReport, VERSION } from './elements/disclosure-report.js';
