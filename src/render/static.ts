/**
 * `renderStaticHtml(report, options)`: the report as plain, static HTML (Node and browsers, no DOM),
 * built from the same layout data and table model as `<disclosure-report>`. This is the fallback a
 * CMS editor pastes: it shows without JavaScript, and with the element script the embedded JSON is
 * what the element reads. Every report string is HTML-escaped; the JSON is embedded in a
 * `<script type="application/json">` with `<` written as `\u003c`, so no report text can end it.
 */
import {
  SECTIONS,
  layoutOf,
  getPath,
  isObject,
  FORMATS,
  type Format,
  type Grid,
  type TableId,
} from '../model/layout.js';
import { toLocale, textKey, reportTextLang, type Locale } from '../i18n/locale.js';
import { tableModel, formatValue } from '../view/table-model.js';
import { uiStrings, type UiStrings } from '../i18n/ui.js';

export interface StaticHtmlOptions {
  /** Language of labels and headings: `zh-CN` (default) or `en`. */
  locale?: Locale;
  /** Wrap the markup in this element (default `disclosure-report`); `false` for the bare article. */
  tagName?: string | false;
  /** Embed the report JSON (default true; only when wrapped). */
  embedJson?: boolean;
  /** Level of the title heading (default 2); sections are one level lower. */
  headingLevel?: number;
  /** Extra attributes of the wrapper element, e.g. `{ 'previous-src': '/2020.json' }` (values escaped). */
  attributes?: Record<string, string | boolean>;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape text for HTML element content and quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** JSON for a `<script type="application/json">` element: `<` (and U+2028/9) escaped, so `</script>` cannot appear. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value, null, 1)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const TAG_NAME = /^[a-z][a-z0-9._-]*-[a-z0-9._-]*$/;
const ATTR_NAME = /^[a-zA-Z_:][a-zA-Z0-9_.:-]*$/;

