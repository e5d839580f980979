/**
 * The importer, loaded only when the editor imports a published report or reads a table pasted from
 * Word: a separate chunk of the npm build. The script-tag build replaces this module with
 * `load-importer-script.ts` (rollup.config.mjs), which loads `import.js` beside the editor script.
 */
import type { ImportModule } from './importer-types.js';

export const loadImporter = (_src?: string): Promise<ImportModule> => import('../import/entry.js');
