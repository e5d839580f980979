import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import {
  layoutOf,
  cellAt,
  cellLabel,
  type Format,
  type ReportLayout,
  type RulePack,
  type TableId,
  type Text,
  type ValidationResult,
} from '../rules/index.js';
import { textKey } from '../i18n/locale.js';
import { indexFindings, tableStatus, type FindingIndex } from '../view/finding-index.js';
import { styles } from './styles.js';
import { LocaleController } from './controllers/locale.js';
import {
  ReportLoader,
  registerImporter,
  registerRules,
  registeredRules,
  hasImporter,
  type Importer,
  type LoadError,
  type LoadStatus,
} from './controllers/report-loader.js';
import { PanelController } from './controllers/panel.js';
import { FocusController } from './controllers/focus.js';
import { renderReport, EXTRAS_PAGE, type ReportView } from './templates/report.js';
import { VERSION } from '../version.js';

export type { Importer, LoadError, LoadErrorKind, LoadStatus, ValidatedDetail } from './controllers/report-loader.js';

/** Package version (package.json's), compared by the define module when the tag is registered twice. */
export { VERSION };

/**
 * The annual government information disclosure report (政府信息公开工作年度报告) in the official table
 * format, with every inconsistency pointed at its cell.
 *
 * Data comes from, in this order: the `report` property, an inline `<script type="application/json">`
 * child, the `src` attribute, or (with the `import` attribute, or when there is no JSON but there is
 * content) a registered light-DOM importer. Findings come from `validate()` of the rules package.
 * Any other light-DOM content (e.g. the static fallback table from `renderStaticHtml`) is shown only
 * while loading, on errors, or without JavaScript; it is never exposed twice to screen readers.
 *
 * @tagname disclosure-report
 * @summary Renders a REPORT-JSON report as the official tables with validation badges.
 *
 * @attr {string} src - URL of the report JSON (used when there is no `report` property and no inline JSON).
 * @attr {string} previous-src - URL of last year's report JSON, for the cross-year checks (X-CARRY, X-INFORCE).
 * @attr {string} lang - UI and rule-message language: `zh-CN` or `en`. Without it, the nearest ancestor's `lang` (as in Shoelace and Web Awesome), then zh-CN. `el.lang` reads the attribute, as on any element.
 * @attr {boolean} no-header - Leave the title block (title, agency, date) out, for CMS pages that print the title themselves; the article is labelled with the title and the sections take `heading-level`.
 * @attr {boolean} import - Read the report from the published article inside the element (needs the importer script).
 * @attr {number} heading-level - Level of the report title heading (default 2); section headings are one level lower (with `no-header`: at this level).
 * @attr {number} timeout - Milliseconds to wait for `src` and `previous-src` before showing the network error (default 30000; 0 waits forever).
 *
 * @prop {unknown} report - The report (REPORT-JSON object or JSON text). Takes precedence over inline JSON and `src`. Assign a new object to re-render.
 * @prop {unknown} previous - Last year's report, for the cross-year checks. Takes precedence over `previous-src`.
 * @prop {LoadStatus} status - `empty`, `loading`, `ready` or `error` (read-only).
 * @prop {ValidationResult | undefined} result - The last validation result (read-only).
 * @prop {LoadError | undefined} error - The last load error (read-only).
 *
 * @fires {CustomEvent<ValidatedDetail>} disclosure-report-validated - The report was validated and rendered; `detail`: `{ findings, summary, report }`.
 * @fires {CustomEvent<LoadError>} disclosure-report-error - Loading failed (network, HTTP, JSON, importer); `detail`: `{ kind, message, url?, status?, line? }`.
 *
 * @slot - Fallback content (e.g. the static table from `renderStaticHtml`): shown without JavaScript, while loading and on errors; hidden once the report renders.
 *
 * @csspart report - The report article.
 * @csspart header - Title block (title, agency, date).
 * @csspart title - The report title.
 * @csspart summary - The validation summary region at the top.
 * @csspart section - Each of the six sections.
 * @csspart heading - Each section heading.
 * @csspart badge - The per-table validation badge.
 * @csspart table - Each table.
 * @csspart cell - Each value cell.
 * @csspart blank - The "未填"/"blank" marker of a blank cell.
 * @csspart flag - The finding marks inside a failing cell.
 * @csspart explain - The "how it is computed" panel.
 * @csspart state - The loading, empty and error messages.
 *
 * @cssprop --dr-color - Text colour (default: inherited).
 * @cssprop --dr-background - Background of tables and panels (default #fff).
 * @cssprop --dr-border-color - Table borders (default #8c8c8c).
 * @cssprop --dr-header-background - Header and label cells (default #eef2f7).
 * @cssprop --dr-error-color - Error text and badges (default #b3261e).
 * @cssprop --dr-error-background - Background of cells with errors (default #fdecea).
 * @cssprop --dr-warning-color - Warning text and badges (default #7a4f00).
 * @cssprop --dr-warning-background - Background of cells with warnings (default #fff4d6).
 * @cssprop --dr-success-color - "Passed" badge text (default #1e6b34).
 * @cssprop --dr-success-background - "Passed" badge background (default #e6f4ea).
 * @cssprop --dr-muted-color - Secondary text and blank markers (default #5c5c5c).
 * @cssprop --dr-focus-color - Focus ring and active cell (default #1a5fb4).
 * @cssprop --dr-link-color - Links in the summary (default: the focus colour).
 * @cssprop --dr-spacing - Base spacing (default 1rem).
 * @cssprop --dr-radius - Corner radius (default 4px).
 * @cssprop --dr-line-height - Line height (default 1.6).
 * @cssprop --dr-title-size - Title font size (default 1.4em).
 * @cssprop --dr-heading-size - Section heading font size (default 1.15em).
 * @cssprop --dr-table-font-size - Table font size (default 0.9em).
 * @cssprop --dr-table-min-width - Minimum table width before it scrolls horizontally (default 36rem).
 * @cssprop --dr-label-min-width - Minimum width of the row-label column (default 10em; 6em on narrow screens).
 * @cssprop --dr-panel-max-height - Maximum height of the "how it is computed" panel, which sticks to the bottom of the viewport while its table is in view (default min(45vh, 28rem)).
 * @cssprop --dr-paragraph-indent - First-line indent of prose paragraphs (default 2em).
 * @cssprop --dr-code-font - Font of rule ids.
 */
