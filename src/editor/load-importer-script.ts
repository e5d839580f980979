/**
 * The importer for the script-tag editor (dist/disclosure-report-editor.iife.js): the ES module
 * `import.js` of the same dist folder (or the `importer-src` URL), loaded with a dynamic import only
 * when the editor imports a report. Same origin, so it works under `Content-Security-Policy: default-src 'self'`.
 */
import type { ImportModule } from './importer-types.js';

const base = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

export const loadImporter = (src?: string): Promise<ImportModule> =>
  import(/* @vite-ignore */ src ?? new URL('import.js', base ?? document.baseURI).href) as Promise<ImportModule>;
