/**
 * Drafts kept in the browser while a report is being filled in, so that a reload or a crash loses
 * nothing: localStorage under `disclosure-report-editor:<key>`, the key being the `storage-key`
 * attribute, else agency + year within a scope (the editor's page path and its id or position, see
 * `<disclosure-report-editor>`), so that editors of one page or of one site never adopt each other's
 * drafts. Each scope remembers the key it saved last (opened after a reload when no report is given).
 * Storage that is missing, full or forbidden (private mode, a sandboxed frame) is reported to the
 * caller, never thrown.
 */
export interface Draft {
  readonly report: unknown;
  /** ISO time of the save. */
  readonly savedAt: string;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'disclosure-report-editor:';
/** The key of the draft saved last in a scope (opened after a reload when the page names none). */
const LAST = PREFIX + '~last';

/** The default draft key of a report: its agency and year. */
export function draftKey(report: unknown): string {
  const r = report as { agency?: { name?: unknown }; year?: unknown } | null;
  const agency = typeof r?.agency?.name === 'string' ? r.agency.name : '';
  const year = typeof r?.year === 'number' ? r.year : '';
  return `${agency}|${year}`;
}

/**
 * The scope of the drafts of an editor without `storage-key`: the page's path and the editor's place,
 * its id, else its position among the elements of its tag in its document (within its shadow host's
 * place when it is inside a shadow root): `"/admin/report.html#0"`, `"/cms#reports/1"`.
 */
export function draftScope(el: Element): string {
  const place = (e: Element): string => {
    const root = e.getRootNode() as Document | ShadowRoot;
    const own = e.id || String([...root.querySelectorAll(e.localName)].indexOf(e));
    return (root as ShadowRoot).host ? `${place((root as ShadowRoot).host)}/${own}` : own;
  };
  return `${globalThis.location?.pathname ?? ''}#${place(el)}`;
}

function storage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // a sandboxed frame throws on access
  }
}

export class DraftStore {
  /**
   * `scope`: read at every call, it keeps the drafts (and the last key) of one editor apart from those
   * of every other: `"/admin/report#0"`; undefined: no scope (a key of the host's own, `storage-key`).
   */
  constructor(
    private readonly store: StorageLike | undefined = storage(),
    private readonly scope: () => string | undefined = () => undefined,
  ) {}

  #at(key: string): string {
    const s = this.scope();
    return PREFIX + (s === undefined ? key : `${s} ${key}`);
  }

  #last(): string {
    const s = this.scope();
    return s === undefined ? LAST : `${LAST} ${s}`;
  }

  /** Save a draft; false when the browser does not keep it (no storage, quota exceeded). */
  save(key: string, report: unknown, now = new Date()): boolean {
    if (!this.store) return false;
    try {
      this.store.setItem(this.#at(key), JSON.stringify({ report, savedAt: now.toISOString() }));
      this.store.setItem(this.#last(), key);
      return true;
    } catch {
      return false;
    }
  }

  /** The draft saved under `key`, or undefined (none, or unreadable: an unreadable one is removed). */
  load(key: string): Draft | undefined {
    if (!this.store) return undefined;
    let text: string | null;
    try {
      text = this.store.getItem(this.#at(key));
    } catch {
      return undefined;
    }
    if (text === null) return undefined;
    try {
      const d = JSON.parse(text) as Partial<Draft> | null;
      if (d && typeof d === 'object' && typeof d.savedAt === 'string' && d.report && typeof d.report === 'object')
        return { report: d.report, savedAt: d.savedAt };
    } catch {
      // fall through: not ours or corrupted
    }
    this.discard(key);
    return undefined;
  }

  /** The key of the draft saved last in this scope, if any. */
  lastKey(): string | undefined {
    try {
      return this.store?.getItem(this.#last()) ?? undefined;
    } catch {
      return undefined;
    }
  }

  discard(key: string): void {
    try {
      this.store?.removeItem(this.#at(key));
      if (this.store?.getItem(this.#last()) === key) this.store.removeItem(this.#last());
    } catch {
      // nothing to do: storage unavailable
    }
  }
}