export class DisclosureReport extends LitElement {
  static override styles = styles;

  /** The reactive properties (declared below, with their documentation). */
  static override properties = {
    report: { attribute: false },
    previous: { attribute: false },
    src: { reflect: true },
    previousSrc: { attribute: 'previous-src', reflect: true },
    noHeader: { type: Boolean, attribute: 'no-header', reflect: true },
    import: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    timeout: { type: Number },
  };

  /** Package version of this class. */
  static readonly version = VERSION;

  /**
   * Register the light-DOM importer (done by the importer bundle). Elements that are waiting for it
   * (with `import`, or with content but no JSON) load at once.
   */
  static registerImporter(fn: Importer): void {
    registerImporter(fn);
  }

  /**
   * Run a rule pack besides the table rules in every element (the importer bundle registers the
   * prose pack: TEXT and LABEL). Elements already showing a report are validated again.
   */
  static registerRules(pack: RulePack): void {
    registerRules(pack);
  }

  /** The rule packs registered with {@link DisclosureReport.registerRules}. */
  static get rulePacks(): readonly RulePack[] {
    return registeredRules();
  }

  /** Whether an importer has been registered. */
  static get hasImporter(): boolean {
    return hasImporter();
  }

  /** The report: a REPORT-JSON object, or JSON text. */
  declare report?: unknown;

  /** Last year's report, for the cross-year checks. */
  declare previous?: unknown;

  /** URL of the report JSON. */
  declare src?: string;

  /** URL of last year's report JSON. */
  declare previousSrc?: string;

  /** Leave the title block out (the page prints the title). */
  declare noHeader: boolean;

