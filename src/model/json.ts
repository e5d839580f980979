/**
 * JSON text helpers that give located errors independent of the JS engine's error wording:
 * the offset, line and column of a syntax error, and the position of a value by its path.
 */
import { compare, parseDecimal, toExact } from './decimal.js';

export interface TextPosition {
  /** 0-based offset in the text (UTF-16 code units). */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; position: TextPosition; reason: JsonSyntaxReason };

export type JsonSyntaxReason = 'empty' | 'unexpected-end' | 'unexpected-token' | 'trailing-data';

const BOM = 0xfeff;

/** Line and column of an offset; a leading byte-order mark takes no column (editors do not show it). */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = text.charCodeAt(0) === BOM ? 1 : 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: Math.max(1, offset - lineStart + 1) };
}

/** A number literal of JSON text that JSON.parse could not read exactly, or that has too many digits. */
export interface WrittenNumber {
  /** Keys from the root to the number. */
  path: string[];
  literal: string;
}

/**
 * Parse JSON (a leading byte-order mark is allowed); on failure, locate the first offending
 * character by scanning the text. Never throws, however deep the nesting. Number literals that
 * JSON.parse reads inexactly (9007199254740993, 0.30000000000000000001, 1e400) are remembered with the
 * parsed objects that hold them (`writtenNumbers`), so that the rules compare them as written; they are
 * also listed in `numbers`.
 */
export function parseJsonText(text: string): JsonResult & { numbers?: WrittenNumber[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === BOM ? text.slice(1) : text);
  } catch {
    const { offset, reason } = new Scanner(text).run() ?? new SyntaxFault(text.length, 'unexpected-end');
    return { ok: false, position: positionAt(text, offset), reason };
  }
  // Only a literal of 16 or more digits, or with an exponent, can be read inexactly: most texts have none.
  if (!/[0-9.]{16}|[0-9][eE]/.test(text)) return { ok: true, value };
  const scan = new Scanner(text, false, true);
  scan.run();
  for (const { path, literal } of scan.numbers) {
    let parent = value;
    for (let k = 0; k < path.length - 1; k++) parent = isObject(parent) ? parent[path[k]!] : undefined;
    if (!isObject(parent)) continue;
    const key = path[path.length - 1]!;
    let own = written.get(parent);
    if (!own) written.set(parent, (own = Object.create(null) as Record<string, [number, string]>));
    own[key] = [parent[key] as number, literal];
  }
  return { ok: true, value, numbers: scan.numbers };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const written = new WeakMap<object, Record<string, [number, string]>>();

/**
 * The numbers of an object parsed by parseJsonText that JSON.parse read inexactly, by key: each with
 * the value it was read as and its literal. A number changed since is no longer the one written.
 */
export const writtenNumbers = (parent: object): Record<string, [number, string]> | undefined => written.get(parent);

/** The literal of `parent[key]` as written in JSON text, when JSON.parse read it inexactly. */
export function writtenNumber(parent: unknown, key: string): string | undefined {
  if (!isObject(parent)) return undefined;
  const w = written.get(parent)?.[key];
  return w && Object.is(w[0], parent[key]) ? w[1] : undefined;
}

let cached: { text: string; index: PositionIndex } | undefined;

/**
 * Position of the value at `path` (dotted keys, numeric array indexes) in valid JSON text. The
 * positions of the whole text are indexed in one pass on the first call and kept for the next calls
 * with the same text, so locating every error of a document takes time linear in its size.
 */
export function locatePath(text: string, path: readonly (string | number)[]): TextPosition | undefined {
  if (cached?.text !== text) cached = { text, index: new PositionIndex(text) };
  return cached.index.at(path);
}

/** A container's offset and its members' slots by key (array indexes as keys). */
type Slot = number | { o: number; c: Record<string, Slot> };

/** Where every value of a JSON text starts, and where each line starts. */
export class PositionIndex {
  private root: Slot | undefined;
  private lines: number[];
  constructor(text: string) {
    const scan = new Scanner(text, true);
    this.root = scan.run() ? undefined : scan.root;
    this.lines = scan.lines;
  }

  at(path: readonly (string | number)[]): TextPosition | undefined {
    let slot = this.root;
    for (const k of path) slot = typeof slot === 'object' ? slot.c[k] : undefined;
    if (slot === undefined) return undefined;
    const offset = typeof slot === 'number' ? slot : slot.o;
    const lines = this.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: Math.max(1, offset - lines[lo]! + 1) };
  }
}

