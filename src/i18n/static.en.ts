/** renderStaticHtml strings, English. */
import type { StaticStrings } from './static.js';

export const en: StaticStrings = {
  extrasOmitted: (omitted, total) => `${total} rows; ${omitted} more are not listed (see the report JSON)`,
};
