/**
 * A small, tolerant HTML reader (no DOM: Node has no DOMParser). It keeps what the importer needs:
 * table cells in row order with row breaks, and the text outside tables as lines. Scripts, styles
 * and comments are skipped; entities are decoded; `<br>` and block elements end lines.
 */
import { LineIndex, type Item } from './items.js';

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  times: '×',
  yen: '¥',
  copy: '©',
  reg: '®',
  minus: '−',
  shy: '',
};

export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});?/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    const v = NAMED[e.toLowerCase()];
    return v ?? m;
  });
}

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'caption',
  'blockquote',
  'pre',
  'hr',
  'dl',
  'dt',
  'dd',
  'main',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'thead',
  'tbody',
  'tfoot',
  'disclosure-report',
]);
const SKIP = new Set([
  'script',
  'style',
  'template',
  'head',
  'title',
  'noscript',
  'svg',
  'iframe',
  'object',
  'select',
  'button',
  'textarea',
]);

/** Inside a cell: content a reader does not see as the cell's value (hidden, struck out). */
const HIDING = /\shidden(?=[\s=>/]|$)|display\s*:\s*none|visibility\s*:\s*hidden/i;
const STRUCK = new Set(['del', 's', 'strike']);
const VOID = /^(img|input|br|hr|wbr|col|meta|link|source|area)$/;
/** A footnote mark in `<sup>`: dropped from the cell. Anything else (a digit) keeps the cell unreadable. */
const FOOTNOTE = /^\s*(?:[*#†‡]+|[①-⑳]|[(（[［]?\s*(?:注\s*\d{0,2}|[a-z])\s*[)）\]］]?)\s*$/;

const TAG_NAME = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/;

/** Quick check: does the input look like HTML (tags we care about)? */
export function looksLikeHtml(input: string): boolean {
  return /<(table|td|tr|p|div|br|span|html|body|h[1-6])\b[^>]*>/i.test(input.slice(0, 200000));
}

export interface HtmlRead {
  items: Item[];
  /** Number of tables found. */
  tables: number;
  /** `<title>` text, if any. */
  title?: string;
}

/**
 * Read HTML into items. Table cells become `cell` items (with `<br>` joined), each `</tr>` a
 * `break`; text outside tables becomes one `cell` item per line.
 */
export function readHtml(html: string): HtmlRead {
  const lines = new LineIndex(html);
  const items: Item[] = [];
  let tables = 0;
  let title: string | undefined;
  let text = '';
  let textStart = -1;
  let inCell = false;
  let cellText = '';
  let cellStart = 0;
  let tableDepth = 0;
  let rowOpen = false;
  /** Hidden or struck-out elements open inside the current cell, and whether they held text. */
  let hiding: string[] = [];
  let hidden = false;
  let supAt = -1;

  const flushText = () => {
    const t = text.replace(/[ \t\r\n\u00a0\u3000]+$/g, '');
    if (t.trim()) items.push({ kind: 'cell', text: t.trim(), line: lines.lineOf(textStart), offset: textStart });
    text = '';
    textStart = -1;
  };
  const endCell = () => {
    if (!inCell) return;
    inCell = false;
    // Lines of a cell (<br>, blocks) are joined, but two numbers never into one ("26<br>0").
    const t = cellText
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .reduce((a, b) => a + (/\d$/.test(a) && /^\d/.test(b) ? ' ' : '') + b, '');
    const item: Item = { kind: 'cell', text: t, line: lines.lineOf(cellStart), offset: cellStart };
    if (hidden) item.hidden = true;
    items.push(item);
    cellText = '';
    hiding = [];
    hidden = false;
    supAt = -1;
  };
  const endRow = () => {
    endCell();
    if (rowOpen) items.push({ kind: 'break', text: '', line: lines.lineOf(cellStart), offset: cellStart });
    rowOpen = false;
  };
  const addText = (s: string, at: number) => {
    if (!s) return;
    const d = decodeEntities(s).replace(/[\r\n\t]+/g, ' ');
    if (inCell && hiding.length) hidden ||= !!d.trim();
    else if (inCell) cellText += d;
    else if (tableDepth === 0) {
      if (textStart < 0) {
        if (!d.trim()) return;
        textStart = at;
      }
      text += d;
    }
  };

  const re = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!?([a-zA-Z/])[^>]*>?/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    addText(html.slice(last, m.index), last);
    last = re.lastIndex;
    const tag = m[0];
    if (m[1] === undefined || tag.charCodeAt(1) === 33 /* ! */) continue;
    const tm = TAG_NAME.exec(tag);
    if (!tm) {
      addText(tag, m.index);
      continue;
    }
    const closing = tm[1] === '/';
    const name = tm[2]!.toLowerCase();
    if (!closing && SKIP.has(name) && !tag.endsWith('/>')) {
      const endRe = new RegExp(`</${name}`, 'gi');
      endRe.lastIndex = last;
      const end = endRe.exec(html)?.index ?? -1;
      const body = html.slice(last, end === -1 ? html.length : end);
      if (name === 'title' && title === undefined) title = decodeEntities(body).trim();
      // A form field's text in a cell is not what the cell shows as its number.
      if (inCell && /^(textarea|select|button)$/.test(name) && body.trim()) hidden = true;
      last = end === -1 ? html.length : html.indexOf('>', end) + 1 || html.length;
      re.lastIndex = last;
      continue;
    }
    if (inCell) {
      // Hidden, struck-out and footnote content of a cell (never joined to its number).
      const at = hiding.lastIndexOf(name);
      if (closing && at >= 0) hiding = hiding.slice(0, at);
      else if (!closing && !VOID.test(name) && !tag.endsWith('/>') && (STRUCK.has(name) || HIDING.test(tag)))
        hiding.push(name);
      if (name === 'sup' || name === 'sub') {
        if (!closing) supAt = cellText.length;
        else if (supAt >= 0) {
          const mark = cellText.slice(supAt);
          cellText = cellText.slice(0, supAt) + (FOOTNOTE.test(mark) ? '' : ` ${mark} `);
          supAt = -1;
        }
      }
    }
    switch (name) {
      case 'table':
        if (closing) {
          endRow();
          tableDepth = Math.max(0, tableDepth - 1);
        } else {
          flushText();
          tableDepth++;
          tables++;
        }
        break;
      case 'caption':
        // A caption is a cell of its own row (第二十条第（一）项).
        endRow();
        if (!closing) {
          rowOpen = true;
          inCell = true;
          cellText = '';
          cellStart = m.index;
        }
        break;
      case 'tr':
        endRow();
        if (!closing) rowOpen = true;
        break;
      case 'td':
      case 'th':
        endCell();
        if (!closing) {
          if (tableDepth === 0) {
            flushText();
            tableDepth = 1; // a stray cell: treat as a table
          }
          rowOpen = true;
          inCell = true;
          cellText = '';
          cellStart = m.index;
          if (HIDING.test(tag)) hiding.push(name);
        }
        break;
      default:
        if (BLOCK.has(name)) {
          if (inCell) cellText += '\n';
          else flushText();
        }
    }
  }
  addText(html.slice(last), last);
  endRow();
  flushText();
  return title === undefined ? { items, tables } : { items, tables, title };
}
