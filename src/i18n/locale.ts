/**
 * The one localization mechanism of the project: a `Locale`, per-locale catalogs (plain objects of
 * strings and message functions, one file per locale: `ui.zh-CN.ts`, `ui.en.ts`, ...) and a resolver
 * that picks a catalog for a locale. Labels of the statutory layouts are data (`Text`: `{ zh, en }`
 * pairs in `src/model/layout.ts`); `textKey` is how a locale reads them.
 *
 * No DOM, no lit, no imports: the model, the rules, the importer, the renderer and the CLI may all
 * use it. The element reads its locale through `LocaleController` (src/elements/controllers/locale.ts).
 */

/** A supported locale. zh-CN is the default and the source of truth. */
export type Locale = 'zh-CN' | 'en';

/** Every supported locale, the default first. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Any `lang` attribute or `locale` option value → a supported locale (anything starting with "en" is English; default zh-CN). */
export const toLocale = (lang: unknown): Locale => (typeof lang === 'string' && /^en\b/i.test(lang) ? 'en' : 'zh-CN');

/** The key of a layout label pair (`Text`) for a locale. */
export const textKey = (locale: Locale): 'zh' | 'en' => (locale === 'en' ? 'en' : 'zh');

/**
 * The language of text written in the report itself (Chinese), when it differs from the UI's: such text
 * is marked `lang="zh-CN"` inside an English page, for screen readers.
 */
export const reportTextLang = (locale: Locale): 'zh-CN' | undefined => (locale === 'zh-CN' ? undefined : 'zh-CN');

/** A resolver over per-locale catalogs: the catalog of a locale, the default's when it has none. */
export const catalogs =
  <T>(byLocale: { readonly 'zh-CN': T } & Partial<Record<Locale, T>>) =>
  (locale: Locale): T =>
    byLocale[locale] ?? byLocale['zh-CN'];

/** Text of a data file (a rule's message template, its basis), keyed by locale: the locale's, else the default's. */
export type LocaleTexts = { readonly 'zh-CN': string } & Partial<Record<Locale, string>>;

/** The text of a locale from a `LocaleTexts` record (the default's when the locale has none). */
export const inLocale = (texts: Partial<Record<Locale, string>> | undefined, locale: Locale): string | undefined =>
  texts?.[locale] ?? texts?.['zh-CN'];

/**
 * The locale of an options object (`{ locale }`), however odd the object: a getter that throws or a
 * `null` gives the default. The one way an API option, a `lang` attribute or a `--lang` value is read.
 */
export function localeOption(options: unknown): Locale {
  try {
    return toLocale((options as { locale?: unknown } | null | undefined)?.locale);
  } catch {
    return 'zh-CN';
  }
}
