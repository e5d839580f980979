/**
 * Data loading of a report element as a reactive controller: where the report comes from (the
 * `report` property, an inline JSON script, `src`, the light-DOM importer), fetching with abort, a
 * load generation so that only the newest load lands, waiting for the importer or for the parser,
 * validation with the registered rule packs, and the `disclosure-report-validated` /
 * `disclosure-report-error` events. The viewer uses it; the editor can too.
 */
import type { PropertyValues, ReactiveController, ReactiveControllerHost } from 'lit';
import {
  validate,
  jsonSyntaxMessage,
  FORMATS,
  isObject,
  type Finding,
  type Format,
  type Report,
  type RulePack,
  type Summary,
  type ValidationResult,
} from '../../rules/index.js';
import { parseJsonText } from '../../model/json.js';
import { decodeText } from '../../model/decode.js';
import type { UiStrings } from '../../i18n/ui.js';
import type { LocaleController } from './locale.js';

/**
 * A light-DOM importer: reads the published report that sits inside the element (an existing CMS
 * article: its tables and text) and returns REPORT-JSON plus diagnostics. Registered by the importer
 * bundle with `DisclosureReport.registerImporter`.
 */
export type Importer = (host: HTMLElement) => Promise<{ report: unknown; diagnostics: unknown[] }>;

/** Why loading failed, in `disclosure-report-error` events and the error state. */
export type LoadErrorKind = 'network' | 'http' | 'json' | 'size' | 'importer-missing' | 'importer' | 'validate';

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

/** A report that can be drawn (its format is known), valid or not. */
export interface Renderable {
  format: Format;
  [key: string]: unknown;
}
const renderable = (v: unknown): v is Renderable => isObject(v) && FORMATS.includes(v['format'] as Format);

/** What the loader reads from its element. */
export interface LoaderHost extends ReactiveControllerHost, HTMLElement {
  report?: unknown;
  previous?: unknown;
  src?: string;
  previousSrc?: string;
  import: boolean;
  /** Milliseconds after which a `src` that has not answered is a network error (0: never). */
  timeout: number;
  readonly hasUpdated: boolean;
}

/** Properties that say where the report comes from (a change means a new load). */
const SOURCE_PROPS = new Set<PropertyKey>(['report', 'previous', 'src', 'previousSrc', 'import']);

let importer: Importer | undefined;
const waitingForImporter = new Set<ReportLoader>();
/** Rule packs run besides the table rules (the importer bundle registers the prose pack). */
let rulePacks: readonly RulePack[] = [];
const connected = new Set<ReportLoader>();

/** Register the light-DOM importer: loaders waiting for it load at once. */
export function registerImporter(fn: Importer): void {
  importer = fn;
  for (const l of [...waitingForImporter]) void l.load();
}
export const hasImporter = () => importer !== undefined;

/** Run a rule pack besides the table rules; reports already shown are validated again. */
export function registerRules(pack: RulePack): void {
  if (rulePacks.includes(pack)) return;
  rulePacks = [...rulePacks.filter((p) => p.name !== pack.name), pack];
  for (const l of connected) if (l.status === 'ready') void l.load();
}
export const registeredRules = (): readonly RulePack[] => rulePacks;

/**
 * JSON text longer than this (6 MiB of characters) is refused with a `size` error, the fallback kept:
 * parsing is one main-thread task (about 30 ms per MB in Chromium here), which must stay short.
 */
export const MAX_TEXT = 6 * 2 ** 20;
/** From this length on, a load yields to the page between parsing, validating and drawing. */
const LARGE = 2 ** 18;
/**
 * Light-DOM markup nested deeper than this is not handed to the importer: a clear, located error
 * instead (browsers' HTML parsers stop nesting at 512; scripts can nest deeper).
 */
export const MAX_MARKUP_DEPTH = 256;

