/**
 * Strings of `renderStaticHtml` that the element never shows (so they stay out of the viewer script):
 * the catalog shape and its resolver; the catalogs are `static.zh-CN.ts` and `static.en.ts`. The
 * strings both show are in `ui.ts`.
 */
import { catalogs } from './locale.js';
import { zhCN } from './static.zh-CN.js';
import { en } from './static.en.js';

export interface StaticStrings {
  /** Rows outside the template that are in the embedded JSON only. */
  extrasOmitted: (omitted: number, total: number) => string;
}

/** The static-HTML strings of a locale. */
export const staticStrings = catalogs<StaticStrings>({ 'zh-CN': zhCN, en });
