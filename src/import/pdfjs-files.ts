/**
 * Where pdf.js comes from. Here (the source, the tests and the CLI build): the package `pdfjs-dist`,
 * its legacy build (it runs on Node 20 and in every browser the project supports), by package name.
 *
 * The npm ES build (`dist/import.js`, which the script-tag editor also loads) replaces this module
 * (rollup.config.mjs, `pdfjsFiles`) by one that loads the copies of the two files shipped in
 * `dist/pdfjs/` by URL, relative to the chunk: no bare specifier for a browser to resolve, nothing for a
 * CMS to configure, and `workerUrl` for pdf.js's own worker thread.
 *
 * `cMapUrl()`: the folder of pdf.js's packed CMaps (URL, trailing slash), for fonts encoded with one of
 * the predefined CJK CMaps (UniGB-UCS2-H, GBK-EUC-H, …; Identity-H needs none); undefined where it
 * cannot be located (the unbundled source in a browser).
 */

/** URL of pdf.js's worker module for a browser `Worker` (unset: the worker code runs in this thread). */
export const workerUrl: string | undefined = undefined;

export const loadLib = () => import('pdfjs-dist/legacy/build/pdf.mjs');

// @ts-expect-error the worker module has no type declarations
export const loadWorker = (): Promise<unknown> => import('pdfjs-dist/legacy/build/pdf.worker.mjs');

export const cMapUrl = (): string | undefined => {
  try {
    return new URL('./cmaps/', import.meta.resolve('pdfjs-dist/package.json')).href;
  } catch {
    return undefined;
  }
};
