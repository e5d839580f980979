/**
 * The report as Lit templates, shared by the viewer and the editor: the title block, the validation
 * summary with its links, the six sections, the official tables (from the DOM-free table model), the
 * marks in a failing cell, the badges, the rows outside the template and the "how it is computed"
 * panel. Each function takes a `ReportView`: what to draw (data, findings by cell, open cell) and in
 * which language. No state lives here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  SECTIONS,
  cellAt,
  cellLabel,
  isObject,
  locatePath,
  type Explanation,
  type Finding,
  type Grid,
  type ProseId,
  type ReportLayout,
  type SectionLayout,
  type TableId,
  type ValidationResult,
} from '../../rules/index.js';
import { reportTextLang, type Locale } from '../../i18n/locale.js';
import type { UiStrings } from '../../i18n/ui.js';
import {
  tableModel,
  cellId,
  displayValue,
  formatValue,
  unreadCell,
  unreadText,
  type ValueCell,
} from '../../view/table-model.js';
import {
  findingKey,
  isPrevious,
  isTotalPath,
  tableOf,
  tableStatus,
  badgeOf,
  type FindingIndex,
} from '../../view/finding-index.js';
import { lineText, neededText, findingNote } from '../../view/cell-marks.js';
import type { PanelController } from '../controllers/panel.js';
import type { Renderable } from '../controllers/report-loader.js';

/** What the templates draw, and in which language. */
export interface ReportView {
  readonly locale: Locale;
  /** Key of the layout labels (`Text`) for the locale. */
  readonly k: 'zh' | 'en';
  readonly t: UiStrings;
  readonly result?: ValidationResult;
  readonly data?: Renderable;
  readonly layout?: ReportLayout;
  readonly index: FindingIndex;
  /** Import diagnostics and other notes, listed in the summary. */
  readonly notes: readonly string[];
  /** The JSON text of the report, to give a finding its line. */
  readonly sourceText?: string;
  /** The open cell, its panel, and the handlers of the tables. */
  readonly panel: PanelController;
  /** The cells of the open (or hovered marked) cell's equations (outlined). */
  readonly terms: ReadonlySet<string>;
  /** How many rows outside the template are shown in a table (at least `EXTRAS_PAGE`), and showing more; without it, one page. */
  readonly extras?: { shown(table: TableId): number; more(table: TableId): void };
  /**
   * Draws the summary's list of failing findings its own way (the editor: blank cells folded into a
   * line per table); without it, every finding is listed (`renderFinding`).
   */
  readonly findings?: (fails: Finding[]) => unknown;
}

/**
 * Rows outside the template are drawn `EXTRAS_PAGE` at a time: a report with 96,000 of them (5 MB) must
 * not freeze the page for seconds. The rest wait behind a button that says how many there are.
 */
export const EXTRAS_PAGE = 200;

const SEVERITY_ICON = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

export const heading = (level: number, content: unknown, id?: string, part = 'heading', cls = '', focusable = false) =>
  html`<div role="heading" aria-level=${Math.min(6, Math.max(1, level))} id=${id ?? nothing} part=${part} class="h ${cls}"
      tabindex=${focusable ? '-1' : nothing}>${content}</div>`;

/** Text from the report itself (Chinese): marked as such inside an English UI, for screen readers. */
export const reportText = (v: ReportView, text: string): TemplateResult | string =>
  reportTextLang(v.locale) ? html`<span lang="zh-CN">${text}</span>` : text;

/** A message: what it quotes from the report (“规范性文件”) marked as Chinese inside an English UI, as in static HTML. */
const said = (v: ReportView, m: string) =>
  reportTextLang(v.locale)
    ? m.split(/“([^”]*\p{Script=Han}[^”]*)”/u).map((s, i) => (i % 2 ? html`“<span lang="zh-CN">${s}</span>”` : s))
    : m;

const missingSections = (data: Renderable): SectionLayout[] =>
  SECTIONS.filter((s) => {
    if (s.kind === 'table') return !isObject(data[s.id]);
    const prose = isObject(data['sections']) ? data['sections'][s.id] : undefined;
    return typeof prose !== 'string' || prose.trim() === '';
  });

