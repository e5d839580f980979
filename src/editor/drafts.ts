/**
 * Drafts kept in the browser while a report is being filled in, so that a reload or a crash loses
 * nothing: localStorage under `disclosure-report-editor:<key>` (the `storage-key` attribute, else
 * agency + year). Storage that is missing, full or forbidden (private mode, a sandboxed frame) is
 * reported to the caller, never thrown.
 */
export interface Draft {
  readonly report: unknown;
  /** ISO time of the save. */
  readonly savedAt: string;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'disclosure-report-editor:';
/** The key of the draft saved last (opened after a reload when the page names none). */
const LAST = PREFIX + '~last';

/** The default draft key of a report: its agency and year. */
export function draftKey(report: unknown): string {
  const r = report as { agency?: { name?: unknown }; year?: unknown } | null;
  const agency = typeof r?.agency?.name === 'string' ? r.agency.name : '';
  const year = typeof r?.year === 'number' ? r.year : '';
  return `${agency}|${year}`;
}

function storage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // a sandboxed frame throws on access
  }
}

export class DraftStore {
  constructor(private readonly store: StorageLike | undefined = storage()) {}

  /** Save a draft; false when the browser does not keep it (no storage, quota exceeded). */
  save(key: string, report: unknown, now = new Date()): boolean {
    if (!this.store) return false;
    try {
      this.store.setItem(PREFIX + key, JSON.stringify({ report, savedAt: now.toISOString() }));
      this.store.setItem(LAST, key);
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
      text = this.store.getItem(PREFIX + key);
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

  /** The key of the draft saved last in this browser, if any. */
  lastKey(): string | undefined {
    try {
      return this.store?.getItem(LAST) ?? undefined;
    } catch {
      return undefined;
    }
  }

  discard(key: string): void {
    try {
      this.store?.removeItem(PREFIX + key);
      if (this.store?.getItem(LAST) === key) this.store.removeItem(LAST);
    } catch {
      // nothing to do: storage unavailable
    }
  }
}
