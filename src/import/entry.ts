/**
 * The npm entry `disclosure-report/import`: everything of the importer (`./index.ts`), with
 * `importReport` also taking the bytes of a PDF.
 *
 * - text (an HTML page, flattened text) → `ImportResult`, as `./index.ts` reads it;
 * - PDF bytes (`Uint8Array`, a Node `Buffer`, `ArrayBuffer`) → `Promise<ImportResult>`, read by
 *   `importPdf` (`./pdf.ts`), which loads pdf.js then and only then (a dynamic import).
 *
 * The `<disclosure-report import>` script imports `./index.ts` directly: it never reaches the PDF
 * reader, so neither pdf.js nor the table reconstruction adds a byte to it.
 */
import { importReport as importText, type ImportOptions, type ImportResult } from './index.js';

export * from './index.js';

/** Read a published report from its text (HTML, flattened text): the report and located diagnostics. */
export function importReport(input: string, options?: ImportOptions): ImportResult;
/** Read a published report from the bytes of a PDF: diagnostics name the page (`page`) instead of a line. */
export function importReport(input: Uint8Array | ArrayBuffer, options?: ImportOptions): Promise<ImportResult>;
export function importReport(
  input: string | Uint8Array | ArrayBuffer,
  options: ImportOptions = {},
): ImportResult | Promise<ImportResult> {
  // Not `instanceof`: bytes made in another realm (an iframe, a worker's message) are bytes too.
  if (ArrayBuffer.isView(input) || Object.prototype.toString.call(input) === '[object ArrayBuffer]')
    return importPdf(input as Uint8Array | ArrayBuffer, options);
  return importText(input as string, options);
}

/** Read a published report from the bytes of a PDF (pdf.js is loaded on the first call). */
export async function importPdf(input: Uint8Array | ArrayBuffer, options: ImportOptions = {}): Promise<ImportResult> {
  const m = await import('./pdf.js');
  return m.importPdf(input, options);
}