/** Static HTML of a report (a REPORT-JSON object with a known `format`). */
export function renderStaticHtml(report: unknown, options: StaticHtmlOptions = {}): string {
  if (!isObject(report) || !FORMATS.includes(report['format'] as Format)) {
    throw new TypeError('renderStaticHtml: report must be a REPORT-JSON object with format "2019" or "2021"');
  }
  const locale = toLocale(options.locale);
  const loc = textKey(locale);
  const t = uiStrings(locale);
  const level = Math.min(5, Math.max(1, options.headingLevel ?? 2));
  const tag = options.tagName === undefined ? 'disclosure-report' : options.tagName;
  if (tag !== false && !TAG_NAME.test(tag))
    throw new TypeError(`renderStaticHtml: invalid custom element name ${JSON.stringify(tag)}`);
  const layout = layoutOf(report as { format: Format; applications?: unknown });
  const out: string[] = [];

  const agency =
    isObject(report['agency']) && typeof report['agency']['name'] === 'string' ? report['agency']['name'] : '';
  const year = typeof report['year'] === 'number' ? report['year'] : undefined;
  // Text from the report itself is Chinese: marked as such inside English markup, for screen readers.
  const foreign = reportTextLang(locale);
  const zh = (text: string) => (foreign ? `<span lang="${foreign}">${escapeHtml(text)}</span>` : escapeHtml(text));
  const agencyHtml = agency && zh(agency);
  const title =
    typeof report['title'] === 'string' && report['title'].trim()
      ? zh(report['title'])
      : t
          .defaultTitle(agencyHtml, year)
          .map((part) => (part === agencyHtml ? part : escapeHtml(part)))
          .join('');
  const published = typeof report['publishedOn'] === 'string' ? report['publishedOn'] : '';

  if (tag !== false) {
    const attrs: Record<string, string | boolean> = { lang: locale, ...(options.attributes ?? {}) };
    const attrText = Object.entries(attrs)
      .filter(([k, v]) => ATTR_NAME.test(k) && v !== false)
      .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`))
      .join('');
    out.push(`<${tag}${attrText}>`);
    if (options.embedJson !== false) out.push(`<script type="application/json">${jsonForScript(report)}</script>`);
  }
  out.push(`<article class="disclosure-report-static" lang="${locale}">`);
  out.push(`<h${level}>${title}</h${level}>`);
  const meta = [report['title'] && agency ? zh(agency) : '', published ? escapeHtml(published) : ''].filter(Boolean);
  if (meta.length) out.push(`<p>${meta.join(' · ')}</p>`);

  const h = level + 1;
  for (const s of SECTIONS) {
    out.push(`<section data-section="${s.id}">`, `<h${h}>${escapeHtml(s.heading[loc])}</h${h}>`);
    if (s.kind === 'prose') {
      const raw = isObject(report['sections']) ? report['sections'][s.id] : undefined;
      const paras =
        typeof raw === 'string'
          ? raw
              .split('\n')
              .map((p) => p.trim())
              .filter(Boolean)
          : [];
      for (const p of paras) out.push(`<p${foreign ? ` lang="${foreign}"` : ''}>${escapeHtml(p)}</p>`);
      if (!paras.length) out.push(`<p class="missing"><em>${escapeHtml(t.missingSection)}</em></p>`);
    } else if (isObject(report[s.id])) {
      for (const grid of layout.tables[s.id as TableId].grids) out.push(gridHtml(grid, report, loc, t));
      const extras = (report[s.id] as Record<string, unknown>)['extras'];
      if (Array.isArray(extras) && extras.length) out.push(extrasHtml(extras, t, zh));
    } else {
      out.push(`<p class="missing"><em>${escapeHtml(t.missingTable)}</em></p>`);
    }
    out.push('</section>');
  }
  out.push('</article>');
  if (tag !== false) out.push(`</${tag}>`);
  return out.join('\n');
}

const span = (name: string, n: number) => (n > 1 ? ` ${name}="${n}"` : '');

/** A blank cell: a visible marker (the importer reads it back as blank), never an empty cell that could pass for 0. */
const cellHtml = (v: string | null, t: UiStrings, path?: string) =>
  `<td${path ? ` data-path="${path}"` : ''}>${v === null ? `<span class="blank">${escapeHtml(t.blank)}</span>` : escapeHtml(v)}</td>`;

function gridHtml(grid: Grid, report: Record<string, unknown>, loc: 'zh' | 'en', t: UiStrings): string {
  const m = tableModel(grid);
  const rows: string[] = [`<table border="1" data-grid="${grid.id}">`];
  if (grid.caption) rows.push(`<caption>${escapeHtml(grid.caption[loc])}</caption>`);
  rows.push('<thead>');
  for (const hr of m.head) {
    rows.push(
      '<tr>' +
        hr
          .map(
            (c) =>
              `<th${c.scope === 'corner' ? '' : ` scope="${c.scope}"`}${span('colspan', c.colspan)}${span('rowspan', c.rowspan)}>${escapeHtml(c.label[loc])}</th>`,
          )
          .join('') +
        '</tr>',
    );
  }
  rows.push('</thead>', '<tbody>');
  for (const br of m.body) {
    rows.push(
      '<tr>' +
        br.cells
          .map((c) => {
            if (c.type === 'label')
              return `<th scope="${c.scope}"${span('colspan', c.colspan)}${span('rowspan', c.rowspan)}>${escapeHtml(c.label[loc])}</th>`;
            const v = formatValue(getPath(report, c.path));
            return cellHtml(v, t, c.path);
          })
          .join('') +
        '</tr>',
    );
  }
  rows.push('</tbody>', '</table>');
  return rows.join('\n');
}

function extrasHtml(extras: unknown[], t: UiStrings, zh: (s: string) => string): string {
  const caption = escapeHtml(t.extrasCaption);
  const rows = extras.filter(isObject).map((r) => {
    const values = Array.isArray(r['values']) ? r['values'] : [];
    return `<tr><th scope="row">${zh(String(r['label'] ?? ''))}</th>${values.map((v) => cellHtml(formatValue(v), t)).join('')}</tr>`;
  });
  return `<table border="1" data-extras=""><caption>${caption}</caption><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
