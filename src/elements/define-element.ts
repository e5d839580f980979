/** `defineDisclosureReport()` without the side effect of calling it (the `define` module calls it). */
import { DisclosureReport, VERSION } from './disclosure-report.js';

export const DEFAULT_TAG = 'disclosure-report';

/**
 * Define the element under `tagName` (default `disclosure-report`) unless that name is taken.
 * Tolerates a second copy of the script on the page: the first registration wins, and a different
 * version is reported with a console warning. Returns the constructor registered under the name.
 */
export function defineDisclosureReport(tagName: string = DEFAULT_TAG): CustomElementConstructor {
  const registry = globalThis.customElements;
  const existing = registry.get(tagName);
  if (existing) {
    const other = (existing as unknown as { version?: string }).version;
    if (other !== VERSION) {
      console.warn(
        `<${tagName}> is already defined (${other ? 'disclosure-report ' + other : 'by another script'}); disclosure-report ${VERSION} is not registered again. Load the script once.`,
      );
    }
    return existing;
  }
  // A constructor can be registered only once: other tag names get a subclass.
  const taken = typeof registry.getName === 'function' ? registry.getName(DisclosureReport) : undefined;
  const ctor = taken || tagName !== DEFAULT_TAG ? class extends DisclosureReport {} : DisclosureReport;
  registry.define(tagName, ctor);
  return ctor;
}