/**
 * The whole report: title block, summary, sections. `level`: the title's heading level. `noHeader`:
 * the page prints the title itself; the article is labelled with it and the sections take `level`.
 */
export function renderReport(v: ReportView, level: number, noHeader = false): TemplateResult {
  const { t, data } = v;
  if (!data) return html`<article part="report" lang=${v.locale}>${renderSummary(v, level)}</article>`;
  const agency =
    isObject(data['agency']) && typeof data['agency']['name'] === 'string' ? (data['agency']['name'] as string) : '';
  const year = typeof data['year'] === 'number' ? data['year'] : undefined;
  const own = typeof data['title'] === 'string' && data['title'].trim() ? data['title'] : '';
  const published = typeof data['publishedOn'] === 'string' ? data['publishedOn'] : '';
  const inner = noHeader ? level : level + 1;
  return html`<article part="report" lang=${v.locale}
      aria-labelledby=${noHeader ? nothing : 'dr-title'} aria-label=${noHeader ? own || t.defaultTitle(agency, year).join('') : nothing}>
      ${
        noHeader
          ? nothing
          : html`<header part="header">
        ${heading(level, own ? reportText(v, own) : t.defaultTitle(agency && reportText(v, agency), year), 'dr-title', 'title', 'title')}
        ${
          agency || published
            ? html`<p class="meta">${agency && own ? html`<span>${reportText(v, agency)}</span>` : nothing}${agency && own && published ? ' · ' : nothing}${published ? t.publishedOn(published) : nothing}</p>`
            : nothing
        }
      </header>`
      }
      ${renderSummary(v, inner)}
      <div class="sr-only" role="status">${v.panel.active ? v.panel.announcement : ''}</div>
      ${SECTIONS.map((s) => (s.kind === 'prose' ? renderProse(v, s, inner) : renderTableSection(v, s, inner)))}
    </article>`;
}

/** Where a finding points: a link to its cell (or last year's report, or the whole report). */
export function cellText(v: ReportView, path: string): TemplateResult | string {
  const { t, k, layout } = v;
  if (isPrevious(path)) {
    const p = path.slice('previous:'.length);
    const cell = layout && cellAt(layout, p);
    return `${t.previousCell} · ${cell ? cellLabel(cell, k) : p}`;
  }
  const cell = layout && cellAt(layout, path);
  if (!cell) return path || t.reportLevel;
  const caption = cell.grid.caption ? `${cell.grid.caption[k]} · ` : '';
  return html`<a href="${document.URL.split('#')[0]}#${cellId(path)}" @click=${(e: Event) => {
    e.preventDefault();
    v.panel.focusCell(path);
  }}>${caption}${cellLabel(cell, k)}</a>`;
}

/** The line of a finding in the report's JSON text (findings are new objects for each validation). */
const lines = new WeakMap<Finding, number | undefined>();

export function renderFinding(v: ReportView, f: Finding) {
  const t = v.t;
  const skipped = f.status === 'skipped';
  const cells = v.index.primary.get(f) ?? f.cells.filter(Boolean);
  // Problems with the input itself are located in the JSON text, when the report came as text (once
  // per finding: a search of a 5 MB text must not run again at every render).
  let line = lines.get(f);
  if (!lines.has(f)) {
    line =
      v.sourceText !== undefined && (f.rule === 'SCHEMA' || f.rule === 'NUM') && cells.length
        ? locatePath(v.sourceText, cells[0]!.split('.'))?.line
        : undefined;
    lines.set(f, line);
  }
  return html`<li class="finding" data-key=${findingKey(f)} data-message=${f.message}>
      <span class="sev-${skipped ? 'info' : f.severity}"
        ><span class="icon" aria-hidden="true">${skipped ? '–' : SEVERITY_ICON[f.severity]}</span> ${skipped ? t.skipped : t[f.severity]}</span
      >
      <span class="rule">${f.rule}</span>
      ${said(v, f.message)}${line ? html`<span class="loc">${t.at(t.line(line))}</span>` : nothing}
      ${
        cells.length
          ? html`<span class="cells"
            >— ${cells.slice(0, 3).map((c, i) => html`${i ? t.cellSep : ''}${cellText(v, c)}`)}${cells.length > 3 ? t.more(cells.length - 3) : nothing}</span
          >`
          : nothing
      }
    </li>`;
}

