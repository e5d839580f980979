/**
 * The light-DOM importer for `<disclosure-report>`, as its own bundle so the viewer stays small:
 * `dist/disclosure-report-import.js` (ESM) or `dist/disclosure-report-import.iife.js` (classic
 * script). Loading it registers an importer with the element class; then
 *
 * ```html
 * <disclosure-report import> …the published article: its tables and text… </disclosure-report>
 * ```
 *
 * reads the article inside the tag, validates it and shows the badges in place. Works in any
 * order with the element script (it waits for the element to be defined).
 */
import { importHtml, PROSE_RULES, type Diagnostic } from './index.js';
import type { RulePack } from '../rules/packs.js';
import { toLocale } from '../i18n/locale.js';

/** Read the report published inside `host` (its light DOM: tables and text). */
export async function importFromElement(host: HTMLElement): Promise<{ report: unknown; diagnostics: Diagnostic[] }> {
  const { report, diagnostics } = importHtml(host.innerHTML, {
    locale: toLocale(host.getAttribute('lang') ?? host.closest?.('[lang]')?.getAttribute('lang')),
  });
  if (!report) {
    throw new Error(
      diagnostics
        .filter((d) => d.level === 'error')
        .map((d) => d.message)
        .join('; ') || 'no report found',
    );
  }
  return { report, diagnostics };
}

type ImporterHost = {
  registerImporter(fn: (host: HTMLElement) => Promise<{ report: unknown; diagnostics: unknown[] }>): void;
  registerRules?(pack: RulePack): void;
};

/**
 * Register with an element class (any tag name it is defined under shares the class): the importer,
 * and the prose pack (TEXT, LABEL), so that every element also checks its prose against its tables.
 */
export function registerWith(ctor: unknown): boolean {
  const c = ctor as Partial<ImporterHost> | undefined;
  if (!c || typeof c.registerImporter !== 'function') return false;
  c.registerRules?.(PROSE_RULES);
  c.registerImporter(importFromElement);
  return true;
}

/** Register once `tagName` is defined (default `disclosure-report`). */
export function registerImporter(tagName = 'disclosure-report'): Promise<boolean> {
  if (typeof customElements === 'undefined') return Promise.resolve(false);
  const now = customElements.get(tagName);
  if (now) return Promise.resolve(registerWith(now));
  return customElements.whenDefined(tagName).then(() => registerWith(customElements.get(tagName)));
}

void registerImporter();

export { importHtml, PROSE_RULES };
