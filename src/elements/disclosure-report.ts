import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  validate,
  explainCell,
  jsonSyntaxMessage,
  locatePath,
  SECTIONS,
  TABLE_IDS,
  REPORT_TITLE,
  FORMATS,
  layoutOf,
  layoutCells,
  readPath,
  NOT_AN_OBJECT,
  cellAt,
  cellLabel,
  getPath,
  isObject,
  type Finding,
  type Summary,
  type ValidationResult,
  type Explanation,
  type Locale,
  type Report,
  type ReportLayout,
  type Grid,
  type TableId,
  type ProseId,
  type SectionLayout,
  type Format,
  type Text,
  type RulePack,
} from '../rules/index.js';
import { parseJsonText } from '../model/json.js';
import { VERSION } from '../version.js';
import { styles } from './styles.js';
import { strings, toLocale, type Strings } from './i18n.js';
import { tableModel, cellId, formatValue, type TableModel, type ValueCell, type RowLabelCell } from './table-model.js';

/** Package version (package.json's), compared by the define module when the tag is registered twice. */
export { VERSION };

/**
 * A light-DOM importer: reads the published report that sits inside the element (an existing CMS
 * article: its tables and text) and returns REPORT-JSON plus diagnostics. Registered by the importer
 * bundle with {@link DisclosureReport.registerImporter}.
 */
export type Importer = (host: HTMLElement) => Promise<{ report: unknown; diagnostics: unknown[] }>;

/** Why loading failed, in `disclosure-report-error` events and the error state. */
export type LoadErrorKind = 'network' | 'http' | 'json' | 'importer-missing' | 'importer' | 'validate';

export interface LoadError {
  kind: LoadErrorKind;
  message: string;
  url?: string;
  status?: number;
  line?: number;
  column?: number;
}

export interface ValidatedDetail {
  findings: Finding[];
  summary: Summary;
  report?: Report;
}

/** `empty`: no data yet; `loading`: fetching `src` or importing; `ready`: rendered and validated; `error`: see `error`. */
export type LoadStatus = 'empty' | 'loading' | 'ready' | 'error';

let importer: Importer | undefined;
const waitingForImporter = new Set<DisclosureReport>();
/** Rule packs run besides the table rules (the importer bundle registers the prose pack). */
let rulePacks: readonly RulePack[] = [];
const connected = new Set<DisclosureReport>();

const SEVERITY_ICON = { error: '✖', warning: '⚠', info: 'ℹ' } as const;
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Properties that say where the report comes from (a change means a new load). */
const SOURCE_PROPS = new Set(['report', 'previous', 'src', 'previousSrc', 'import']);
/** A summary finding's key, stable across re-validation (focus follows its finding; its message may change). */
const findingKey = (f: Finding) => `${f.rule}|${f.status}|${f.cells.join(',')}`;
const isPrevious = (path: string) => path.startsWith('previous:');
const tableOf = (path: string): TableId | undefined => TABLE_IDS.find((t) => path === t || path.startsWith(t + '.'));
const isTotalPath = (path: string) => /(^|\.)total(\.|$)/.test(path);

