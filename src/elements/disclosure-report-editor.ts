import { LitElement, html, nothing, css, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  SECTIONS,
  cellAt,
  cellLabel,
  isObject,
  layoutCells,
  layoutOf,
  readPath,
  validate,
  FORMATS,
  NOT_AN_OBJECT,
  type Finding,
  type Format,
  type ProseId,
  type ReportLayout,
  type SectionLayout,
  type TableId,
  type ValidationResult,
} from '../rules/index.js';
import { parseJsonText, writtenNumber } from '../model/json.js';
import { jsonSyntaxMessage } from '../model/contract.js';
import { textKey } from '../i18n/locale.js';
import { editorStrings, type EditorStrings } from '../i18n/editor.js';
import { findingKey, indexFindings, tableOf, type FindingIndex } from '../view/finding-index.js';
import { cellId, type ValueCell } from '../view/table-model.js';
import { renderStaticHtml } from '../render/static.js';
import {
  startNew,
  reportTitle,
  setIn,
  parseCellInput,
  formatCellInput,
  moveFrom,
  pasteTargets,
  parseTsv,
  offers,
  type Offer,
  type StartOptions,
  type Move,
} from '../editor/model.js';
import { History, type CellChange } from '../editor/history.js';
import { DraftStore, draftKey, draftScope } from '../editor/drafts.js';
import { loadImporter } from '../editor/load-importer.js';
import type { ImportedDiagnostic } from '../editor/importer-types.js';
import { styles } from './styles.js';
import { LocaleController } from './controllers/locale.js';
import { PanelController } from './controllers/panel.js';
import { registeredRules, type Renderable } from './controllers/report-loader.js';
import {
  heading,
  renderBadge,
  renderExplain,
  renderFinding,
  renderGrid,
  renderMarks,
  renderSummary,
  cellClass,
  cellText,
  type ReportView,
} from './templates/report.js';
import { VERSION } from '../version.js';

const editorStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin: 0 0 var(--dr-spacing, 1rem);
  }
  button {
    font: inherit;
    padding: 0.25em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--dr-radius, 4px);
    background: var(--dr-background, #fff);
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.5em 1em;
    margin-bottom: var(--dr-spacing, 1rem);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    font-size: 0.9em;
  }
  .fields input,
  .import textarea,
  .prose-input {
    font: inherit;
    padding: 0.3em 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--dr-radius, 4px);
    background: var(--dr-background, #fff);
    color: inherit;
    box-sizing: border-box;
    width: 100%;
  }
  .prose-input {
    min-height: 8em;
    resize: vertical;
    line-height: inherit;
  }
  .import {
    flex-basis: 100%;
  }
  .import textarea {
    min-height: 6em;
  }
  td.edit {
    padding: 0;
    position: relative;
  }
  td.edit input {
    font: inherit;
    width: 100%;
    min-width: 3.5em;
    box-sizing: border-box;
    border: 0;
    padding: 0.35em 0.4em;
    background: transparent;
    color: inherit;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  td.edit input:focus {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  td.edit .flags,
  td.edit .offer {
    margin: 0 0.3em 0.3em;
  }
  .offer {
    font-size: 0.85em;
    padding: 0 0.4em;
    border-style: dashed;
    color: var(--_focus);
  }
  .notice {
    padding: 0.5em 0.75em;
    border-left: 4px solid var(--_focus);
    background: var(--_head-bg);
    margin: 0 0 var(--dr-spacing, 1rem);
  }
  /* the panel sits after its table: while filling in, it must not cover the rows still to fill */
  .explain,
  .explain.fixed {
    position: static;
    max-height: none;
    box-shadow: none;
  }
  .status {
    margin: 0 0 var(--dr-spacing, 1rem);
  }
  /* the summary's line per table of blank cells: how many, "next", and the list on demand */
  .blanks {
    list-style: none;
    padding-left: 0;
  }
  .blanks > li > button {
    font-size: 0.85em;
    padding: 0 0.6em;
    margin-left: 0.3em;
  }
  .blanks details {
    margin: 0.2em 0 0 1.4em;
  }
  /* empty, it takes no room, but stays in the accessibility tree so that what it says next is announced */
  .status:empty {
    margin: 0;
  }
  @media print {
    .blanks button,
    .toolbar,
    .status,
    .notice,
    .offer,
    .explain {
      display: none;
    }
    td.edit input,
    .fields input,
    .prose-input {
      border: 0;
      resize: none;
    }
  }
`;

/** Fields of the title block: REPORT-JSON path, input type. */
const FIELDS = [
  ['title', 'fieldTitle', 'text'],
  ['agency.name', 'fieldAgency', 'text'],
  ['year', 'fieldYear', 'number'],
  ['publishedOn', 'fieldDate', 'date'],
] as const;

/** The blank cells of a validation result by table (reading order), and the BLANK findings about them alone. */
interface BlankCells {
  result?: ValidationResult;
  byTable: Map<TableId, string[]>;
  folded: Set<Finding>;
}

const isRenderable = (v: unknown): v is Renderable => isObject(v) && FORMATS.includes(v['format'] as Format);
/**
 * A deep copy of report data. A number JSON.parse read inexactly from the text the report came from
 * (9007199254740993, 1e400: `writtenNumber`) is kept as its literal, a string, as the editor keeps one
 * typed: shown, checked and exported as written, never as …992 or null.
 */
const copy = <T>(v: T): T =>
  JSON.parse(
    JSON.stringify(v, function (this: unknown, k, x: unknown) {
      return typeof x === 'number' ? (writtenNumber(this, k) ?? x) : x;
    }),
  ) as T;
/** How long typing in a cell pauses before its findings, changed only in their numbers, are announced again. */
const ANNOUNCE_PAUSE = 1200;
const KEYS: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/**
 * Where an agency fills in its 政府信息公开工作年度报告: the official tables of the report's format with an
 * `<input>` in every cell, the title block and the prose sections, checked as it is typed with the
 * viewer's marks, summary and "how it is computed" panel. Works like a spreadsheet (arrows, Enter, Tab,
 * Escape, Delete, block paste from Excel/WPS, tables copied from Word, undo/redo), keeps a draft in the
 * browser, exports the report JSON and the CMS snippet, and is a form field.
 *
 * @tagname disclosure-report-editor
 * @summary Fill in a report in the official tables, with live checks.
 *
 * @attr {string} lang - UI and rule-message language: `zh-CN` (default) or `en`.
 * @attr {string} name - Form field name: the form data value is the report JSON.
 * @attr {string} storage-key - Key of the draft kept in the browser (one draft: `startNew` for another agency or
 *   year starts that report, and its first change replaces the draft). Without it, drafts are kept per editor: by the
 *   page's path and the editor's `id`, else its position among the editors of the page, and within that by agency
 *   and year; an editor given no report reopens the draft it saved last itself, never that of another editor of
 *   the page or of another page of the site. Give an `id` to editors that come and go, so that a position does not
 *   change which draft is theirs.
 * @attr {boolean} allow-errors - The form accepts the report while it has error findings (to save a draft).
 * @attr {boolean} disabled - No editing; not submitted with the form.
 * @attr {string} importer-src - URL of the importer module for the script-tag build (default: `import.js` beside the script).
 * @attr {number} heading-level - Level of the title heading (default 2).
 *
 * @prop {unknown} report - The report being edited (REPORT-JSON object or text); reading it gives a copy of the current report.
 * @prop {unknown} previous - Last year's report: carry-over and cross-year checks (X-CARRY, X-INFORCE).
 * @prop {ValidationResult | undefined} result - The last validation result (read-only).
 *
 * @fires {Event} input - A cell or field changed (every keystroke).
 * @fires {Event} change - A change was committed (a cell edit, a paste, an accepted offer, undo/redo, an import).
 * @fires {CustomEvent} disclosure-report-validated - The report was validated; `detail`: `{ findings, summary, report }`.
 *
 * @csspart toolbar - The toolbar (undo, redo, export, copy, print, import).
 * @csspart cell - Each value cell.
 * @csspart input - Each cell's input.
 */
export class DisclosureReportEditor extends LitElement {
  static override styles = [styles, editorStyles];
  static formAssociated = true;
  static readonly version = VERSION;

  /** Last year's report: carry-over in `startNew` and the cross-year checks. */
  @property({ attribute: false }) previous?: unknown;
  /** `zh-CN` (default) or `en`. */
  @property({ reflect: true }) override lang!: string;
  @property({ reflect: true }) name?: string;
  @property({ attribute: 'storage-key', reflect: true }) storageKey?: string;
  @property({ type: Boolean, attribute: 'allow-errors', reflect: true }) allowErrors = false;
  @property({ type: Boolean, reflect: true }) disabled = false;
  @property({ attribute: 'importer-src' }) importerSrc?: string;
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  #internals: ElementInternals = this.attachInternals();
  #l10n = new LocaleController(this);
  #panel = new PanelController(this, (path) => {
    const cell = this.#layout && cellAt(this.#layout, path);
    return cell ? this.#l10n.t.explainOpened(cellLabel(cell, textKey(this.#l10n.locale))) : '';
  });
  #report?: Renderable;
  #initial?: Renderable;
  #result?: ValidationResult;
  #index: FindingIndex = indexFindings(undefined, undefined, { locale: 'zh-CN' });
  #offers = new Map<string, Offer>();
  #history = new History();
  #drafts = new DraftStore(undefined, () => (this.storageKey === undefined ? draftScope(this) : undefined));
  #key?: string;
  /** startNew ran before the editor was in a page: its draft (of this editor's scope) is looked for once it is. */
  #lookUp?: Renderable;
  #validation = 0;
  #validated?: Promise<void>;
  /** The cell or field being edited: its value when focus arrived, and the text typed so far. */
  #editing?: { path: string; before: unknown; text: string };
  #notes: string[] = [];
  /** A notice above the tables (a restored draft, with what discarding it goes back to). */
  #notice?: { savedAt: string; discard?: Renderable };
  /** One short line for screen readers (what the focused cell's marks say, what an action did). */
  #message = '';
  /** The cell last announced and which findings it had (rule and cells, not their numbers). */
  #said?: { path: string; set: string };
  /** The focused cell's findings said again once typing pauses (their numbers changed, not which they are). */
  #pause?: ReturnType<typeof setTimeout>;
  /** What the last action did (a paste, an import, undo, a copy), shown under the toolbar and announced. */
  #status = '';
  /** The browser refused the last draft (storage full, forbidden): said on screen until a save works again. */
  #unsaved = false;
  /** Worded at render time, in the current language. */
  #error?: () => string;
  /**
   * A report being filled in from blank: its blank cells are not marked (BLANK) until they have been
   * visited, or until the user submits or asks for the validity (Lion's "touched" feedback), so the first
   * view is not a wall of warnings. Reports loaded or imported show every finding at once.
   */
  #quietBlanks = false;
  #touched = new Set<string>();
  /** The table cell focused last (where "next blank" goes on from). */
  #lastCell?: string;
  /** The tables whose list of blank cells is open in the summary (drawn only when open). */
  #openBlanks = new Set<TableId>();
  #blankMemo?: BlankCells;

  /** The report being edited (a copy); setting it starts editing that report (history cleared). */
  @property({ attribute: false })
  get report(): unknown {
    return this.#report && copy(this.#report);
  }
  set report(value: unknown) {
    let v = value;
    this.#error = undefined;
    if (typeof v === 'string') {
      const parsed = parseJsonText(v);
      if (!parsed.ok) {
        this.#error = () =>
          this.#t.badJson(
            jsonSyntaxMessage(parsed.reason, parsed.position.line, parsed.position.column, this.#l10n.locale),
          );
        this.requestUpdate();
        return;
      }
      v = parsed.value;
    }
    if (v === undefined || v === null) return;
    if (!isRenderable(v)) {
      this.#error = () => this.#t.notAReport;
      this.requestUpdate();
      return;
    }
    this.#load(copy(v), { keepKey: false });
    this.#initial = this.#report; // what a form reset goes back to
  }

  /** The last validation result. */
  get result(): ValidationResult | undefined {
    return this.#result;
  }

  get #t(): EditorStrings {
    return editorStrings(this.#l10n.locale);
  }

  get #layout(): ReportLayout | undefined {
    return this.#report && layoutOf(this.#report);
  }

  // ------------------------------------------------------------ starting

  /**
   * Start a new report in the 2021 format: every cell blank. With `previous` (last year's report), 二、
   * 上年结转 is filled per column from its 结转下年度, and 现行有效 is offered from its figures as 制发 and
   * 废止 are filled in. A draft kept in this browser for the same report (storage key, else agency and
   * year) is opened instead, with a notice and a way to discard it.
   */
  startNew(options: StartOptions): void {
    if (options.previous !== undefined) this.previous = options.previous;
    const fresh = startNew({ ...options, previous: options.previous ?? this.previous }) as unknown as Renderable;
    this.#initial = fresh;
    this.#key = this.storageKey ?? draftKey(fresh);
    // Not in a page yet: its scope (page path, id or position) is not known; looked up once connected.
    const now = this.isConnected || this.storageKey !== undefined;
    this.#lookUp = now ? undefined : fresh;
    if (!now || !this.#restore(this.#key, fresh, true)) this.#load(fresh, { keepKey: true });
    this.#quietBlanks = true;
  }

  /**
   * Open the kept draft under `key`, if any, with a notice whose discard goes back to `back`.
   * `same`: only a draft of the same agency and year as `back` (startNew asked for that report: a
   * `storage-key` draft of another agency or year is not it).
   */
  #restore(key: string | undefined, back: Renderable, same = false): boolean {
    const draft = key === undefined ? undefined : this.#drafts.load(key);
    if (!draft || !isRenderable(draft.report)) return false;
    if (same && draftKey(draft.report) !== draftKey(back)) return false;
    this.#key = key;
    this.#load(draft.report, { keepKey: true });
    this.#notice = {
      savedAt: draft.savedAt, // the notice is worded at render time, in the current language
      discard: back,
    };
    this.#quietBlanks = true;
    return true;
  }

  /** Load a report to edit (history cleared); the draft key follows the report unless kept. */
  #load(report: Renderable, { keepKey }: { keepKey: boolean }) {
    this.#report = report;
    this.#initial ??= report;
    if (!keepKey || !this.#key) this.#key = this.storageKey ?? draftKey(report);
    this.#history.clear();
    this.#editing = undefined;
    this.#notice = undefined;
    this.#notes = [];
    this.#quietBlanks = false;
    this.#touched.clear();
    this.#revalidate();
  }

  #onSubmit = () => this.showAllFindings();

  constructor() {
    super();
    this.addEventListener('invalid', this.#onSubmit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#pause);
    this.#form?.removeEventListener('submit', this.#onSubmit, true);
  }

  #form?: HTMLFormElement | null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#form = this.#internals.form;
    this.#form?.addEventListener('submit', this.#onSubmit, true);
    const fresh = this.#lookUp;
    this.#lookUp = undefined;
    if (fresh && this.#report === fresh) this.#restore(this.#key, fresh, true);
    if (this.#report || this.#error) return;
    // No report given: the draft of this page (storage-key) or the last one this editor saved, else a new report.
    const year = new Date().getFullYear() - 1;
    const blank = startNew({ year }) as unknown as Renderable;
    if (!this.#restore(this.storageKey ?? this.#drafts.lastKey(), blank)) this.startNew({ year });
  }

  /** Discard the restored draft: back to the report it replaced. */
  discardDraft(): void {
    const back = this.#notice?.discard;
    if (this.#key) this.#drafts.discard(this.#key);
    if (back) this.#load(back, { keepKey: true });
    this.#announce(this.#t.draftDiscarded);
  }

  // ------------------------------------------------------------ validation

  /** Resolves once the current report has been validated and rendered. */
  async whenValidated(): Promise<void> {
    await this.updateComplete; // a change of lang or previous pending starts its validation in the update
    await this.#validated;
    await this.updateComplete;
  }

  #revalidate() {
    const gen = ++this.#validation;
    const report = this.#report;
    const previous = isObject(this.previous) ? this.previous : undefined;
    const locale = this.#l10n.locale;
    this.requestUpdate();
    if (!report) return;
    this.#validated = validate(report, { locale, packs: registeredRules(), ...(previous ? { previous } : {}) }).then(
      (result) => {
        if (gen !== this.#validation) return;
        this.#result = result;
        this.#reindex();
        this.#offers = new Map(offers(report, previous).map((o) => [o.path, o]));
        // what the focused cell's marks say now (announced only when it changed: same text, no update)
        const focused = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
        const at = focused?.dataset?.['path'];
        if (at) this.#announceCell(at, false);
        this.requestUpdate();
        this.dispatchEvent(
          new CustomEvent('disclosure-report-validated', {
            detail: { findings: result.findings, summary: result.summary, report },
            bubbles: true,
            composed: true,
          }),
        );
      },
    );
  }

  /** The findings shown (in cells and the summary): all, or without the blanks not visited yet. */
  get #shown(): ValidationResult | undefined {
    const result = this.#result;
    if (!result || !this.#quietBlanks) return result;
    const quiet = (f: Finding) => f.rule === 'BLANK' && f.cells.every((c) => !this.#touched.has(c));
    const hidden = result.findings.filter(quiet);
    if (!hidden.length) return result;
    const failing = hidden.filter((f) => f.status === 'fail').length;
    return {
      ...result,
      findings: result.findings.filter((f) => !quiet(f)),
      summary: {
        ...result.summary,
        warnings: result.summary.warnings - failing,
        checked: result.summary.checked - failing,
      },
    };
  }

  #reindex() {
    const report = this.#report;
    if (!report) return;
    const locale = this.#l10n.locale;
    const previous = isObject(this.previous) ? this.previous : undefined;
    this.#index = indexFindings(this.#shown, layoutOf(report), previous ? { locale, previous } : { locale });
  }

  /** Show every finding, the blanks not visited yet included (done on submit and by reportValidity). */
  showAllFindings(): void {
    if (!this.#quietBlanks) return;
    this.#quietBlanks = false;
    this.#reindex();
    this.requestUpdate();
  }

  #syncForm() {
    const report = this.#report;
    this.#internals.setFormValue(report && !this.#off ? JSON.stringify(report) : null);
    const errors = (this.#result?.findings ?? []).filter((f) => f.status === 'fail' && f.severity === 'error');
    if (errors.length && !this.allowErrors && !this.#off) {
      const first = errors[0]!;
      // the cell the error is marked on (a total), else the first it involves
      const at = this.#index.primary.get(first)?.[0] ?? first.cells[0];
      // its input (a cell, a field, a text area); else the first field: the browser needs one to focus
      const root = this.renderRoot;
      const anchor =
        root?.querySelector<HTMLElement>(`:is(input,textarea)[data-path="${CSS.escape(at ?? '')}"]`) ??
        root?.querySelector('input');
      this.#internals.setValidity(
        { customError: true },
        this.#t.formInvalid(errors.length, first.message),
        anchor ?? undefined,
      );
    } else this.#internals.setValidity({});
  }

  // ------------------------------------------------------------ form field

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    this.showAllFindings();
    return this.#internals.reportValidity();
  }
  formResetCallback(): void {
    if (!this.#initial) return;
    this.#load(copy(this.#initial), { keepKey: true });
    this.#save(); // the draft follows: a reload after a reset does not bring the discarded edits back
  }
  #formDisabled = false;
  /** Disabled by its own attribute or by a disabled `<fieldset>` around it. */
  get #off(): boolean {
    return this.disabled || this.#formDisabled;
  }
  formDisabledCallback(disabled: boolean): void {
    // not written to `disabled`: that attribute (reflected) would keep the element disabled for good,
    // since a form never re-enables an element disabled by its own attribute
    this.#formDisabled = disabled;
    this.requestUpdate();
  }
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.report = state;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // what the last action did was said in the former language: not left on screen in it
    if (changed.has('lang')) this.#status = this.#message = '';
    if (changed.has('previous') || changed.has('lang')) {
      if (this.#report) this.#revalidate();
    }
  }

  // ------------------------------------------------------------ changes

  /** Apply cell changes (a step of the history, or its undo), re-validate, save the draft. */
  #apply(changes: readonly CellChange[], record: boolean) {
    let report = this.#report!;
    for (const c of changes)
      report = (c.path === '' ? c.after : setIn(report, c.path.split('.'), c.after)) as Renderable;
    this.#report = report;
    if (record) this.#history.push(changes);
    this.#revalidate();
    this.#save();
  }

  #save() {
    if (!this.#report || !this.#key) return;
    const unsaved = !this.#drafts.save(this.#key, this.#report);
    if (unsaved !== this.#unsaved) this.requestUpdate();
    this.#unsaved = unsaved;
  }

  #fire(type: 'input' | 'change') {
    // the names spelled out, so that the Custom Elements Manifest lists these two events (not one named "type")
    const init = { bubbles: true, composed: true };
    this.dispatchEvent(type === 'input' ? new Event('input', init) : new Event('change', init));
  }

  #announce(text: string) {
    this.#status = text;
    this.requestUpdate();
  }

  /** The value of a field or cell as it is now. */
  #valueAt(path: string): unknown {
    const v = readPath(this.#report, path);
    return v === NOT_AN_OBJECT ? undefined : v;
  }

  /** The edit in progress becomes one history step. */
  #commit() {
    const e = this.#editing;
    if (!e || !this.#report) return;
    const after = this.#valueAt(e.path);
    this.#editing = { ...e, before: after, text: formatCellInput(after) };
    if (!Object.is(e.before, after)) {
      const step: CellChange[] = [{ path: e.path, before: e.before, after }];
      // the title startNew made follows the year and agency it was made from (a title written by hand stays)
      const r = this.#report;
      const title = r['title'];
      const made = (x: unknown) => reportTitle(String(readPath(x, 'agency.name') ?? ''), readPath(x, 'year') as number);
      if (
        /^(year|agency\.name)$/.test(e.path) &&
        Number.isInteger(r['year']) &&
        title === made(setIn(r, e.path.split('.'), e.before))
      ) {
        const change = { path: 'title', before: title, after: made(r) };
        step.push(change);
        this.#apply([change], false);
      }
      this.#history.push(step);
      this.#fire('change');
    }
  }

  /** Undo the last step (an edit in progress is committed first). */
  undo(): boolean {
    this.#commit();
    const step = this.#history.undo();
    this.#step(step, step ? this.#t.undone : this.#t.nothingToUndo);
    return !!step;
  }

  redo(): boolean {
    this.#commit();
    const step = this.#history.redo();
    this.#step(step, step ? this.#t.redone : this.#t.nothingToRedo);
    return !!step;
  }

  #step(step: CellChange[] | undefined, message: string) {
    if (step) {
      this.#apply(step, false);
      if (this.#editing) this.#editing = { ...this.#editing, before: this.#valueAt(this.#editing.path) };
      this.#editing &&= { ...this.#editing, text: formatCellInput(this.#editing.before) };
      this.#fire('input');
      this.#fire('change');
      const focus = step.length === 1 && step[0]!.path ? step[0]!.path : undefined;
      if (focus) void this.updateComplete.then(() => this.#focus(focus));
    }
    this.#announce(message);
  }

  #focus(path: string) {
    const el = this.renderRoot.querySelector<HTMLInputElement>(`#${cellId(path)}`);
    if (!el) return false;
    el.focus();
    el.select?.();
    return true;
  }

  /** Scroll to and focus the input of a cell; false when it is not rendered. */
  focusCell(path: string): boolean {
    return this.#focus(path);
  }

  // ------------------------------------------------------------ cell events

  #onFocusIn = (e: FocusEvent) => {
    const input = e.target as HTMLInputElement | HTMLTextAreaElement;
    const path = input.dataset?.['path'];
    if (!path) return;
    if (input.closest('td')) this.#lastCell = path;
    if (this.#editing?.path !== path) {
      this.#commit();
      // from the value: the input may not show it yet (a commit just now changed the title)
      const before = this.#valueAt(path);
      this.#editing = { path, before, text: formatCellInput(before) };
    }
    if (input instanceof HTMLInputElement && input.closest('td')) input.select();
    this.#announceCell(path, true);
  };

  #onFocusOut = (e: FocusEvent) => {
    clearTimeout(this.#pause); // a cell left is not spoken about after the pause
    const path = (e.target as HTMLElement).dataset?.['path'];
    if (path && this.#editing?.path === path) {
      this.#commit();
      this.#editing = undefined;
    }
    if (path && this.#quietBlanks && !this.#touched.has(path)) {
      this.#touched.add(path);
      this.#reindex();
      this.requestUpdate();
    }
  };

  /**
   * Say what the focused cell's marks say (politely): when focus enters it, and while it is typed in only
   * when the set of its findings changes (one appears or goes, not the numbers in them), else once typing
   * pauses for `ANNOUNCE_PAUSE` ms, so that a screen reader is not handed a new sentence per digit.
   */
  #announceCell(path: string, entered: boolean) {
    const layout = this.#layout;
    const cell = layout && cellAt(layout, path);
    if (!cell) return;
    const shown = this.#index.byCell.get(path) ?? [];
    const findings = shown.map((f) => f.message);
    const offer = this.#offers.get(path);
    if (offer) findings.push(this.#t.offerHint(offer.value));
    const text = findings.length
      ? this.#t.cellFindings(cellLabel(cell, textKey(this.#l10n.locale)), findings.join('；'))
      : '';
    const set = shown.map(findingKey).sort().join(' ') + (offer ? ' offer' : '');
    const say = () => {
      this.#said = { path, set };
      this.#message = text;
      this.requestUpdate();
    };
    clearTimeout(this.#pause);
    if (entered || this.#said?.path !== path || this.#said.set !== set) say();
    else if (text !== this.#message) this.#pause = setTimeout(say, ANNOUNCE_PAUSE);
  }

  #onInput = (e: Event) => {
    const input = e.target as HTMLInputElement | HTMLTextAreaElement;
    const path = input.dataset?.['path'];
    // an input method's text is read once committed (compositionend), not while it is being composed
    if (!path || !this.#report || (e as InputEvent).isComposing) return;
    if (this.#editing?.path !== path) this.#editing = { path, before: this.#valueAt(path), text: input.value };
    this.#editing.text = input.value;
    const cell = cellAt(this.#layout!, path);
    const value = cell
      ? parseCellInput(input.value, cell.kind)
      : path === 'year'
        ? input.value.trim() === ''
          ? null
          : Number(input.value)
        : path === 'publishedOn' && !input.value
          ? undefined // optional: a cleared (or partly typed) date is no date, not ""
          : input.value;
    this.#report = setIn(this.#report, path.split('.'), value) as Renderable;
    this.#revalidate();
    this.#save();
    this.#fire('input');
  };

  /** Keys of a cell input: the spreadsheet moves, Escape, Delete, = (accept the offer). */
  #onCellKey = (e: KeyboardEvent) => {
    const input = e.target as HTMLInputElement;
    const path = input.dataset?.['path'];
    if (!path || !(input instanceof HTMLInputElement) || e.altKey) return;
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let move: Move | undefined = KEYS[e.key];
    if (move === 'left' && !(all || (input.selectionStart === 0 && input.selectionEnd === 0))) move = undefined;
    if (move === 'right' && !(all || input.selectionStart === input.value.length)) move = undefined;
    if (e.key === 'Enter') move = e.shiftKey ? 'up' : 'down';
    if (e.key === 'Tab') move = e.shiftKey ? 'previous' : 'next';
    if (e.ctrlKey || e.metaKey) move = undefined;
    if (move) {
      const to = moveFrom(this.#layout!, path, move);
      if (to) {
        e.preventDefault();
        this.#commit();
        this.#focus(to);
      }
      return;
    }
    if (e.key === 'Escape' && this.#editing?.path === path && !Object.is(this.#editing.before, this.#valueAt(path))) {
      e.preventDefault();
      e.stopPropagation();
      const before = this.#editing.before;
      this.#report = setIn(this.#report!, path.split('.'), before) as Renderable;
      this.#editing = { path, before, text: formatCellInput(before) };
      input.value = this.#editing.text;
      input.select();
      this.#revalidate();
      this.#save();
      this.#fire('input');
    } else if (e.key === 'Delete' && (all || input.value === '') && input.closest('td')) {
      // a table cell only: in the title fields Delete edits the text (a field is never set to null)
      e.preventDefault();
      this.#setCell(path, null);
    } else if (e.key === '=' && this.#offers.has(path)) {
      e.preventDefault();
      this.#accept(path);
    }
  };

  /** Set one cell as a step of its own (Delete, an accepted offer). */
  #setCell(path: string, value: unknown) {
    this.#commit();
    const before = this.#valueAt(path);
    if (Object.is(before, value)) return;
    if (this.#editing?.path === path) this.#editing = { path, before: value, text: formatCellInput(value) };
    this.#apply([{ path, before, after: value }], true);
    this.#fire('input');
    this.#fire('change');
  }

  /** Accept the value offered for a total cell. */
  #accept(path: string) {
    const offer = this.#offers.get(path);
    const cell = this.#layout && cellAt(this.#layout, path);
    if (!offer || !cell) return;
    this.#setCell(path, parseCellInput(offer.value, cell.kind));
    void this.updateComplete.then(() => this.#focus(path));
  }

  /**
   * The browser's own undo stack is shared by every field of the page: Ctrl+Z in a prose text area,
   * once its own typing is undone, goes on into the cell inputs, behind the editor's history. Cells
   * and title fields have the editor's undo, so the browser's is refused there.
   */
  #onBeforeInput = (e: InputEvent) => {
    if (e.inputType.startsWith('history') && (e.target as Element).localName === 'input') e.preventDefault();
  };

  /** Undo/redo shortcuts anywhere in the editor but in text areas (they keep their own). */
  #onKey = (e: KeyboardEvent) => {
    // keys of an input method's candidate window (Enter confirms, arrows choose, Escape cancels) are its own
    if (e.isComposing || e.keyCode === 229 || this.#off) return;
    this.#onCellKey(e);
    if (!(e.ctrlKey || e.metaKey) || e.altKey || (e.target as Element).localName === 'textarea') return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.undo();
    } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
      e.preventDefault();
      this.redo();
    }
  };

  /** A block from Excel/WPS (tabs and lines) fills right and down; a table from Word goes through the importer. */
  #onPaste = (e: ClipboardEvent) => {
    const input = e.target as HTMLInputElement;
    const path = input.dataset?.['path'];
    const data = e.clipboardData;
    if (!path || !data || !cellAt(this.#layout!, path)) return;
    const text = data.getData('text/plain');
    const htmlText = data.getData('text/html');
    // a table with no Chinese text (a parsed, inert copy: not its styles) has no row labels to place it
    // by (Excel and WPS put their block on the clipboard as an HTML table too): the importer would read it
    // as the table's first rows
    if (
      /<table[\s>]/i.test(htmlText) &&
      /[\u4e00-\u9fff]/.test(new DOMParser().parseFromString(htmlText, 'text/html').body.textContent!)
    ) {
      e.preventDefault();
      void this.#pasteHtml(htmlText, path, text);
    } else if (/[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''))) {
      e.preventDefault();
      this.#pasteBlock(path, parseTsv(text));
    }
  };

  #pasteBlock(path: string, block: string[][]) {
    const { targets, outside } = pasteTargets(this.#layout!, path, block);
    this.#commit();
    const changes = targets.map((t) => ({
      path: t.path,
      before: this.#valueAt(t.path),
      after: parseCellInput(t.text, t.kind),
    }));
    this.#editing = undefined;
    this.#apply(changes, true);
    this.#fire('input');
    this.#fire('change');
    this.#announce(this.#t.pasted(targets.length, outside));
  }

  /**
   * A table copied from Word: read by the importer's HTML path, so cells land by their row labels; when
   * nothing in it has an official label, its cells are pasted as a block from the focused cell.
   */
  async #pasteHtml(source: string, path: string, plain: string) {
    try {
      const { importReport } = await loadImporter(this.importerSrc);
      // A table copied alone has no section heading: it is read as each of the three tables in turn and
      // kept as the one that places the most cells by their labels (the table pasted into on a tie).
      const own = tableOf(path);
      const tables = SECTIONS.filter((s) => s.kind === 'table').sort((a, b) => +(b.id === own) - +(a.id === own));
      let changes: CellChange[] = [];
      const words = new DOMParser().parseFromString(source, 'text/html').body.textContent!.replace(/\s/g, '');
      for (const section of tables) {
        const { report } = await importReport(`<p>${section.heading.zh}</p>` + source, {
          type: 'html',
          locale: this.#l10n.locale,
        });
        if (!isRenderable(report)) continue;
        // Cells the table gives a number (or text) for; its blank cells leave what is there.
        const found: CellChange[] = [];
        for (const cell of layoutCells(this.#layout!)) {
          const v = readPath(report, cell.path);
          if (v === undefined || v === null || v === NOT_AN_OBJECT) continue;
          found.push({ path: cell.path, before: this.#valueAt(cell.path), after: v });
        }
        // placed by a label the table has: a table with column headings only was read by position
        const labelled = found.some(({ path }) => {
          const c = cellAt(this.#layout!, path)!;
          // its row's label; in table 四 (no rows), its column group's (行政复议, 行政诉讼), not 总计
          const l = c.grid.rows ? c.row.label : c.column.labels[0];
          const core = l?.zh.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]?/, '').slice(0, 4);
          return core && words.includes(core);
        });
        if (labelled && found.length > changes.length) changes = found;
      }
      if (changes.length) {
        this.#commit();
        this.#editing = undefined; // as a block paste: else the next commit makes the focused cell a step of its own
        this.#apply(changes, true);
        this.#fire('input');
        this.#fire('change');
        this.#announce(this.#t.pasted(changes.length, 0));
        return;
      }
    } catch {
      // the importer could not be loaded or read it: the text of the table is still there
    }
    this.#pasteBlock(path, parseTsv(plain));
  }

  // ------------------------------------------------------------ import and export

  /**
   * Read a published report (text, HTML page, report JSON, or the bytes of a PDF) through the importer
   * (loaded now) and edit it; its format is kept. One undoable step. Returns the import notes.
   */
  async importFrom(input: string | ArrayBuffer | Uint8Array): Promise<ImportedDiagnostic[]> {
    const t = this.#t;
    this.#announce(t.importing);
    try {
      if (typeof input === 'string' && /^\s*[{[]/.test(input)) {
        const parsed = parseJsonText(input);
        if (parsed.ok && isRenderable(parsed.value)) {
          this.#replace(copy(parsed.value), []);
          return [];
        }
      }
      const { importReport } = await loadImporter(this.importerSrc);
      const { report, diagnostics } = await importReport(input, { locale: this.#l10n.locale });
      if (!isRenderable(report)) {
        this.#announce(diagnostics.find((d) => d.level === 'error')?.message ?? t.importNothing);
        return diagnostics;
      }
      this.#replace(report, diagnostics);
      return diagnostics;
    } catch (err) {
      this.#announce(t.importFailed(err instanceof Error ? err.message : String(err)));
      return [];
    }
  }

  #replace(report: Renderable, diagnostics: ImportedDiagnostic[]) {
    this.#commit();
    this.#editing = undefined;
    this.#apply([{ path: '', before: this.#report, after: report }], true);
    this.#notes = diagnostics.map((d) => (d.line ? `${d.message}（${d.line}）` : d.message));
    this.#fire('input');
    this.#fire('change');
    this.#announce(this.#t.imported(diagnostics.length));
  }

  /** The report as JSON text (what the form submits and `exportJson` downloads). */
  toJSON(): unknown {
    return this.report;
  }

  /** Download the report JSON (`<agency><year>.json`). */
  exportJson(filename?: string): void {
    const report = this.#report;
    if (!report) return;
    const name = filename ?? `${draftKey(report).replace(/[|\\/:*?"<>]+/g, '-') || 'report'}.json`;
    const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2) + '\n'], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  /** The snippet a CMS publishes: `<disclosure-report>` with the report JSON inline and the static tables as fallback. */
  cmsSnippet(): string {
    return this.#report ? renderStaticHtml(this.#report, { locale: this.#l10n.locale }) : '';
  }

  /** Copy the CMS snippet to the clipboard; false when the browser refuses. */
  async copySnippet(): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(this.cmsSnippet());
      this.#announce(this.#t.snippetCopied);
      return true;
    } catch {
      this.#announce(this.#t.snippetFailed);
      return false;
    }
  }

  // ------------------------------------------------------------ rendering

  #importUi() {
    const t = this.#t;
    const run = async () => {
      const root = this.renderRoot;
      const file = root.querySelector<HTMLInputElement>('#dr-import-file')?.files?.[0];
      const text = root.querySelector<HTMLTextAreaElement>('#dr-import-text')?.value ?? '';
      if (file) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const pdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
        await this.importFrom(pdf ? bytes : new TextDecoder().decode(bytes));
      } else if (text.trim()) await this.importFrom(text);
      else this.#announce(t.importNothing);
    };
    return html`<details class="import">
      <summary>${t.importHeading}</summary>
      <p>${t.importHint}</p>
      <label>${t.importText}<textarea id="dr-import-text" ?disabled=${this.#off}></textarea></label>
      <label>${t.importFile}<input id="dr-import-file" type="file" accept=".txt,.html,.htm,.json,.md,.pdf" ?disabled=${this.#off} /></label>
      <button type="button" @click=${run} ?disabled=${this.#off}>${t.importRun}</button>
    </details>`;
  }

  #valueCell = (v: ReportView, c: ValueCell) => {
    const path = c.path;
    const offer = this.#offers.get(path);
    const raw = this.#valueAt(path);
    const text = this.#editing?.path === path ? this.#editing.text : formatCellInput(raw);
    const layout = this.#layout!;
    const cell = cellAt(layout, path);
    const worst = v.index.worst(path);
    const described = v.index.byCell.has(path) || offer;
    return html`<td data-path=${path} class="edit ${cellClass(v, path)}" part="cell">
      <input
        id=${cellId(path)}
        data-path=${path}
        part="input"
        .value=${text}
        inputmode=${cell?.kind === 'money' || cell?.kind === 'amount' ? 'decimal' : 'numeric'}
        autocomplete="off"
        spellcheck="false"
        ?disabled=${this.#off}
        aria-label=${cell ? cellLabel(cell, v.k) : path}
        aria-invalid=${worst === 'error' ? 'true' : nothing}
        aria-describedby=${described ? `d-${cellId(path)}` : nothing}
      /><div id="d-${cellId(path)}">
        ${
          offer
            ? html`<button type="button" class="offer" tabindex="-1" data-offer=${path} title=${this.#t.offerHint(offer.value)}
              aria-label=${this.#t.offerHint(offer.value)} @click=${() => this.#accept(path)}>${this.#t.offer(offer.value)}</button>`
            : nothing
        }
        ${renderMarks(v, path)}
      </div>
    </td>`;
  };

  #field(path: string, label: string, type: string) {
    const v = this.#valueAt(path);
    const text = this.#editing?.path === path ? this.#editing.text : v === null || v === undefined ? '' : String(v);
    return html`<label>${label}<input data-path=${path} type=${type} .value=${text} ?disabled=${this.#off} /></label>`;
  }

  /**
   * The table's badge; while blanks are quiet and some are left, it says how many instead of a verdict
   * (the count of the summary's line for the table).
   */
  #badge(v: ReportView, id: TableId) {
    const left = this.#quietBlanks ? (this.#blanks().byTable.get(id)?.length ?? 0) : 0;
    return left
      ? html`<span class="badge unchecked" part="badge" data-status="incomplete"
          ><span class="icon" aria-hidden="true">–</span> ${this.#t.blanksLeft(left)}</span
        >`
      : renderBadge(v, id);
  }

  /**
   * The blank cells of the report being filled in, by table in reading order, and the BLANK findings
   * about them alone: what the summary folds into one line per table. A cell counts when its input is
   * empty; a cell holding "-" or "/" (BLANK's marker) was written in, and its finding is listed as such.
   */
  #blanks(): BlankCells {
    const result = this.#result;
    if (this.#blankMemo && this.#blankMemo.result === result) return this.#blankMemo;
    const layout = this.#layout;
    const report = result?.report ?? this.#report;
    const empty = (path: string) => {
      const value = readPath(report, path);
      return !!layout && !!cellAt(layout, path) && value !== NOT_AN_OBJECT && formatCellInput(value).trim() === '';
    };
    const folded = new Set<Finding>();
    const cells = new Set<string>();
    for (const f of result?.findings ?? [])
      if (f.rule === 'BLANK' && f.status === 'fail' && f.cells.length && f.cells.every(empty)) {
        folded.add(f);
        for (const c of f.cells) cells.add(c);
      }
    const byTable = new Map<TableId, string[]>();
    if (layout && cells.size)
      for (const { path } of layoutCells(layout)) {
        const id = tableOf(path);
        if (!id || !cells.has(path)) continue;
        const list = byTable.get(id);
        if (list) list.push(path);
        else byTable.set(id, [path]);
      }
    return (this.#blankMemo = { result, byTable, folded });
  }

  /** Focus the blank cell of a table after the cell focused last (in reading order), from the first again after the last. */
  #nextBlank(id: TableId): boolean {
    const cells = this.#blanks().byTable.get(id);
    const layout = this.#layout;
    if (!cells?.length || !layout) return false;
    const blanks = new Set(cells);
    const order = layoutCells(layout);
    const at = order.findIndex((c) => c.path === this.#lastCell);
    for (let i = 1; i <= order.length; i++) {
      const path = order[(at + i) % order.length]!.path;
      if (blanks.has(path)) return this.#focus(path);
    }
    return false;
  }

  /**
   * The summary's findings while a report is filled in: errors and other findings one by one, as the
   * viewer lists them; blank cells, "not filled in yet" rather than one warning each, in a line per
   * table with how many are left, a button to the next one, and the list on demand.
   */
  #summaryList(v: ReportView, fails: Finding[]) {
    const t = this.#t;
    const { byTable, folded } = this.#blanks();
    const listed = fails.filter((f) => !folded.has(f));
    return html`${listed.length ? html`<ul class="findings">${listed.map((f) => renderFinding(v, f))}</ul>` : nothing}
      ${
        byTable.size
          ? html`<ul class="blanks">
            ${SECTIONS.filter((s) => byTable.has(s.id as TableId)).map((s) => {
              const id = s.id as TableId;
              const cells = byTable.get(id)!;
              const name = s.heading[v.k];
              const open = this.#openBlanks.has(id);
              return html`<li data-table=${id}>
                <span class="icon" aria-hidden="true">–</span> ${t.blanksIn(name, cells.length)}
                <button type="button" class="next-blank" aria-label=${t.nextBlankIn(name)} ?disabled=${this.#off}
                  @click=${() => this.#nextBlank(id)}>${t.nextBlank}</button>
                <details ?open=${open} @toggle=${(e: Event) => {
                  if ((e.target as HTMLDetailsElement).open) this.#openBlanks.add(id);
                  else this.#openBlanks.delete(id);
                  this.requestUpdate();
                }}>
                  <summary>${t.blankCells(cells.length)}</summary>
                  ${open ? html`<ul>${cells.map((c) => html`<li data-path=${c}>${cellText(v, c)}</li>`)}</ul>` : nothing}
                </details>
              </li>`;
            })}
          </ul>`
          : nothing
      }`;
  }

  #section(v: ReportView, s: SectionLayout, level: number): TemplateResult {
    if (s.kind === 'prose') {
      const path = `sections.${s.id as ProseId}`;
      const value = this.#valueAt(path);
      return html`<section part="section" class="prose" data-section=${s.id}>
        ${heading(level, s.heading[v.k], `h-${s.id}`)}
        <textarea class="prose-input" data-path=${path} aria-labelledby="h-${s.id}" .value=${typeof value === 'string' ? value : ''}
          ?disabled=${this.#off}></textarea>
      </section>`;
    }
    const id = s.id as TableId;
    const active = this.#panel.active;
    return html`<section part="section" class="table-section" data-section=${id}>
      <div class="section-head">${heading(level, s.heading[v.k], `h-${id}`)}${this.#badge(v, id)}</div>
      ${v.layout!.tables[id].grids.map((g) => renderGrid(v, g, s, this.#valueCell))}
      ${active && tableOf(active) === id ? renderExplain(v, active, level + 1) : nothing}
    </section>`;
  }

  protected override render(): TemplateResult {
    const t = this.#t;
    const { locale } = this.#l10n;
    const ui = this.#l10n.t;
    if (this.#error && !this.#report)
      return html`<div class="state error" part="state" role="alert">${this.#error()}</div>`;
    const report = this.#report;
    if (!report) return html`<p class="state" part="state" role="status">${ui.loading}</p>`;
    const level = Math.min(5, Math.max(1, this.headingLevel || 2));
    const panel = this.#panel;
    const view: ReportView = {
      locale,
      k: textKey(locale),
      t: ui,
      // the summary counts every finding (blank cells folded, `#summaryList`); the cells stay quiet until visited
      result: this.#result,
      data: report,
      layout: this.#layout,
      index: this.#index,
      notes: this.#notes,
      panel,
      terms: this.#index.terms(panel.active),
      findings: (fails) => this.#summaryList(view, fails),
    };
    return html`<div
      part="report"
      lang=${locale}
      @input=${this.#onInput}
      @compositionend=${this.#onInput}
      @beforeinput=${this.#onBeforeInput}
      @focusin=${this.#onFocusIn}
      @focusout=${this.#onFocusOut}
      @keydown=${this.#onKey}
      @paste=${this.#onPaste}
    >
      <div class="toolbar" part="toolbar" role="toolbar" aria-label=${t.toolbar}>
        <button type="button" @click=${() => this.undo()} ?disabled=${this.#off || !this.#history.canUndo}>${t.undo}</button>
        <button type="button" @click=${() => this.redo()} ?disabled=${this.#off || !this.#history.canRedo}>${t.redo}</button>
        <button type="button" @click=${() => this.exportJson()}>${t.exportJson}</button>
        <button type="button" @click=${() => void this.copySnippet()}>${t.copySnippet}</button>
        <button type="button" @click=${() => window.print()}>${t.print}</button>
        ${this.#importUi()}
      </div>
      ${
        this.#notice
          ? html`<p class="notice" role="status">${t.draftRestored(new Date(this.#notice.savedAt).toLocaleString(locale))}
            <button type="button" @click=${() => this.discardDraft()} ?disabled=${this.#off}>${t.discardDraft}</button></p>`
          : nothing
      }
      ${this.#unsaved ? html`<p class="notice" role="alert">${t.draftNotSaved}</p>` : nothing}
      <p class="status" role="status">${this.#status}</p>
      ${this.#error ? html`<p class="state error" role="alert">${this.#error()}</p>` : nothing}
      ${heading(level, (report['title'] as string) || ui.defaultTitle('', report['year'] as number), 'dr-title', 'title', 'title')}
      <div class="fields">${FIELDS.map(([path, key, type]) => this.#field(path, t[key], type))}</div>
      ${renderSummary(view, level + 1)}
      ${SECTIONS.map((s) => this.#section(view, s, level + 1))}
      <div class="sr-only" role="status" aria-live="polite">${this.#message}</div>
    </div>`;
  }

  protected override updated(): void {
    // the validity anchor is an input: rendered now
    this.#syncForm();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'disclosure-report-editor': DisclosureReportEditor;
  }
}

export type { Finding };
