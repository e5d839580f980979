/**
 * Diagnostics about glued digit runs (`12345` for the cells 1 2 3 4 5 of a row): the catalog of the
 * importer's text layouts, apart from `import.ts` so that the light-DOM HTML importer, which has no
 * glued-run reader, does not carry them. Catalogs: `import-glued.zh-CN.ts`, `import-glued.en.ts`.
 */
import { catalogs } from './locale.js';
import type { GluedParams, Messages } from './import.js';
import { zhCN } from './import-glued.zh-CN.js';
import { en } from './import-glued.en.js';

export type GluedStrings = Messages<GluedParams>;

/** The glued-run messages of a locale. */
export const gluedStrings = catalogs<GluedStrings>({ 'zh-CN': zhCN, en });