interface Renderable {
  format: Format;
  [key: string]: unknown;
}
const renderable = (v: unknown): v is Renderable => isObject(v) && FORMATS.includes(v['format'] as Format);

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
 * @attr {string} lang - UI and rule-message language: `zh-CN` (default) or `en`.
 * @attr {boolean} import - Read the report from the published article inside the element (needs the importer script).
 * @attr {number} heading-level - Level of the report title heading (default 2); section headings are one level lower.
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

  /** Package version of this class. */
  static readonly version = VERSION;

  /**
   * Register the light-DOM importer (done by the importer bundle). Elements that are waiting for it
   * (with `import`, or with content but no JSON) load at once.
   */
  static registerImporter(fn: Importer): void {
    importer = fn;
    for (const el of [...waitingForImporter]) void el.refresh();
  }

  /**
   * Run a rule pack besides the table rules in every element (the importer bundle registers the
   * prose pack: TEXT and LABEL). Elements already showing a report are validated again.
   */
  static registerRules(pack: RulePack): void {
    if (rulePacks.includes(pack)) return;
    rulePacks = [...rulePacks.filter((p) => p.name !== pack.name), pack];
    for (const el of connected) if (el._status === 'ready') void el.refresh();
  }

  /** The rule packs registered with {@link DisclosureReport.registerRules}. */
  static get rulePacks(): readonly RulePack[] {
    return rulePacks;
  }

  /** Whether an importer has been registered. */
  static get hasImporter(): boolean {
    return importer !== undefined;
  }

  /** The report: a REPORT-JSON object, or JSON text. */
  @property({ attribute: false }) report?: unknown;

  /** Last year's report, for the cross-year checks. */
  @property({ attribute: false }) previous?: unknown;

  /** URL of the report JSON. */
  @property({ reflect: true }) src?: string;

  /** URL of last year's report JSON. */
  @property({ attribute: 'previous-src', reflect: true }) previousSrc?: string;

  /** `zh-CN` (default) or `en`. */
  @property({ reflect: true }) override lang!: string;

  /** Read the report from the article inside the element with the registered importer. */
  @property({ type: Boolean, reflect: true }) import = false;

  /** Level of the title heading (1–5); section headings are one level lower. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private _status: LoadStatus = 'empty';
  @state() private _error?: LoadError;
  @state() private _result?: ValidationResult;
  @state() private _data?: Renderable;
  @state() private _notes: string[] = [];
  @state() private _active?: string;

  private _generation = 0;
  private _inFlight = false;
  private _resizeObserver?: ResizeObserver;
  private _resume = false;
  private _abort?: AbortController;
  /** The JSON text the report came from (for the line of a finding), when it came as text. */
  private _sourceText: string | undefined;
  private _findingsByCell = new Map<string, Finding[]>();
  private _primary = new Map<Finding, string[]>();
  private _explained = new Map<string, Explanation[]>();
  private _previousUsed: unknown;
  private _terms = new Set<string>();

  /** `empty`, `loading`, `ready` or `error`. */
  get status(): LoadStatus {
    return this._status;
  }
  /** The last validation result. */
  get result(): ValidationResult | undefined {
    return this._result;
  }
  /** The last load error. */
  get error(): LoadError | undefined {
    return this._error;
  }

  /** The layout of the report shown (format and （六） shape as found). */
  private get _layout(): ReportLayout | undefined {
    return this._data && layoutOf(this._data as { format: Format; applications?: unknown });
  }

  private get _locale(): Locale {
    return toLocale(this.lang);
  }
  private get _t(): Strings {
    return strings(this._locale);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    waitingForImporter.delete(this);
    connected.delete(this);
    // A load cut off here (its fetch aborted) starts again when the element is attached again.
    this._resume = this._inFlight;
    this._abort?.abort();
    this._resizeObserver?.disconnect();
    this._sectionObserver?.disconnect();
    window.removeEventListener('resize', this._onResize);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    window.addEventListener('resize', this._onResize);
    if (typeof ResizeObserver === 'function') {
      this._resizeObserver ??= new ResizeObserver(this._onResize);
      this._resizeObserver.observe(this);
    }
    // Re-attached after a move: load again if a load was cut off by disconnectedCallback.
    if (this.hasUpdated && (this._resume || this._status === 'loading')) {
      this._resume = false;
      void this.refresh();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const focused = (this._focusBefore = this.shadowRoot?.activeElement ?? null);
    const li = focused?.closest<HTMLElement>('li[data-key]');
    this._focusFinding = li
      ? {
          key: li.dataset['key']!,
          message: li.dataset['message']!,
          link: [...li.querySelectorAll('a')].indexOf(focused as HTMLAnchorElement),
        }
      : undefined;
    const newSource = !this.hasUpdated || [...changed.keys()].some((k) => SOURCE_PROPS.has(k as string));
    // Only the language changed: validate the same input again, without fetching or a loading state.
    if (newSource || changed.has('lang')) void this._load(!newSource);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this._syncScrollBoxes();
    const panel = this.renderRoot.querySelector<HTMLElement>('.explain');
    panel?.classList.toggle('fixed', !this._stickyWorks());
    const opened = !!this._active && (changed as Map<PropertyKey, unknown>).has('_active');
    // Fixed panels of other reports on the page would sit on top of this one: they close.
    if (opened)
      for (const el of connected)
        if (el !== this && el._active && el.renderRoot.querySelector('.explain.fixed')) el._active = undefined;
    if (opened || (this._active && changed.has('lang'))) this._reveal(this._active!);
    this._watchPanel(panel);
    // What had focus was re-rendered away (a fixed finding's link, the closed panel): focus moves to
    // the open cell or the summary heading, never to <body>.
    const before = this._focusBefore;
    this._focusBefore = null;
    // Focus on a summary link follows its finding (the list is re-rendered in place); a fixed finding's
    // link hands focus to the summary heading.
    const finding = this._focusFinding;
    this._focusFinding = undefined;
    if (finding) {
      // The same finding: same rule, status and cells (several such: the one with the same message).
      const same = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-key]')].filter(
        (x) => x.dataset['key'] === finding.key,
      );
      const li = same.length > 1 ? (same.find((x) => x.dataset['message'] === finding.message) ?? same[0]) : same[0];
      const target =
        li?.querySelectorAll('a')[finding.link] ?? this.renderRoot.querySelector<HTMLElement>('#dr-summary');
      if (target && target !== this.shadowRoot!.activeElement) target.focus({ preventScroll: true });
      return;
    }
    if (before && !before.isConnected && !this.shadowRoot!.activeElement) {
      const cell = this._active ?? this._suppressFocus; // the open cell, or the one whose panel was just closed
      const target =
        (cell && this.renderRoot.querySelector<HTMLElement>(`#${cellId(cell)}`)) ||
        this.renderRoot.querySelector<HTMLElement>('#dr-summary, [part="state"]');
      target?.focus({ preventScroll: true });
    }
  }

  /** The container or the window changed size: scroll boxes re-checked, the open cell kept in view. */
  private _onResize = () => {
    this._syncScrollBoxes();
    if (this._active) this._reveal(this._active);
  };

  private _sectionObserver?: IntersectionObserver;
  private _watched?: Element;

  /**
   * A fixed panel (sticky cannot work here) shows only while its table section is in view, as a
   * sticky one does: otherwise it would cover the page footer, or another report's panel.
   */
  private _watchPanel(panel: HTMLElement | null) {
    const section = panel?.classList.contains('fixed') ? panel.closest('section') : null;
    if (section === this._watched) return;
    this._sectionObserver?.disconnect();
    this._watched = section ?? undefined;
    if (!section || typeof IntersectionObserver !== 'function') return;
    this._sectionObserver = new IntersectionObserver(([entry]) => {
      this.renderRoot.querySelector('.explain')?.classList.toggle('away', !entry!.isIntersecting);
    });
    this._sectionObserver.observe(section);
  }

  private _focusBefore: Element | null = null;
  private _focusFinding?: { key: string; message: string; link: number };

  /**
   * Whether `position: sticky` keeps the panel at the bottom of the window: not when an ancestor clips
   * without scrolling (`overflow: hidden` on a CMS article column, to clear floats). Then the panel
   * is fixed to the bottom of the window instead.
   */
  private _stickyWorks(): boolean {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- a walk up the tree from this element
    for (let n: Node | null = this; n;) {
      // the flattened tree: a slotted element's parent box is its slot's
      n =
        (n instanceof Element && n.assignedSlot) ||
        (n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode);
      if (!(n instanceof Element) || n === document.body || n === document.documentElement) return true;
      const o = getComputedStyle(n).overflowY;
      if (o === 'hidden' || o === 'auto' || o === 'scroll')
        return o !== 'hidden' && n.scrollHeight > n.clientHeight + 1;
    }
    return true;
  }

  /**
   * A scroll box is a named region and a tab stop (to scroll it by keyboard) only while its table is
   * wider than it is; otherwise it is a plain box, not one more landmark around the table.
   */
  private _syncScrollBoxes() {
    const focused = this.shadowRoot?.activeElement;
    for (const box of this.renderRoot.querySelectorAll<HTMLElement>('.scroll')) {
      // a box that has focus keeps its stop until focus leaves it (rotating a phone must not drop focus)
      if (box.scrollWidth > box.clientWidth + 1 || box === focused) {
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', box.dataset['label'] ?? '');
      } else {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    }
  }

  /**
   * Bring the active cell into view: clear of the explanation panel below it (the cell's
   * scroll-margin) and not under the sticky row labels of a horizontally scrolled table.
   */
  private _reveal(path: string) {
    const td = this.renderRoot.querySelector<HTMLElement>(`#${cellId(path)}`);
    if (!td) return;
    td.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    const box = td.closest<HTMLElement>('.scroll');
    const label = td.parentElement?.querySelector('th.label');
    if (box && label) {
      const covered = label.getBoundingClientRect().right - td.getBoundingClientRect().left;
      if (covered > 0) box.scrollLeft -= Math.ceil(covered);
    }
  }

  /** Load, validate and render again from the current sources (e.g. after mutating `report` in place). */
  refresh(): Promise<void> {
    return this._load();
  }

  /** Texts fetched for `src` and `previous-src` by the current load, reused when only `lang` changes. */
  private _fetched = new Map<string, string>();

  private _loading: Promise<void> = Promise.resolve();

  /**
   * Resolves once the current load has finished and rendered (status `ready`, `error` or `empty`):
   * `await el.whenReady()` after setting `report`, `src` or `lang`.
   */
  async whenReady(): Promise<LoadStatus> {
    await this.updateComplete;
    for (;;) {
      const gen = this._generation;
      await this._loading;
      await this.updateComplete;
      if (gen === this._generation) return this._status;
    }
  }

  // ------------------------------------------------------------------ loading

  private _jsonScript(): HTMLScriptElement | null {
    for (const child of Array.from(this.children)) {
      if (child instanceof HTMLScriptElement && /^application\/(\w+\+)?json$/i.test(child.type.trim())) return child;
    }
    return null;
  }

  /** Whether the HTML parser is past our end tag (a node after us exists), so all our children are there. */
  private _parsedChildren(): boolean {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- a walk up the tree from this element
    for (let n: Node | null = this; n; n = n.parentNode) if (n.nextSibling) return true;
    return false;
  }

  private _hasLightContent(): boolean {
    for (const node of Array.from(this.childNodes)) {
      if (
        node.nodeType === Node.ELEMENT_NODE &&
        !(node instanceof HTMLScriptElement) &&
        !(node instanceof HTMLTemplateElement)
      )
        return true;
      if (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '') return true;
    }
    return false;
  }

  private _set(status: LoadStatus, error?: LoadError) {
    this._status = status;
    this._error = error;
  }

  private _fail(gen: number, error: LoadError) {
    if (gen !== this._generation) return;
    this._set('error', error);
    this._result = undefined;
    this._data = undefined;
    this._indexFindings();
    this.dispatchEvent(
      new CustomEvent<LoadError>('disclosure-report-error', { detail: error, bubbles: true, composed: true }),
    );
  }

  /**
   * Fetch a URL as text. `null` when the fetch was aborted (a newer load, or the element left the
   * document): not an error, nothing to report.
   */
  private async _fetchText(
    url: string,
    signal: AbortSignal,
  ): Promise<{ ok: true; text: string } | { ok: false; error: LoadError } | null> {
    const cached = this._fetched.get(url);
    if (cached !== undefined) return { ok: true, text: cached };
    const t = this._t;
    const network = (): { ok: false; error: LoadError } | null =>
      signal.aborted ? null : { ok: false, error: { kind: 'network', url, message: t.errNetwork(url) } };
    let res: Response;
    try {
      res = await fetch(new URL(url, document.baseURI).href, {
        signal,
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
    } catch {
      return network();
    }
    if (!res.ok)
      return {
        ok: false,
        error: { kind: 'http', url, status: res.status, message: t.errHttp(url, res.status, res.statusText) },
      };
    try {
      const text = await res.text();
      this._fetched.set(url, text);
      return { ok: true, text };
    } catch {
      return network();
    }
  }

  /** JSON text → value, or a located JSON error. */
  private _parseText(text: string, where: string): { ok: true; value: unknown } | { ok: false; error: LoadError } {
    const parsed = parseJsonText(text);
    if (parsed.ok) return parsed;
    const { line, column } = parsed.position;
    const message = this._t.errJson(where, jsonSyntaxMessage(parsed.reason, line, column, this._locale));
    return {
      ok: false,
      error: { kind: 'json', message, url: where, line: parsed.position.line, column: parsed.position.column },
    };
  }

  private _load(relocalize = false): Promise<void> {
    const p = this._doLoad(relocalize);
    this._loading = p;
    return p;
  }

  private async _doLoad(relocalize: boolean): Promise<void> {
    const gen = ++this._generation;
    this._inFlight = true;
    try {
      await this._run(gen, relocalize);
    } finally {
      if (gen === this._generation) this._inFlight = false;
    }
  }

  private async _run(gen: number, relocalize: boolean): Promise<void> {
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    if (!relocalize) this._fetched.clear();
    waitingForImporter.delete(this);
    // Keep a rendered report on screen while its replacement is validated; otherwise say we are loading.
    if (this._status !== 'ready') this._set('loading');
    const t = this._t;
    const locale = this._locale;
    let input: unknown;
    let text: string | undefined;
    let where = '';
    let fromScript = false;
    const notes: string[] = [];

    if (this.report !== undefined && this.report !== null) {
      input = this.report;
      if (typeof input === 'string') {
        text = input;
        where = 'report';
      }
    } else if (this._jsonScript()) {
      text = this._jsonScript()!.textContent ?? '';
      where = '<script type="application/json">';
      fromScript = true;
    } else if (document.readyState === 'loading' && !this._parsedChildren()) {
      // Upgraded before the parser reached (all of) our children: an inline JSON child may still come,
      // and it takes precedence over `src`. Decide once the document is parsed.
      this._set('loading');
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
      if (gen !== this._generation) return;
      return this._load();
    } else if (this.src) {
      if (this._status !== 'ready') this._set('loading');
      const got = await this._fetchText(this.src, abort.signal);
      if (gen !== this._generation || !got) return;
      if (!got.ok) return this._fail(gen, got.error);
      text = got.text;
      where = this.src;
    } else if (this.import || this._hasLightContent()) {
      if (!importer) {
        waitingForImporter.add(this);
        return this._fail(gen, { kind: 'importer-missing', message: t.errImporterMissing });
      }
      if (this._status !== 'ready') this._set('loading');
      try {
        const out = await importer(this);
        if (gen !== this._generation) return;
        input = out.report;
        for (const d of out.diagnostics ?? []) notes.push(describeDiagnostic(d, t));
      } catch (err) {
        return this._fail(gen, { kind: 'importer', message: t.errImporter(errorText(err)) });
      }
    } else {
      this._set('empty');
      this._result = undefined;
      this._data = undefined;
      return;
    }

    this._sourceText = text;
    if (text !== undefined) {
      const parsed = this._parseText(text, where);
      if (!parsed.ok && fromScript && document.readyState === 'loading') {
        // An inline JSON script that the parser has not finished yet: read it again once it has.
        this._set('loading');
        await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
        if (gen !== this._generation) return;
        return this._load();
      }
      if (!parsed.ok) return this._fail(gen, parsed.error);
      input = parsed.value;
    }

    let previous = this.previous;
    if ((previous === undefined || previous === null) && this.previousSrc) {
      const got = await this._fetchText(this.previousSrc, abort.signal);
      if (gen !== this._generation || !got) return;
      if (!got.ok) notes.push(t.errPrevious(got.error.message));
      else {
        const parsed = this._parseText(got.text, this.previousSrc);
        if (parsed.ok) previous = parsed.value;
        else notes.push(t.errPrevious(parsed.error.message));
      }
    }

    let result: ValidationResult;
    try {
      result = await validate(input, { locale, packs: rulePacks, ...(previous == null ? {} : { previous }) });
    } catch (err) {
      return this._fail(gen, { kind: 'validate', message: t.errValidate(errorText(err)) });
    }
    if (gen !== this._generation) return;
    this._result = result;
    this._previousUsed = previous === null ? undefined : previous;
    this._data = result.report ?? (renderable(input) ? input : undefined);
    this._indexFindings();
    this._notes = notes;
    // The open explanation stays open on the same cell when the new report has it (live editing).
    const active = this._active;
    this._active = active && this._layout && cellAt(this._layout, active) ? active : undefined;
    this._set('ready');
    await this.updateComplete;
    if (gen !== this._generation) return;
    this.dispatchEvent(
      new CustomEvent<ValidatedDetail>('disclosure-report-validated', {
        detail: { findings: result.findings, summary: result.summary, report: result.report },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /**
   * Which cells a finding is shown on. For an equation rule (T3-BAL, T3-TOTAL, T3-COL, T4-SUM,
   * X-CARRY, ...) these are the reported cells of the failing equation, as `explainCell` gives them
   * (e.g. （七）总计, not the 20 rows it sums); the other cells of the equation are highlighted when the
   * cell is opened. Other findings (NUM, BLANK, FORMAT, SCHEMA, ...) are shown on all their cells.
   */
  private _indexFindings() {
    const map = new Map<string, Finding[]>();
    const primary = new Map<Finding, string[]>();
    const report = this._result?.report;
    const explained = new Map<string, Explanation[]>();
    const explain = (path: string): Explanation[] => {
      let e = explained.get(path);
      if (!e) {
        try {
          e = report ? explainCell(report, path, this._explainOptions()) : [];
        } catch {
          e = [];
        }
        explained.set(path, e);
      }
      return e;
    };
    // A finding on a row or table that is not an object (`"granted": 5`) is shown on the cells under it.
    const layout = this._layout;
    const under = (path: string) => {
      const cells =
        !layout || cellAt(layout, path) ? [] : layoutCells(layout).filter((c) => c.path.startsWith(path + '.'));
      return cells.length ? cells.map((c) => c.path) : [path];
    };
    for (const f of this._result?.findings ?? []) {
      if (f.status !== 'fail') continue;
      const own = f.cells.filter((c) => c && !isPrevious(c)).flatMap(under);
      let cells = own.filter((c) => explain(c).some((e) => e.rule === f.rule && e.status === 'fails'));
      if (!cells.length) cells = own;
      primary.set(f, cells);
      for (const c of cells) {
        let list = map.get(c);
        if (!list) map.set(c, (list = []));
        if (!list.includes(f)) list.push(f);
      }
    }
    this._findingsByCell = map;
    this._primary = primary;
    this._explained = explained;
  }

  private _explainOptions(): { locale: Locale; previous?: unknown } {
    return this._previousUsed === undefined
      ? { locale: this._locale }
      : { locale: this._locale, previous: this._previousUsed };
  }

  private _explain(path: string): Explanation[] {
    let e = this._explained.get(path);
    if (!e) {
      try {
        e = this._result?.report ? explainCell(this._result.report, path, this._explainOptions()) : [];
      } catch {
        e = [];
      }
      this._explained.set(path, e);
    }
    return e;
  }

  /** REPORT-JSON paths of the cells that carry a mark (icon and text) for a failing finding. */
  get flaggedCells(): string[] {
    return [...this._findingsByCell.keys()];
  }

  // ------------------------------------------------------------------ interaction

  private _suppressFocus?: string;

  private _onCell = (e: Event) => {
    const td = (e.target as Element | null)?.closest?.('td[data-path]');
    if (!td) return;
    const path = td.getAttribute('data-path') ?? undefined;
    if (e.type === 'focusin' && this._suppressFocus === path) {
      this._suppressFocus = undefined;
      return;
    }
    this._suppressFocus = undefined;
    this._active = path;
    // Focus alone (Tab) opens the panel silently; a click says so.
    if (e.type === 'click' && path) this._announceOpen(path);
    else this._announcement = '';
  };

  @state() private _announcement = '';

  /** One short line for screen readers when the panel is opened on purpose (click, Enter, a summary link). */
  private _announceOpen(path: string) {
    const cell = this._layout && cellAt(this._layout, path);
    if (cell) this._announcement = this._t.explainOpened(cellLabel(cell, this._locale === 'en' ? 'en' : 'zh'));
  }

  private _onCellKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this._active) {
      this._active = undefined;
    } else if (e.key === 'Enter' || e.key === ' ') {
      const td = (e.target as Element | null)?.closest?.('td[data-path]');
      if (!td) return;
      e.preventDefault();
      this._active = td.getAttribute('data-path') ?? undefined;
      if (this._active) this._announceOpen(this._active);
    }
  };

  private _goto(e: Event, path: string) {
    e.preventDefault();
    this.focusCell(path);
  }

  /** Scroll to and focus the cell at a REPORT-JSON path; returns false when it is not rendered. */
  focusCell(path: string): boolean {
    const el = this.renderRoot.querySelector<HTMLElement>(`#${cellId(path)}`);
    if (!el) return false;
    el.scrollIntoView?.({ block: 'center', inline: 'center' });
    el.focus({ preventScroll: true });
    this._active = path;
    this._announceOpen(path);
    return true;
  }

  // ------------------------------------------------------------------ rendering

  private _heading(level: number, content: unknown, id?: string, part = 'heading', cls = '', focusable = false) {
    return html`<div role="heading" aria-level=${Math.min(6, Math.max(1, level))} id=${id ?? nothing} part=${part} class="h ${cls}"
      tabindex=${focusable ? '-1' : nothing}>${content}</div>`;
  }

  protected override render(): TemplateResult {
    const t = this._t;
    switch (this._status) {
      case 'empty':
        return html`<p class="state" part="state" role="status" lang=${this._locale}>${t.noReport}</p>`;
      case 'loading':
        return html`<p class="state" part="state" role="status" lang=${this._locale}>${t.loading}</p><slot></slot>`;
      case 'error': {
        const e = this._error!;
        const notice = e.kind === 'importer-missing';
        return html`<div class="state ${notice ? '' : 'error'}" part="state" role=${notice ? 'status' : 'alert'} lang=${this._locale} tabindex="-1">
            ${e.message}
          </div>
          <slot></slot>`;
      }
      default:
        return this._renderReport();
    }
  }

  private _renderReport(): TemplateResult {
    const t = this._t;
    const data = this._data;
    const en = this._locale === 'en';
    const level = Math.min(5, Math.max(1, this.headingLevel || 2));
    if (!data) {
      return html`<article part="report" lang=${this._locale}>${this._renderSummary(undefined, level)}</article>`;
    }
    const layout = this._layout!;
    this._terms = new Set(
      this._active
        ? this._explain(this._active).flatMap((e) => [...e.expectedTerms, ...e.actualTerms].map((x) => x.path))
        : [],
    );
    const agency =
      isObject(data['agency']) && typeof data['agency']['name'] === 'string' ? (data['agency']['name'] as string) : '';
    const year = typeof data['year'] === 'number' ? data['year'] : undefined;
    const title =
      typeof data['title'] === 'string' && data['title'].trim()
        ? this._reportText(data['title'])
        : en
          ? html`${agency ? html`${this._reportText(agency)}: ` : ''}${REPORT_TITLE.en}${year ? ' ' + year : ''}`
          : `${agency}${year ? year + '年' : ''}${REPORT_TITLE.zh}`;
    const published = typeof data['publishedOn'] === 'string' ? data['publishedOn'] : '';
    return html`<article part="report" aria-labelledby="dr-title" lang=${this._locale}>
      <header part="header">
        ${this._heading(level, title, 'dr-title', 'title', 'title')}
        ${
          agency || published
            ? html`<p class="meta">${agency && data['title'] ? html`<span>${this._reportText(agency)}</span>` : nothing}${agency && data['title'] && published ? ' · ' : nothing}${published ? t.publishedOn(published) : nothing}</p>`
            : nothing
        }
      </header>
      ${this._renderSummary(layout, level + 1)}
      <div class="sr-only" role="status">${this._active ? this._announcement : ''}</div>
      ${SECTIONS.map((s) => (s.kind === 'prose' ? this._renderProse(s, data, level + 1) : this._renderTableSection(s, data, layout, level + 1)))}
    </article>`;
  }

  /** Text from the report itself (Chinese): marked as such inside an English UI, for screen readers. */
  private _reportText(text: string): TemplateResult | string {
    return this._locale === 'en' ? html`<span lang="zh-CN">${text}</span>` : text;
  }

  private _missing(data: Renderable): SectionLayout[] {
    return SECTIONS.filter((s) => {
      if (s.kind === 'table') return !isObject(data[s.id]);
      const prose = isObject(data['sections']) ? data['sections'][s.id] : undefined;
      return typeof prose !== 'string' || prose.trim() === '';
    });
  }

  private _cellText(path: string, layout?: ReportLayout): TemplateResult | string {
    const t = this._t;
    const loc = this._locale === 'en' ? 'en' : 'zh';
    if (isPrevious(path)) {
      const p = path.slice('previous:'.length);
      const cell = layout && cellAt(layout, p);
      return `${t.previousCell} · ${cell ? cellLabel(cell, loc) : p}`;
    }
    const cell = layout && cellAt(layout, path);
    if (!cell) return path || t.reportLevel;
    const caption = cell.grid.caption ? `${cell.grid.caption[loc]} · ` : '';
    return html`<a href="${document.URL.split('#')[0]}#${cellId(path)}" @click=${(e: Event) => this._goto(e, path)}>${caption}${cellLabel(cell, loc)}</a>`;
  }

  private _findingText(f: Finding): string {
    const t = this._t;
    return DECIMAL.test(String(f.expected)) && DECIMAL.test(String(f.actual))
      ? t.expectedActual(String(f.expected), String(f.actual))
      : '';
  }

  private _renderFinding(f: Finding, layout: ReportLayout | undefined) {
    const t = this._t;
    const sev = f.status === 'skipped' ? t.skipped : t[f.severity];
    const cells = this._primary.get(f) ?? f.cells.filter(Boolean);
    // Problems with the input itself are located in the JSON text, when the report came as text.
    const line =
      this._sourceText !== undefined && (f.rule === 'SCHEMA' || f.rule === 'NUM') && cells.length
        ? locatePath(this._sourceText, cells[0]!.split('.'))?.line
        : undefined;
    return html`<li class="finding" data-key=${findingKey(f)} data-message=${f.message}>
      <span class="sev-${f.status === 'skipped' ? 'info' : f.severity}"
        ><span class="icon" aria-hidden="true">${f.status === 'skipped' ? '–' : SEVERITY_ICON[f.severity]}</span> ${sev}</span
      >
      <span class="rule">${f.rule}</span>
      ${f.message}${line ? html` <span class="loc">(${t.line(line)})</span>` : nothing}
      ${
        cells.length
          ? html`<span class="cells"
            >— ${cells.slice(0, 3).map((c, i) => html`${i ? t.cellSep : ''}${this._cellText(c, layout)}`)}${cells.length > 3 ? t.more(cells.length - 3) : nothing}</span
          >`
          : nothing
      }
    </li>`;
  }

  private _renderSummary(layout: ReportLayout | undefined, level: number) {
    const t = this._t;
    const result = this._result;
    const findings = result?.findings ?? [];
    const fails = findings.filter((f) => f.status === 'fail');
    const skipped = findings.filter((f) => f.status === 'skipped');
    const s = result?.summary;
    const missing = this._data ? this._missing(this._data) : [];
    const loc = this._locale === 'en' ? 'en' : 'zh';
    const errors = fails.filter((f) => f.severity === 'error').length;
    const cls = errors ? 'has-errors' : fails.length ? 'has-notices' : 'pass';
    return html`<section class="summary ${cls}" part="summary" aria-labelledby="dr-summary">
      ${this._heading(level, t.summaryHeading, 'dr-summary', 'heading', '', true)}
      ${s ? html`<p>${t.summaryCounts(s.errors, s.warnings, s.infos, s.skipped, s.checked)}</p>` : nothing}
      ${!fails.length && !missing.length ? html`<p>${t.summaryPass}</p>` : nothing}
      ${missing.length ? html`<p class="missing">${t.missingList(missing.map((m) => m.heading[loc]).join(t.listSep))}</p>` : nothing}
      ${this._notes.length ? html`<p>${t.importDiagnostics}:</p><ul class="notes">${this._notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      ${fails.length ? html`<ul class="findings">${fails.map((f) => this._renderFinding(f, layout))}</ul>` : nothing}
      ${
        skipped.length
          ? html`<details>
            <summary>${t.skippedHeading(skipped.length)}</summary>
            <ul class="skipped">${skipped.map((f) => this._renderFinding(f, layout))}</ul>
          </details>`
          : nothing
      }
    </section>`;
  }

  private _renderProse(s: SectionLayout, data: Renderable, level: number) {
    const loc = this._locale === 'en' ? 'en' : 'zh';
    const raw = isObject(data['sections']) ? data['sections'][s.id as ProseId] : undefined;
    const paras =
      typeof raw === 'string'
        ? raw
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean)
        : [];
    return html`<section part="section" class="prose" data-section=${s.id}>
      ${this._heading(level, s.heading[loc], `h-${s.id}`)}
      ${paras.length ? paras.map((p) => html`<p lang=${this._locale === 'en' ? 'zh-CN' : nothing}>${p}</p>`) : html`<p class="missing">${this._t.missingSection}</p>`}
    </section>`;
  }

  /** Badge of one table: from the findings whose cells lie in it. */
  tableStatus(table: TableId): { kind: 'pass' | 'error' | 'notice' | 'unchecked'; count: number } {
    const data = this._data;
    const result = this._result;
    if (!data || !result || !isObject(data[table])) return { kind: 'unchecked', count: 0 };
    let errors = 0;
    let notices = 0;
    let schema = false;
    for (const f of result.findings) {
      if (f.rule === 'SCHEMA') schema = true;
      if (f.status !== 'fail' || !f.cells.some((c) => !isPrevious(c) && tableOf(c) === table)) continue;
      if (f.severity === 'error') errors++;
      else notices++;
    }
    if (errors) return { kind: 'error', count: errors };
    if (notices) return { kind: 'notice', count: notices };
    if (schema && !result.report) return { kind: 'unchecked', count: 0 };
    return { kind: 'pass', count: 0 };
  }

  private _renderBadge(table: TableId) {
    const t = this._t;
    const st = this.tableStatus(table);
    const text =
      st.kind === 'error'
        ? t.badgeErrors(st.count)
        : st.kind === 'notice'
          ? t.badgeNotices(st.count)
          : st.kind === 'pass'
            ? t.badgePass
            : t.badgeUnchecked;
    const icon = st.kind === 'error' ? '✖' : st.kind === 'notice' ? '⚠' : st.kind === 'pass' ? '✔' : '–';
    return html`<span class="badge ${st.kind}" part="badge" data-status=${st.kind}><span class="icon" aria-hidden="true">${icon}</span> ${text}</span>`;
  }

  private _renderTableSection(s: SectionLayout, data: Renderable, layout: ReportLayout, level: number) {
    const loc = this._locale === 'en' ? 'en' : 'zh';
    const id = s.id as TableId;
    const present = isObject(data[id]);
    const active = this._active && tableOf(this._active) === id ? this._active : undefined;
    const extras =
      present && Array.isArray((data[id] as Record<string, unknown>)['extras'])
        ? ((data[id] as Record<string, unknown>)['extras'] as unknown[])
        : [];
    return html`<section part="section" class="table-section" data-section=${id}>
      <div class="section-head">${this._heading(level, s.heading[loc], `h-${id}`)}${this._renderBadge(id)}</div>
      ${
        present
          ? layout.tables[id].grids.map((g) => this._renderGrid(g, data, s))
          : html`<p class="missing">${this._t.missingTable}</p>`
      }
      ${extras.length ? this._renderExtras(id, extras) : nothing}
      ${active ? this._renderExplain(active, layout, level + 1) : nothing}
    </section>`;
  }

  private _renderGrid(grid: Grid, data: Renderable, s: SectionLayout) {
    const loc = this._locale === 'en' ? 'en' : 'zh';
    const model: TableModel = tableModel(grid);
    const label = this._t.tableRegion(grid.caption ? grid.caption[loc] : s.heading[loc]);
    return html`<div class="scroll" data-label=${label}>
      <table part="table" id="t-${grid.id}" data-grid=${grid.id} aria-labelledby=${grid.caption ? nothing : `h-${s.id}`}
        @click=${this._onCell} @focusin=${this._onCell} @keydown=${this._onCellKey}>
        ${grid.caption ? html`<caption>${grid.caption[loc]}</caption>` : nothing}
        <thead>
          ${model.head.map(
            (row) => html`<tr>
              ${row.map(
                (h) => html`<th
                  scope=${h.scope === 'corner' ? nothing : h.scope}
                  colspan=${h.colspan > 1 ? h.colspan : nothing}
                  rowspan=${h.rowspan > 1 ? h.rowspan : nothing}
                  class=${h.scope === 'corner' ? 'corner' : nothing}
                >${h.label[loc]}</th>`,
              )}
            </tr>`,
          )}
        </thead>
        <tbody>
          ${model.body.map(
            (row) =>
              html`<tr>${row.cells.map((c) => (c.type === 'label' ? this._renderLabel(c, loc) : this._renderValue(c, data)))}</tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _renderLabel(c: RowLabelCell, loc: 'zh' | 'en') {
    return html`<th
      scope=${c.scope}
      colspan=${c.colspan > 1 ? c.colspan : nothing}
      rowspan=${c.rowspan > 1 ? c.rowspan : nothing}
      class=${c.scope === 'row' ? 'label' : 'group'}
    >${c.label[loc]}</th>`;
  }

  private _renderValue(c: ValueCell, data: Renderable) {
    const t = this._t;
    // No value because the row or table around it is not an object (`"granted": 5`; null is blank): unreadable.
    const raw = readPath(data, c.path);
    const unreadable = raw === NOT_AN_OBJECT;
    const value = unreadable ? null : formatValue(raw);
    const findings = this._findingsByCell.get(c.path);
    const worst = findings?.some((f) => f.severity === 'error')
      ? 'error'
      : findings?.some((f) => f.severity === 'warning')
        ? 'warning'
        : findings
          ? 'info'
          : '';
    const total = isTotalPath(c.path);
    const cls = `${total ? 'total ' : ''}${worst ? 'fail fail-' + worst : ''}${this._active === c.path ? ' active' : ''}${this._terms.has(c.path) ? ' term' : ''}`;
    // Totals and marked cells are in the tab order (they open their explanation); the others can be focused from the summary.
    return html`<td id=${cellId(c.path)} data-path=${c.path} class=${cls} part="cell" tabindex=${total || findings ? '0' : '-1'}>
      ${unreadable ? html`<span class="blank">${t.unreadable}</span>` : value === null ? html`<span class="blank" part="blank">${t.blank}</span>` : value}
      ${
        findings
          ? html`<ul class="flags" part="flag">
            ${findings.map(
              (f) => html`<li class="sev-${f.severity}">
                <span class="icon" aria-hidden="true">${SEVERITY_ICON[f.severity]}</span><span class="sr-only">${t[f.severity]}:</span>
                <span class="rule">${f.rule}</span> ${this._findingText(f)}
              </li>`,
            )}
          </ul>`
          : nothing
      }
    </td>`;
  }

  private _renderExtras(id: TableId, extras: unknown[]) {
    const t = this._t;
    const rows = extras.filter(isObject);
    return html`<div class="scroll" data-label=${t.extrasCaption}>
      <table part="table" class="extras" data-extras=${id}>
        <caption>${t.extrasCaption}</caption>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <th scope="row" class="label">${this._reportText(String(r['label'] ?? ''))}</th>
              ${(Array.isArray(r['values']) ? r['values'] : []).map((v) => {
                const s = formatValue(v);
                return html`<td>${s === null ? html`<span class="blank" part="blank">${t.blank}</span>` : s}</td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _renderExplain(path: string, layout: ReportLayout, level: number) {
    const t = this._t;
    const loc = this._locale === 'en' ? 'en' : 'zh';
    const data = this._data!;
    const cell = cellAt(layout, path);
    const label = cell ? `${cell.grid.caption ? cell.grid.caption[loc] + ' · ' : ''}${cellLabel(cell, loc)}` : path;
    const value = formatValue(getPath(data, path));
    const explanations = this._explain(path);
    const findings = this._findingsByCell.get(path) ?? [];
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
    return html`<div class="explain" part="explain" role="region" aria-labelledby="dr-explain-h"
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this._closeExplain(path);
        }
      }}>
      ${this._heading(level, t.explainHeading(label), 'dr-explain-h', 'explain-heading')}
      <p>${t.explainValue(value ?? t.blank)}</p>
      ${findings.length ? html`<ul>${findings.map((f) => html`<li class="sev-${f.severity}"><span class="rule">${f.rule}</span> ${f.message}</li>`)}</ul>` : nothing}
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
      <button type="button" @click=${() => this._closeExplain(path)}>${t.close}</button>
    </div>`;
  }

  private _closeExplain(path: string) {
    this._active = undefined;
    this._suppressFocus = path;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#${cellId(path)}`)?.focus({ preventScroll: true }),
    );
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function describeDiagnostic(d: unknown, t: Strings): string {
  if (!isObject(d)) return String(d);
  const level = typeof d['level'] === 'string' ? `[${d['level']}] ` : '';
  const msg = typeof d['message'] === 'string' ? d['message'] : JSON.stringify(d);
  const line = typeof d['line'] === 'number' ? ` (${t.line(d['line'])})` : '';
  return level + msg + line;
}

declare global {
  interface HTMLElementTagNameMap {
    'disclosure-report': DisclosureReport;
  }
  interface HTMLElementEventMap {
    'disclosure-report-validated': CustomEvent<ValidatedDetail>;
    'disclosure-report-error': CustomEvent<LoadError>;
  }
}

export type { Text };