  // `lang` stays the native HTMLElement property (the attribute, '' when absent); a change of it or of
  // an ancestor's re-renders in the new language (LocaleController).
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate('lang', old);
  }

  /** Read the report from the article inside the element with the registered importer. */
  declare import: boolean;

  /** Level of the title heading (1–5); section headings are one level lower. */
  declare headingLevel: number;

  /** Milliseconds to wait for `src` and `previous-src` before the network error (default 30,000; 0: wait forever). */
  declare timeout: number;

  #l10n = new LocaleController(this);
  #loader = new ReportLoader(this, this.#l10n, () => this.#loaded());
  #panel = new PanelController(this, (path) => {
    const cell = this.#layout && cellAt(this.#layout, path);
    return cell ? this.#l10n.t.explainOpened(cellLabel(cell, textKey(this.#l10n.locale))) : '';
  });
  /** Rows outside the template shown per table (they are drawn a page at a time). */
  #extras = new Map<TableId, number>();
  #extrasView = {
    shown: (table: TableId) => this.#extras.get(table) ?? EXTRAS_PAGE,
    more: (table: TableId) => {
      this.#extras.set(table, this.#extrasView.shown(table) + EXTRAS_PAGE);
      this.requestUpdate();
    },
  };
  #index: FindingIndex = indexFindings(undefined, undefined, { locale: 'zh-CN' });

  constructor() {
    super();
    this.import = false;
    this.noHeader = false;
    this.headingLevel = 2;
    this.timeout = 30000;
    new FocusController(this, this.#panel);
  }

  /** `empty`, `loading`, `ready` or `error`. */
  get status(): LoadStatus {
    return this.#loader.status;
  }
  /** The last validation result. */
  get result(): ValidationResult | undefined {
    return this.#loader.result;
  }
  /** The last load error. */
  get error(): LoadError | undefined {
    return this.#loader.error;
  }

  /** REPORT-JSON paths of the cells that carry a mark (icon and text) for a failing finding. */
  get flaggedCells(): string[] {
    return [...this.#index.byCell.keys()];
  }

  /** The layout of the report shown (format and （六） shape as found). */
  get #layout(): ReportLayout | undefined {
    const data = this.#loader.data;
    return data && layoutOf(data as { format: Format; applications?: unknown });
  }

  /** A load landed (or failed): findings indexed by cell; the open cell stays open when the new report has it (live editing). */
  #loaded() {
    const loader = this.#loader;
    const layout = this.#layout;
    const locale = this.#l10n.locale;
    this.#index = indexFindings(
      loader.result,
      layout,
      loader.previousUsed === undefined ? { locale } : { locale, previous: loader.previousUsed },
    );
    const active = this.#panel.active;
    if (active && !(layout && cellAt(layout, active))) this.#panel.active = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#loader.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The text changed under the open cell: keep it in view.
    if (changed.has('lang')) this.#panel.reveal();
  }

  /** Load, validate and render again from the current sources (e.g. after mutating `report` in place). */
  refresh(): Promise<void> {
    return this.#loader.load();
  }

  /**
   * Resolves once the current load has finished and rendered (status `ready`, `error` or `empty`):
   * `await el.whenReady()` after setting `report`, `src` or `lang`.
   */
  whenReady(): Promise<LoadStatus> {
    return this.#loader.whenReady();
  }

  /** Scroll to and focus the cell at a REPORT-JSON path; returns false when it is not rendered. */
  focusCell(path: string): boolean {
    return this.#panel.focusCell(path);
  }

  /** Badge of one table: from the findings whose cells lie in it. */
  tableStatus(table: TableId): { kind: 'pass' | 'error' | 'notice' | 'unchecked'; count: number } {
    return tableStatus(this.#loader.data, this.#loader.result, table);
  }

  protected override render(): TemplateResult {
    const { t, locale } = this.#l10n;
    const loader = this.#loader;
    switch (loader.status) {
      case 'empty':
        return html`<p class="state" part="state" role="status" lang=${locale}>${t.noReport}</p>`;
      case 'loading':
        return html`<p class="state" part="state" role="status" lang=${locale}>${t.loading}</p><slot></slot>`;
      case 'error': {
        const e = loader.error!;
        // No JSON and no importer script: the article as it is (the webmaster's note is in the console).
        if (e.kind === 'importer-missing') return html`<slot></slot>`;
        return html`<div class="state error" part="state" role="alert" lang=${locale} tabindex="-1">${e.message}</div>
          <slot></slot>`;
      }
    }
    const panel = this.#panel;
    const view: ReportView = {
      locale,
      k: textKey(locale),
      t,
      result: loader.result,
      data: loader.data,
      layout: this.#layout,
      index: this.#index,
      notes: loader.notes,
      sourceText: loader.sourceText,
      panel,
      terms: new Set([...this.#index.terms(panel.active), ...this.#index.terms(panel.hover)]),
      extras: this.#extrasView,
    };
    return renderReport(view, Math.min(5, Math.max(1, this.headingLevel || 2)), this.noHeader);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'disclosure-report': DisclosureReport;
  }
  interface HTMLElementEventMap {
    'disclosure-report-validated': CustomEvent<import('./controllers/report-loader.js').ValidatedDetail>;
    'disclosure-report-error': CustomEvent<LoadError>;
  }
}

export type { Text };