class SyntaxFault {
  constructor(
    readonly offset: number,
    readonly reason: JsonSyntaxReason,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** JSON.parse reads the literal exactly (and it is not too long to be compared). */
function readExactly(literal: string): boolean {
  if (literal.length < 16 && !/[eE]/.test(literal)) return true;
  const exact = parseDecimal(literal);
  const read = toExact(Number(literal));
  return exact !== null && read !== null && compare(exact, read) === 0;
}

/**
 * A minimal JSON scanner: validates structure, and records where every value starts (`index`) or
 * the number literals JSON.parse reads inexactly (`exact`). Iterative (an explicit stack of open
 * containers), so no nesting depth overflows the call stack.
 */
class Scanner {
  private i = 0;
  /** Key or index within each open container. */
  private readonly path: string[] = [];
  private readonly nodes: Array<{ o: number; c: Record<string, Slot> }> = [];
  /** Offset where each line starts. */
  readonly lines: number[];
  root: Slot | undefined;
  readonly numbers: WrittenNumber[] = [];
  constructor(
    private readonly s: string,
    private readonly index = false,
    private readonly exact = false,
  ) {
    if (s.charCodeAt(0) === BOM) this.i = 1;
    this.lines = [this.i];
  }

  /** Scan the whole text: null when it is one valid JSON value, else where and why not. */
  run(): SyntaxFault | null {
    try {
      this.ws();
      if (this.i >= this.s.length) return new SyntaxFault(0, 'empty');
      this.value();
      this.ws();
      return this.i < this.s.length ? new SyntaxFault(this.i, 'trailing-data') : null;
    } catch (e) {
      if (e instanceof SyntaxFault) return e;
      throw e;
    }
  }

  private fail(): never {
    throw new SyntaxFault(this.i, this.i >= this.s.length ? 'unexpected-end' : 'unexpected-token');
  }

  private ws() {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 10) this.lines.push(++this.i);
      else if (c === 32 || c === 9 || c === 13) this.i++;
      else break;
    }
  }

  /** Record where a value starts (a container: with its members to come). */
  private put(slot: Slot) {
    if (!this.index) return;
    const node = this.nodes[this.nodes.length - 1];
    if (node) node.c[this.path[this.path.length - 1]!] = slot;
    // The last occurrence of a duplicate key wins, as in JSON.parse.
    else this.root = slot;
  }

  /** `"key" :` after a `{` or a `,` of an object. */
  private key(): string {
    this.ws();
    if (this.s[this.i] !== '"') this.fail();
    const key = this.string();
    this.ws();
    if (this.s[this.i] !== ':') this.fail();
    this.i++;
    return key;
  }

  /** One JSON value with everything inside it. */
  private value(): void {
    const s = this.s;
    const open: string[] = []; // the closing brackets of the open containers
    const { path, nodes } = this;
    for (;;) {
      // A value starts here.
      this.ws();
      const at = this.i;
      const c = s[at];
      if (c === '{' || c === '[') {
        this.i++;
        this.ws();
        const close = c === '{' ? '}' : ']';
        if (s[this.i] === close) {
          this.i++;
          this.put(at);
        } else {
          const node = { o: at, c: Object.create(null) as Record<string, Slot> };
          this.put(node);
          nodes.push(node);
          path.push(c === '{' ? this.key() : '0');
          open.push(close);
          continue;
        }
      } else {
        if (c === '"') this.string();
        else if (c === 't') this.word('true');
        else if (c === 'f') this.word('false');
        else if (c === 'n') this.word('null');
        else this.number();
        this.put(at);
      }
      // A value ended: close containers until the next member or element starts.
      for (;;) {
        if (!open.length) return;
        this.ws();
        const d = s[this.i];
        const close = open[open.length - 1]!;
        if (d === ',') {
          this.i++;
          path[path.length - 1] = close === '}' ? this.key() : String(Number(path[path.length - 1]) + 1);
          break;
        }
        if (d !== close) this.fail();
        this.i++;
        open.pop();
        path.pop();
        nodes.pop();
      }
    }
  }

  private word(w: string) {
    for (let k = 0; k < w.length; k++) {
      if (this.s[this.i] !== w[k]) this.fail();
      this.i++;
    }
  }

  private number() {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.s);
    if (!m) this.fail();
    this.i += m[0].length;
    // Report numbers sit at most 5 levels deep (applications.extras.0.values.0): deeper ones are not collected.
    if (this.exact && this.path.length <= 8 && !readExactly(m[0])) this.numbers.push({ path: this.path.slice(), literal: m[0] });
  }

  private string(): string {
    const start = ++this.i;
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 34) {
        const raw = s.slice(start, this.i++);
        return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      }
      if (c < 32) this.fail();
      if (c === 92) {
        const e = s[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(this.i + 2, this.i + 6))) {
            this.i += 2;
            this.fail();
          }
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else {
          this.i++;
          this.fail();
        }
      } else this.i++;
    }
    return this.fail();
  }
}