/** The validation summary: counts, what is missing, import notes, every finding with links to its cells. */
export function renderSummary(v: ReportView, level: number) {
  const { t, result } = v;
  const findings = result?.findings ?? [];
  const fails = findings.filter((f) => f.status === 'fail');
  const skipped = findings.filter((f) => f.status === 'skipped');
  const s = result?.summary;
  const missing = v.data ? missingSections(v.data) : [];
  const cls = fails.some((f) => f.severity === 'error') ? 'has-errors' : fails.length ? 'has-notices' : 'pass';
  return html`<section class="summary ${cls}" part="summary" aria-labelledby="dr-summary">
      ${heading(level, t.summaryHeading, 'dr-summary', 'heading', '', true)}
      ${s ? html`<p>${t.summaryCounts(s.errors, s.warnings, s.infos, s.skipped, s.checked)}</p>` : nothing}
      ${!fails.length && !missing.length ? html`<p>${t.summaryPass}</p>` : nothing}
      ${missing.length ? html`<p class="missing">${t.missingList(missing.map((m) => m.heading[v.k]).join(t.listSep))}</p>` : nothing}
      ${v.notes.length ? html`<p>${t.importDiagnostics}:</p><ul class="notes">${v.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      ${v.findings ? v.findings(fails) : fails.length ? html`<ul class="findings">${fails.map((f) => renderFinding(v, f))}</ul>` : nothing}
      ${
        skipped.length
          ? html`<details>
            <summary>${t.skippedHeading(skipped.length)}</summary>
            <ul class="skipped">${skipped.map((f) => renderFinding(v, f))}</ul>
          </details>`
          : nothing
      }
    </section>`;
}

function renderProse(v: ReportView, s: SectionLayout, level: number) {
  const raw = isObject(v.data!['sections']) ? v.data!['sections'][s.id as ProseId] : undefined;
  const paras =
    typeof raw === 'string'
      ? raw
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean)
      : [];
  return html`<section part="section" class="prose" data-section=${s.id}>
      ${heading(level, s.heading[v.k], `h-${s.id}`)}
      ${paras.length ? paras.map((p) => html`<p lang=${reportTextLang(v.locale) ?? nothing}>${p}</p>`) : html`<p class="missing">${v.t.missingSection}</p>`}
    </section>`;
}

/** The badge of a table: 通过 / N 处错误 / N 处提示 / 未检查. */
export function renderBadge(v: ReportView, table: TableId) {
  const t = v.t;
  const st = tableStatus(v.data, v.result, table);
  const [text, icon] = badgeOf(st, t);
  return html`<span class="badge ${st.kind}" part="badge" data-status=${st.kind}><span class="icon" aria-hidden="true">${icon}</span> ${text}</span>`;
}

function renderTableSection(v: ReportView, s: SectionLayout, level: number) {
  const data = v.data!;
  const id = s.id as TableId;
  const table = data[id];
  const present = isObject(table);
  const active = v.panel.active;
  const extras = present && Array.isArray(table['extras']) ? (table['extras'] as unknown[]) : [];
  return html`<section part="section" class="table-section" data-section=${id}>
      <div class="section-head">${heading(level, s.heading[v.k], `h-${id}`)}${renderBadge(v, id)}</div>
      ${present ? v.layout!.tables[id].grids.map((g) => renderGrid(v, g, s)) : html`<p class="missing">${v.t.missingTable}</p>`}
      ${extras.length ? renderExtras(v, id, extras) : nothing}
      ${active && tableOf(active) === id ? renderExplain(v, active, level + 1) : nothing}
    </section>`;
}

/**
 * One official table (a grid of the layout) with its header spans, row labels and value cells.
 * `cell` draws a value cell (the viewer's by default; the editor passes its own).
 */
export function renderGrid(
  v: ReportView,
  grid: Grid,
  s: SectionLayout,
  cell: (v: ReportView, c: ValueCell) => unknown = renderValueCell,
) {
  const k = v.k;
  const model = tableModel(grid);
  return html`<div class="scroll" data-label=${v.t.tableRegion(grid.caption ? grid.caption[k] : s.heading[k])}>
      <table part="table" id="t-${grid.id}" data-grid=${grid.id} aria-labelledby=${grid.caption ? nothing : `h-${s.id}`}
        @click=${v.panel.onCell} @focusin=${v.panel.onCell} @keydown=${v.panel.onCellKey}
        @pointerover=${v.panel.onHover} @pointerleave=${v.panel.onHover}>
        ${grid.caption ? html`<caption>${grid.caption[k]}</caption>` : nothing}
        <thead>
          ${model.head.map(
            (row) => html`<tr>
              ${row.map(
                (h) => html`<th
                  scope=${h.scope === 'corner' ? nothing : h.scope}
                  colspan=${h.colspan > 1 ? h.colspan : nothing}
                  rowspan=${h.rowspan > 1 ? h.rowspan : nothing}
                  class=${h.scope === 'corner' ? 'corner' : nothing}
                >${h.label[k]}</th>`,
              )}
            </tr>`,
          )}
        </thead>
        <tbody>
          ${model.body.map(
            (row) =>
              html`<tr>${row.cells.map((c) =>
                c.type === 'label'
                  ? html`<th
                      scope=${c.scope}
                      colspan=${c.colspan > 1 ? c.colspan : nothing}
                      rowspan=${c.rowspan > 1 ? c.rowspan : nothing}
                      class=${c.scope === 'row' ? 'label' : 'group'}
                    >${c.label[k]}</th>`
                  : cell(v, c),
              )}</tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

/** The classes of a value cell: total, fail and its worst severity, open, term of the open cell's equations. */
export const cellClass = (v: ReportView, path: string) => {
  const worst = v.index.worst(path);
  return `${isTotalPath(path) ? 'total ' : ''}${worst ? 'fail fail-' + worst : ''}${v.panel.active === path ? ' active' : ''}${v.terms.has(path) ? ' term' : ''}`;
};

/**
 * The marks of the findings on a cell, in words about that cell (no rule id: that is in the summary and
 * the panel): "与各项合计不符，差 1", then the value that would make them hold ("为 113 时相符").
 */
export function renderMarks(v: ReportView, path: string) {
  const findings = v.index.byCell.get(path);
  const mark = v.index.marks.get(path);
  const needed = mark && neededText(mark, v.t);
  return findings
    ? html`<ul class="flags" part="flag">
            ${findings.map((f) => {
              const line = mark?.lines.find((l) => l.finding === f);
              return html`<li class="sev-${f.severity}">
                <span class="icon" aria-hidden="true">${SEVERITY_ICON[f.severity]}</span><span class="sr-only">${v.t[f.severity]}:</span>
                ${line ? lineText(line, v.t) : findingNote(f, v.t)}
              </li>`;
            })}
            ${needed ? html`<li class="needed">${needed}</li>` : nothing}
          </ul>`
    : nothing;
}

/** The viewer's value cell: the value (or a visible blank / unreadable marker) and its marks. */
export function renderValueCell(v: ReportView, c: ValueCell) {
  const t = v.t;
  // No value because the row or table around it is not an object (`"granted": 5`; null is blank): unreadable.
  const value = displayValue(v.data, c.path);
  const unread = value === null && unreadCell(v.data, c.path);
  // Totals and marked cells are in the tab order (they open their explanation); the others can be focused from the summary.
  return html`<td id=${cellId(c.path)} data-path=${c.path} class=${cellClass(v, c.path)} part="cell" tabindex=${isTotalPath(c.path) || v.index.byCell.has(c.path) ? '0' : '-1'}>
      ${
        value === undefined
          ? html`<span class="blank">${t.unreadable}</span>`
          : unread
            ? html`<span class="blank unread">${unreadText(unread, t)}</span>`
            : value === null
              ? html`<span class="blank" part="blank">${t.blank}</span>`
              : value
      }
      ${renderMarks(v, c.path)}
    </td>`;
}

function renderExtras(v: ReportView, id: TableId, all: unknown[]) {
  const t = v.t;
  const rows = all.filter(isObject);
  const total = rows.length;
  const shown = Math.min(total, v.extras?.shown(id) ?? EXTRAS_PAGE);
  return html`<div class="scroll" data-label=${t.extrasCaption}>
      <table part="table" class="extras" data-extras=${id}>
        <caption>${t.extrasCaption}</caption>
        <tbody>
          ${rows.slice(0, shown).map(
            (r) => html`<tr>
              <th scope="row" class="label">${reportText(v, String(r['label'] ?? ''))}</th>
              ${(Array.isArray(r['values']) ? r['values'] : []).map((x) => {
                const s = formatValue(x);
                return html`<td>${s === null ? html`<span class="blank" part="blank">${t.blank}</span>` : s}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      shown < total
        ? html`<p class="more">
              <button type="button" @click=${() => v.extras?.more(id)}>
                ${t.extrasMore(shown, total)}
              </button>
            </p>`
        : nothing
    }`;
}

/** "How it is computed" for the open cell: its value, its findings, each equation with its terms. */
export function renderExplain(v: ReportView, path: string, level: number) {
  const { t, k } = v;
  const cell = cellAt(v.layout!, path);
  const label = cell ? `${cell.grid.caption ? cell.grid.caption[k] + ' · ' : ''}${cellLabel(cell, k)}` : path;
  const value = displayValue(v.data, path);
  const findings = v.index.byCell.get(path) ?? [];
  const explanations = v.index.explain(path);
  const status = (e: Explanation) =>
    e.status === 'holds' ? t.explainHolds : e.status === 'fails' ? t.explainFails : t.explainSkipped;
  const terms = (list: Explanation['actualTerms']) =>
    list.map(
      (term, i) => html`<li data-path=${term.path}>
          <span class="sign">${i || term.sign < 0 ? (term.sign < 0 ? '−' : '+') : ''}</span>
          ${term.value === null ? html`<span class="blank">${t.blank}</span>` : html`<strong>${term.value}</strong>`}
          <span class="term-label">${term.label}</span>
        </li>`,
    );
  return html`<div class="explain" part="explain" role="region" aria-labelledby="dr-explain-h" @keydown=${v.panel.onPanelKey}>
      ${heading(level, t.explainHeading(label), 'dr-explain-h', 'explain-heading')}
      <p>${t.explainValue(value ?? t.blank)}</p>
      ${findings.length ? html`<ul>${findings.map((f) => html`<li class="sev-${f.severity}"><span class="rule">${f.rule}</span> ${said(v, f.message)}</li>`)}</ul>` : nothing}
      ${
        explanations.length
          ? explanations.map(
              (e) => html`<div class="eq" data-rule=${e.rule}>
              <p><span class="rule">${e.rule}</span> ${status(e)}${e.expected !== null && e.actual !== null ? html` — ${t.explainComputed(e.expected, e.actual)}` : nothing}</p>
              <dl class="sides">
                <dt>${t.computedSide(e.expected ?? t.blank)}</dt>
                <dd><ul class="expected-terms">${terms(e.expectedTerms)}</ul></dd>
                <dt>${t.reportedSide(e.actual ?? t.blank)}</dt>
                <dd><ul class="actual-terms">${terms(e.actualTerms)}</ul></dd>
              </dl>
            </div>`,
            )
          : findings.length
            ? nothing
            : html`<p class="note">${t.explainNone}</p>`
      }
      <button type="button" @click=${() => v.panel.close(path)}>${t.close}</button>
    </div>`;
}
