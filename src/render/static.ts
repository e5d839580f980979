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
  isObject,
  FORMATS,
  cellAt,
  cellLabel,
  type Format,
  type Grid,
  type TableId,
} from '../model/layout.js';
import type { ValidationResult } from '../rules/types.js';
import { toLocale, textKey, reportTextLang, type Locale } from '../i18n/locale.js';
import { tableModel, formatValue, cellId, displayValue, unreadCell, unreadText } from '../view/table-model.js';
import { writtenNumber } from '../model/json.js';
import { indexFindings, tableStatus, badgeOf, isTotalPath, type FindingIndex } from '../view/finding-index.js';
import { lineText, neededText, findingNote } from '../view/cell-marks.js';
import { STYLESHEET } from '../view/stylesheet.js';
import { uiStrings, type UiStrings } from '../i18n/ui.js';
import { staticStrings } from '../i18n/static.js';

export interface StaticHtmlOptions {
  /** Language of labels and headings: `zh-CN` (default) or `en`. */
  locale?: Locale;
  /** Wrap the markup in this element (default `disclosure-report`); `false` for the bare article. */
  tagName?: string | false;
  /** Embed the report JSON (default true; only when wrapped). */
  embedJson?: boolean;
  /** Level of the title heading (default 2); sections are one level lower. */
  headingLevel?: number;
  /**
   * Rows outside the template listed per table (default 1,000): the rest stay in the embedded JSON, and
   * a line says how many there are. A report with 96,000 such rows gives 100 KB of HTML, not 30 MB.
   */
  extrasLimit?: number;
  /** Extra attributes of the wrapper element, e.g. `{ 'previous-src': '/2020.json' }` (values escaped). */
  attributes?: Record<string, string | boolean>;
  /**
   * `validate(report)`'s result: the page then shows what the element shows without JavaScript: the
   * summary (every finding with its rule id and links to its cells), a badge per table, and the marks
   * in the cells. Style it with `staticStylesheet()`.
   */
  result?: ValidationResult;
  /** Last year's report, when `result` came from `validate(report, { previous })`. */
  previous?: unknown;
}

/**
 * The element's stylesheet for the static article (`:host` read as `.disclosure-report-static`): put
 * it in a `<style>` of the page (`disclosure-report render -o page.html` does) and the page looks like
 * the element, with no JavaScript.
 */
export const staticStylesheet = (): string =>
  STYLESHEET.replace(/:host\(\[hidden\]\)\s*\{[^}]*\}/, '').replace(/:host/g, '.disclosure-report-static');

const ICON = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escape text for HTML element content and quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/**
 * JSON for a `<script type="application/json">` element: `<` (and U+2028/9) escaped, so `</script>` cannot
 * appear. A number JSON.parse read inexactly from the text the report came from (`writtenNumber`) is
 * written as it was (9007199254740993, not …992), so the element reading the script shows and checks it.
 */
