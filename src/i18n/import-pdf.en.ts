/** Diagnostics of the PDF reader, English. */
import type { PdfStrings } from './import-pdf.js';

export const en: PdfStrings = {
  'pdf-not-pdf': () => 'the input is not a PDF file (no %PDF- header); nothing imported',
  'pdf-invalid': (p) => `the PDF file is damaged or cannot be parsed (${p.detail}); nothing imported`,
  'pdf-password': () =>
    'the PDF file is protected by a password (encrypted); nothing imported: provide an unencrypted file',
  'pdf-timeout': (p) => `reading the PDF took more than ${p.seconds} s and was given up; nothing imported`,
  'pdf-no-text': (p) =>
    `the PDF has no text layer (${p.pages} page${p.pages === 1 ? '' : 's'}${p.images ? ' of images only: probably a scan' : ' without text'}); nothing imported: run text recognition (OCR) first or use the original electronic file`,
  'pdf-no-unicode': (p) =>
    `the PDF's text cannot be decoded (${p.share}% of its characters have no Unicode mapping: the fonts lack a ToUnicode table); nothing imported`,
  // The page numbers are joined with 、 as in zh-CN: the text is kept as it has been (", " would read better).
  'pdf-pages-without-text': ({ pages }) =>
    pages.length === 1
      ? `page ${pages[0]} holds images but no text layer (probably scanned); its content was not imported`
      : `pages ${pages.join(', ')} hold images but no text layer (probably scanned); their content was not imported`,
  'pdf-pages-cut': (p) => `the PDF has ${p.total} pages; only the first ${p.limit} were read`,
  'pdf-no-tables': () => 'no ruled tables were found in the PDF; the tables were read from the text positions',
};