/** The child of `root` in which an element is nested deeper than `MAX_MARKUP_DEPTH` (depth-first, no recursion). */
function tooDeep(root: Element): Element | undefined {
  const stack: [Element, number, Element | undefined][] = [[root, 0, undefined]];
  while (stack.length) {
    const [el, depth, top] = stack.pop()!;
    if (depth > MAX_MARKUP_DEPTH) return top;
    for (const c of el.children) stack.push([c, depth + 1, top ?? c]);
  }
  return undefined;
}

const yieldToPage = () => new Promise((r) => setTimeout(r));

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
const parsed = () => new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));

/** An import note in the reader's words: a severity icon (✖ ⚠ ℹ), never an English `[warning]` tag. */
function describeDiagnostic(d: unknown, t: UiStrings): string {
  if (!isObject(d)) return String(d);
  const level = d['level'] === 'error' ? '✖ ' : d['level'] === 'warning' ? '⚠ ' : d['level'] === 'info' ? 'ℹ ' : '';
  const msg = typeof d['message'] === 'string' ? d['message'] : JSON.stringify(d);
  const line =
    typeof d['line'] === 'number'
      ? t.at(t.line(d['line']))
      : typeof d['page'] === 'number'
        ? t.at(t.page(d['page']))
        : '';
  return level + msg + line;
}

type Fetched = { ok: true; text: string } | { ok: false; error: LoadError } | null;

export class ReportLoader implements ReactiveController {
  status: LoadStatus = 'empty';
  error?: LoadError;
  result?: ValidationResult;
  /** The report drawn: the validated one, or the input as found when it has a known format. */
  data?: Renderable;
  /** Import diagnostics and notes (last year's report unusable), as text. */
  notes: string[] = [];
  /** The JSON text the report came from (for the line of a finding), when it came as text. */
  sourceText?: string;
  /** Last year's report as used by the cross-year rules. */
  previousUsed: unknown;

  #generation = 0;
  #inFlight?: boolean;
  #resume?: boolean;
  #abort?: AbortController;
  /** Texts fetched for `src` and `previous-src` by the current load, reused when only `lang` changes. */
  #fetched = new Map<string, string>();
  #loading: Promise<void> = Promise.resolve();
  /** The strings the missing-importer note was last logged in. */
  #told?: UiStrings;

  /**
   * @param loaded called whenever `result`/`data` change (a load landed or failed), before the render:
   * the element derives its finding index there.
   */
  constructor(
    private readonly host: LoaderHost,
    private readonly l10n: LocaleController,
    private readonly loaded: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    // Re-attached after a move: load again if a load was cut off by hostDisconnected.
    if (this.host.hasUpdated && (this.#resume || this.status === 'loading')) {
      this.#resume = false;
      void this.load();
    }
  }

  hostDisconnected(): void {
    waitingForImporter.delete(this);
    connected.delete(this);
    // A load cut off here (its fetch aborted) starts again when the element is attached again.
    this.#resume = this.#inFlight;
    this.#abort?.abort();
  }

  /** From the host's willUpdate: a new source loads; a new language validates the same input again (no fetch, no loading state). */
  willUpdate(changed: PropertyValues): void {
    const newSource = !this.host.hasUpdated || [...changed.keys()].some((k) => SOURCE_PROPS.has(k));
    if (newSource || changed.has('lang')) void this.load(!newSource);
  }

  /** Resolves once the current load has finished and rendered (status `ready`, `error` or `empty`). */
  async whenReady(): Promise<LoadStatus> {
    await this.host.updateComplete;
    for (;;) {
      const gen = this.#generation;
      await this.#loading;
      await this.host.updateComplete;
      if (gen === this.#generation) return this.status;
    }
  }

  load(relocalize = false): Promise<void> {
    const p = this.#doLoad(relocalize);
    this.#loading = p;
    return p;
  }

  #set(status: LoadStatus, error?: LoadError) {
    this.status = status;
    this.error = error;
    this.host.requestUpdate();
  }

  #fail(gen: number, error: LoadError) {
    if (gen !== this.#generation) return;
    this.#set('error', error);
    this.result = undefined;
    this.data = undefined;
    this.loaded();
    this.host.dispatchEvent(
      new CustomEvent<LoadError>('disclosure-report-error', { detail: error, bubbles: true, composed: true }),
    );
  }

  #jsonScript(): HTMLScriptElement | null {
    for (const child of this.host.children) {
      if (child instanceof HTMLScriptElement && /^application\/(\w+\+)?json$/i.test(child.type.trim())) return child;
    }
    return null;
  }