export function jsonForScript(value: unknown): string {
  const literals: string[] = [];
  // a placeholder no report string holds (a NUL and a random number), replaced by the literal
  const mark = `\u0000${String(Math.random()).slice(2)}:`;
  const json = JSON.stringify(
    value,
    function (this: unknown, key, v: unknown) {
      const w = typeof v === 'number' ? writtenNumber(this, key) : undefined;
      return w === undefined ? v : mark + (literals.push(w) - 1);
    },
    1,
  )
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return literals.length
    ? json.replace(new RegExp(`"\\\\u0000${mark.slice(1)}(\\d+)"`, 'g'), (_, i: string) => literals[+i]!)
    : json;
}

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
  out.push(`<h${level} class="h title">${title}</h${level}>`);
  const meta = [report['title'] && agency ? zh(agency) : '', published ? escapeHtml(published) : ''].filter(Boolean);
  if (meta.length) out.push(`<p class="meta">${meta.join(' · ')}</p>`);

  const h = level + 1;
  const result = options.result;
  const index =
    result &&
    indexFindings(result, layout, { locale, ...(options.previous == null ? {} : { previous: options.previous }) });
  if (result && index) out.push(summaryHtml(result, index, layout, loc, t, h, foreign));
  for (const s of SECTIONS) {
    const head = `<h${h} class="h">${escapeHtml(s.heading[loc])}</h${h}>`;
    out.push(
      `<section data-section="${s.id}" class="${s.kind === 'prose' ? 'prose' : 'table-section'}">`,
      s.kind === 'table' && result
        ? `<div class="section-head">${head}${badgeHtml(report, result, s.id as TableId, t)}</div>`
        : head,
    );
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
      for (const grid of layout.tables[s.id as TableId].grids) out.push(gridHtml(grid, report, loc, t, index));
      const extras = (report[s.id] as Record<string, unknown>)['extras'];
      if (Array.isArray(extras) && extras.length)
        out.push(extrasHtml(extras, t, zh, options.extrasLimit ?? 1000, locale));
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

/**
 * A value cell. A blank shows a visible marker (the importer reads it back as blank), never an empty
 * cell that could pass for 0; a cell the importer could not read says so. With an index, the marks.
 */
function cellHtml(
  v: string | null,
  t: UiStrings,
  path?: string,
  report?: unknown,
  index?: FindingIndex,
  loc?: 'zh' | 'en',
) {
  const unread = v === null && path && unreadCell(report, path);
  const shown =
    v !== null
      ? escapeHtml(v)
      : unread
        ? `<span class="blank unread">${escapeHtml(unreadText(unread, t))}</span>`
        : `<span class="blank">${escapeHtml(t.blank)}</span>`;
  if (!path) return `<td>${shown}</td>`;
  const findings = index?.byCell.get(path);
  const worst = index?.worst(path);
  const cls = `${isTotalPath(path) ? 'total' : ''}${worst ? ` fail fail-${worst}` : ''}`.trim();
  let marks = '';
  if (findings && index && loc) {
    const mark = index.marks.get(path);
    const needed = mark && neededText(mark, t);
    marks =
      '<ul class="flags">' +
      findings
        .map((f) => {
          const line = mark?.lines.find((l) => l.finding === f);
          return `<li class="sev-${f.severity}"><span class="icon" aria-hidden="true">${ICON[f.severity]}</span><span class="sr-only">${escapeHtml(t[f.severity])}:</span> ${escapeHtml(line ? lineText(line, t) : findingNote(f, t))}</li>`;
        })
        .join('') +
      (needed ? `<li class="needed">${escapeHtml(needed)}</li>` : '') +
      '</ul>';
  }
  return `<td id="${cellId(path)}" data-path="${path}"${cls ? ` class="${cls}"` : ''}>${shown}${marks}</td>`;
}

/** The badge of a table, as the element draws it. */
function badgeHtml(report: Record<string, unknown>, result: ValidationResult, table: TableId, t: UiStrings): string {
  const st = tableStatus(report, result, table);
  const [text, icon] = badgeOf(st, t);
  return `<span class="badge ${st.kind}" data-status="${st.kind}"><span class="icon" aria-hidden="true">${icon}</span> ${escapeHtml(text)}</span>`;
}

/** The validation summary: counts, then every failing finding with its rule id, message and links to its cells. */
function summaryHtml(
  result: ValidationResult,
  index: FindingIndex,
  layout: ReturnType<typeof layoutOf>,
  loc: 'zh' | 'en',
  t: UiStrings,
  level: number,
  foreign: string | undefined,
): string {
  const s = result.summary;
  const fails = result.findings.filter((f) => f.status === 'fail');
  const cls = fails.some((f) => f.severity === 'error') ? 'has-errors' : fails.length ? 'has-notices' : 'pass';
  const link = (path: string) => {
    const cell = cellAt(layout, path);
    if (!cell) return escapeHtml(path || t.reportLevel);
    const caption = cell.grid.caption ? `${cell.grid.caption[loc]} · ` : '';
    return `<a href="#${cellId(path)}">${escapeHtml(caption + cellLabel(cell, loc))}</a>`;
  };
  // What a message quotes from the report (“规范性文件”) is Chinese inside an English sentence: marked so.
  const message = (m: string) =>
    foreign
      ? escapeHtml(m).replace(/“([^”]*\p{Script=Han}[^”]*)”/gu, `“<span lang="${foreign}">$1</span>”`)
      : escapeHtml(m);
  const items = fails.map((f) => {
    const cells = index.primary.get(f) ?? [];
    return `<li class="finding"><span class="sev-${f.severity}"><span class="icon" aria-hidden="true">${ICON[f.severity]}</span> ${escapeHtml(t[f.severity])}</span> <span class="rule">${escapeHtml(f.rule)}</span> ${message(f.message)}${
      cells.length
        ? ` <span class="cells">— ${cells.slice(0, 3).map(link).join(escapeHtml(t.cellSep))}${cells.length > 3 ? escapeHtml(t.more(cells.length - 3)) : ''}</span>`
        : ''
    }</li>`;
  });
  return [
    `<section class="summary ${cls}" aria-labelledby="dr-summary">`,
    `<h${level} class="h" id="dr-summary">${escapeHtml(t.summaryHeading)}</h${level}>`,
    `<p>${escapeHtml(t.summaryCounts(s.errors, s.warnings, s.infos, s.skipped, s.checked))}</p>`,
    fails.length ? `<ul class="findings">${items.join('\n')}</ul>` : `<p>${escapeHtml(t.summaryPass)}</p>`,
    '</section>',
  ].join('\n');
}

function gridHtml(
  grid: Grid,
  report: Record<string, unknown>,
  loc: 'zh' | 'en',
  t: UiStrings,
  index?: FindingIndex,
): string {
  const m = tableModel(grid);
  const rows: string[] = [`<div class="scroll"><table border="1" data-grid="${grid.id}">`];
  if (grid.caption) rows.push(`<caption>${escapeHtml(grid.caption[loc])}</caption>`);
  rows.push('<thead>');
  for (const hr of m.head) {
    rows.push(
      '<tr>' +
        hr
          .map(
            (c) =>
              `<th${c.scope === 'corner' ? ' class="corner"' : ` scope="${c.scope}"`}${span('colspan', c.colspan)}${span('rowspan', c.rowspan)}>${escapeHtml(c.label[loc])}</th>`,
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
              return `<th scope="${c.scope}" class="${c.scope === 'row' ? 'label' : 'group'}"${span('colspan', c.colspan)}${span('rowspan', c.rowspan)}>${escapeHtml(c.label[loc])}</th>`;
            return cellHtml(displayValue(report, c.path) ?? null, t, c.path, report, index, loc);
          })
          .join('') +
        '</tr>',
    );
  }
  rows.push('</tbody>', '</table></div>');
  return rows.join('\n');
}

function extrasHtml(extras: unknown[], t: UiStrings, zh: (s: string) => string, limit: number, locale: Locale): string {
  const caption = escapeHtml(t.extrasCaption);
  const all = extras.filter(isObject);
  const shown = Math.max(0, Math.min(all.length, Math.floor(limit) || 0));
  const rows = all.slice(0, shown).map((r) => {
    const values = Array.isArray(r['values']) ? r['values'] : [];
    return `<tr><th scope="row">${zh(String(r['label'] ?? ''))}</th>${values.map((v) => cellHtml(formatValue(v), t)).join('')}</tr>`;
  });
  const omitted = all.length - shown;
  return (
    `<table border="1" data-extras=""><caption>${caption}</caption><tbody>\n${rows.join('\n')}\n</tbody></table>` +
    (omitted
      ? `\n<p class="extras-omitted">${escapeHtml(staticStrings(locale).extrasOmitted(omitted, all.length))}</p>`
      : '')
  );
}
