/**
 * Diagnostics of the PDF reader (`importPdf`): one message function per code, typed params; catalogs
 * `import-pdf.zh-CN.ts` and `import-pdf.en.ts`. Once the PDF's text is laid out, the notes about its
 * tables are the importer's (`import.ts`), located by page.
 */
import { catalogs } from './locale.js';
import type { Messages, NoParams } from './import.js';
import { zhCN } from './import-pdf.zh-CN.js';
import { en } from './import-pdf.en.js';

export interface PdfParams {
  'pdf-not-pdf': NoParams;
  /** `detail`: what pdf.js said. */
  'pdf-invalid': { detail: string };
  'pdf-password': NoParams;
  'pdf-timeout': { seconds: number };
  /** `images`: the pages hold images (a scan). */
  'pdf-no-text': { pages: number; images: boolean };
  /** `share`: percent of the characters without a Unicode mapping. */
  'pdf-no-unicode': { share: number };
  /** 1-based numbers of the pages with images and no text. */
  'pdf-pages-without-text': { pages: readonly number[] };
  'pdf-pages-cut': { total: number; limit: number };
  'pdf-no-tables': NoParams;
}

export type PdfCode = keyof PdfParams;
export type PdfStrings = Messages<PdfParams>;

/** The PDF reader's messages of a locale. */
export const pdfStrings = catalogs<PdfStrings>({ 'zh-CN': zhCN, en });