  /** Whether the HTML parser is past our end tag (a node after us exists), so all our children are there. */
  #parsedChildren(): boolean {
    for (let n: Node | null = this.host; n; n = n.parentNode) if (n.nextSibling) return true;
    return false;
  }

  #hasLightContent(): boolean {
    for (const node of this.host.childNodes) {
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

  /**
   * Fetch a URL as text. `null` when the fetch was aborted (a newer load, or the element left the
   * document): not an error, nothing to report.
   */
  async #fetchText(url: string, signal: AbortSignal): Promise<Fetched> {
    const cached = this.#fetched.get(url);
    if (cached !== undefined) return { ok: true, text: cached };
    const t = this.l10n.t;
    // A server that never answers (or never finishes the body) is a network error after `timeout` ms.
    const ms = this.host.timeout;
    const own = new AbortController();
    const stop = () => own.abort();
    signal.addEventListener('abort', stop);
    const timer = ms > 0 ? setTimeout(stop, ms) : 0;
    const network = (): Fetched =>
      signal.aborted
        ? null
        : {
            ok: false,
            error: { kind: 'network', url, message: own.signal.aborted ? t.errTimeout(url, ms) : t.errNetwork(url) },
          };
    try {
      const res = await fetch(new URL(url, document.baseURI).href, {
        signal: own.signal,
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      if (!res.ok)
        return {
          ok: false,
          error: { kind: 'http', url, status: res.status, message: t.errHttp(url, res.status, res.statusText) },
        };
      // Bytes decoded as the CLI decodes files: a UTF-16 file with its byte-order mark reads as text.
      const text = decodeText(new Uint8Array(await res.arrayBuffer()));
      this.#fetched.set(url, text);
      return { ok: true, text };
    } catch {
      return network();
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  }

  /** The last text parsed and its value (a language switch validates the same input again). */
  #parsedText?: string;
  #parsedValue: unknown;

  /** JSON text → value, or a located JSON error. */
  #parseText(text: string, where: string): { ok: true; value: unknown } | { ok: false; error: LoadError } {
    const t = this.l10n.t;
    if (text.length > MAX_TEXT)
      return { ok: false, error: { kind: 'size', url: where, message: t.errTooLarge(where, text.length, MAX_TEXT) } };
    if (text === this.#parsedText) return { ok: true, value: this.#parsedValue };
    const parsed = parseJsonText(text);
    if (parsed.ok) {
      this.#parsedText = text;
      this.#parsedValue = parsed.value;
      return parsed;
    }
    const { line, column } = parsed.position;
    const message = t.errJson(where, jsonSyntaxMessage(parsed.reason, line, column, this.l10n.locale));
    return { ok: false, error: { kind: 'json', message, url: where, line, column } };
  }

  async #doLoad(relocalize: boolean): Promise<void> {
    const gen = ++this.#generation;
    this.#inFlight = true;
    try {
      await this.#run(gen, relocalize);
    } finally {
      if (gen === this.#generation) this.#inFlight = false;
    }
  }

  async #run(gen: number, relocalize: boolean): Promise<void> {
    const host = this.host;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (!relocalize) {
      this.#fetched.clear();
      this.#parsedText = undefined;
    }
    waitingForImporter.delete(this);
    // Keep a rendered report on screen while its replacement is validated; otherwise say we are loading.
    if (this.status !== 'ready') this.#set('loading');
    const t = this.l10n.t;
    const locale = this.l10n.locale;
    let input: unknown;
    let text: string | undefined;
    let where = '';
    let fromScript = false;
    const notes: string[] = [];

    if (host.report !== undefined && host.report !== null) {
      input = host.report;
      if (typeof input === 'string') {
        text = input;
        where = 'report';
      }
    } else if (this.#jsonScript()) {
      text = this.#jsonScript()!.textContent ?? '';
      where = '<script type="application/json">';
      fromScript = true;
    } else if (document.readyState === 'loading' && !this.#parsedChildren()) {
      // Upgraded before the parser reached (all of) our children: an inline JSON child may still come,
      // and it takes precedence over `src`. Decide once the document is parsed.
      this.#set('loading');
      await parsed();
      if (gen !== this.#generation) return;
      return this.load();
    } else if (host.src) {
      const got = await this.#fetchText(host.src, abort.signal);
      if (gen !== this.#generation || !got) return;
      if (!got.ok) return this.#fail(gen, got.error);
      text = got.text;
      where = host.src;
    } else if (host.import || this.#hasLightContent()) {
      if (!importer) {
        waitingForImporter.add(this);
        // Readers see the article as it is; the note is for the webmaster (once per element and language).
        if (this.#told !== t) console.warn((this.#told = t).errImporterMissing, host);
        return this.#fail(gen, { kind: 'importer-missing', message: t.errImporterMissing });
      }
      const top = tooDeep(host);
      if (top) {
        const index = [...host.children].indexOf(top) + 1;
        const preview = (top.textContent ?? '').trim().slice(0, 20);
        return this.#fail(gen, {
          kind: 'importer',
          message: t.errImporter(t.errTooDeep(MAX_MARKUP_DEPTH, `<${top.localName}>`, index, preview)),
        });
      }
      try {
        const out = await importer(host);
        if (gen !== this.#generation) return;
        input = out.report;
        for (const d of out.diagnostics ?? []) notes.push(describeDiagnostic(d, t));
      } catch (err) {
        return this.#fail(gen, { kind: 'importer', message: t.errImporter(errorText(err)) });
      }
    } else {
      this.#set('empty');
      this.result = undefined;
      this.data = undefined;
      this.loaded();
      return;
    }

    this.sourceText = text;
    if (text !== undefined) {
      const parsedText = this.#parseText(text, where);
      if (!parsedText.ok && fromScript && document.readyState === 'loading') {
        // An inline JSON script that the parser has not finished yet: read it again once it has.
        this.#set('loading');
        await parsed();
        if (gen !== this.#generation) return;
        return this.load();
      }
      if (!parsedText.ok) return this.#fail(gen, parsedText.error);
      input = parsedText.value;
      if (text.length > LARGE) {
        await yieldToPage();
        if (gen !== this.#generation) return;
      }
    }

    let previous = host.previous;
    if ((previous === undefined || previous === null) && host.previousSrc) {
      const got = await this.#fetchText(host.previousSrc, abort.signal);
      if (gen !== this.#generation || !got) return;
      if (!got.ok) notes.push(t.errPrevious(got.error.message));
      else {
        const p = this.#parseText(got.text, host.previousSrc);
        if (p.ok) previous = p.value;
        else notes.push(t.errPrevious(p.error.message));
      }
    }

    let result: ValidationResult;
    try {
      result = await validate(input, { locale, packs: rulePacks, ...(previous == null ? {} : { previous }) });
    } catch (err) {
      return this.#fail(gen, { kind: 'validate', message: t.errValidate(errorText(err)) });
    }
    // A large report is drawn in a task of its own.
    if (text && text.length > LARGE) await yieldToPage();
    if (gen !== this.#generation) return;
    this.result = result;
    this.previousUsed = previous === null ? undefined : previous;
    this.data = result.report ?? (renderable(input) ? input : undefined);
    this.notes = notes;
    this.loaded();
    this.#set('ready');
    await host.updateComplete;
    if (gen !== this.#generation) return;
    host.dispatchEvent(
      new CustomEvent<ValidatedDetail>('disclosure-report-validated', {
        detail: { findings: result.findings, summary: result.summary, report: result.report },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
