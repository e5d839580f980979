/**
 * JSON text helpers that give located errors independent of the JS engine's error wording: the
 * offset, line and column of a syntax error, the position of every value by its path (indexed in one
 * pass), and the number literals that JSON.parse reads inexactly.
 */
import { compare, parseDecimal, toExact } from './decimal.js';
import { isObject } from './layout.js';

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

/** A number literal of JSON text that JSON.parse reads inexactly, or that has too many digits to be read. */
export interface WrittenNumber {
  /** Keys from the root to the number. */
  path: string[];
  literal: string;
}

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

/**
 * Parse JSON (a leading byte-order mark is allowed); on failure, locate the first offending
 * character by scanning the text. Never throws, however deep the nesting. Number literals that
 * JSON.parse reads inexactly (9007199254740993, 0.30000000000000000001, 1e400) are listed in `numbers`
 * and remembered with the parsed objects that hold them (`writtenNumber`), so that the rules read
 * them as written.
 */
export function parseJsonText(text: string): JsonResult & { numbers?: WrittenNumber[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === BOM ? text.slice(1) : text);
  } catch {
    const { offset, reason } = scan(text).fault ?? new Fault(text.length, 'unexpected-end');
    return { ok: false, position: positionAt(text, offset), reason };
  }
  // Only a literal of 16 or more characters, or with an exponent, can be read inexactly: most texts have none.
  if (!/[0-9.]{16}|[0-9][eE]/.test(text)) return { ok: true, value };
  const { numbers } = scan(text, false, true);
  for (const { path, literal } of numbers) {
    let parent = value;
    for (const k of path.slice(0, -1)) parent = isObject(parent) ? parent[k] : undefined;
    if (!isObject(parent)) continue;
    const key = path[path.length - 1]!;
    let own = written.get(parent);
    if (!own) written.set(parent, (own = Object.create(null) as Record<string, [number, string]>));
    own[key] = [parent[key] as number, literal];
  }
  return { ok: true, value, numbers };
}

const written = new WeakMap<object, Record<string, [number, string]>>();

/**
 * The numbers of an object parsed by parseJsonText that JSON.parse read inexactly, by key: each with
 * the value it was read as and its literal (a number changed since is no longer the one written).
 */
export const writtenNumbers = (parent: object): Record<string, [number, string]> | undefined => written.get(parent);

/** The literal of `parent[key]` as written in JSON text, when JSON.parse read it inexactly. */
export function writtenNumber(parent: unknown, key: string): string | undefined {
  const w = isObject(parent) ? written.get(parent)?.[key] : undefined;
  return w && Object.is(w[0], (parent as Record<string, unknown>)[key]) ? w[1] : undefined;
}

let cached: { text: string; at: (path: readonly (string | number)[]) => TextPosition | undefined } | undefined;

/**
 * Position of the value at `path` (dotted keys, numeric array indexes) in valid JSON text. The
 * positions of the whole text are indexed in one pass on the first call and kept for the next calls
 * with the same text, so locating every error of a document takes time linear in its size.
 */
export function locatePath(text: string, path: readonly (string | number)[]): TextPosition | undefined {
  if (cached?.text !== text) cached = { text, at: indexPositions(text) };
  return cached.at(path);
}

/** A value's offset, or a container's offset with its members' slots (by key, or in order). */
type Slot = number | Node;
interface Node {
  o: number;
  c: Record<string, Slot> | Slot[];
}

/** Where every value of a JSON text starts, found in one pass: a lookup by path (undefined when the text is not JSON). */
export function indexPositions(text: string): (path: readonly (string | number)[]) => TextPosition | undefined {
  const { fault, root, lines } = scan(text, true);
  return (path) => {
    let slot = fault ? undefined : root;
    for (const k of path) slot = typeof slot !== 'object' ? undefined : Array.isArray(slot.c) ? slot.c[+k] : slot.c[k];
    if (slot === undefined) return undefined;
    const offset = typeof slot === 'number' ? slot : slot.o;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { offset, line: lo + 1, column: Math.max(1, offset - lines[lo]! + 1) };
  };
}

class Fault {
  constructor(
    readonly offset: number,
    readonly reason: JsonSyntaxReason,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * A minimal JSON scanner: validates structure, and records where every value and line starts
 * (`index`) or the number literals JSON.parse reads inexactly (`exact`). Iterative (an explicit stack
 * of open containers), so no nesting depth overflows the call stack.
 */
function scan(s: string, index = false, exact = false) {
  let i = s.charCodeAt(0) === BOM ? 1 : 0;
  let root: Slot | undefined;
  let fault: Fault | null = null;
  const lines = [i];
  const path: (string | number)[] = []; // key or index within each open container
  const nodes: Node[] = [];
  const open: string[] = []; // the closing brackets of the open containers
  const numbers: WrittenNumber[] = [];
  const fail = (): never => {
    throw new Fault(i, i >= s.length ? 'unexpected-end' : 'unexpected-token');
  };
  const ws = () => {
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 10) lines.push(++i);
      else if (c === 32 || c === 9 || c === 13) i++;
      else return;
    }
  };
  const next = (c: string) => {
    if (s[i] !== c) fail();
    i++;
  };
  /** Record where a value starts; the last of duplicate keys wins, as in JSON.parse. */
  const put = (slot: Slot) => {
    const node = nodes[nodes.length - 1];
    if (!index) return;
    if (!node) root = slot;
    else if (Array.isArray(node.c)) node.c.push(slot);
    else node.c[path[path.length - 1]!] = slot;
  };
  const string = (): string => {
    const start = ++i;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        const raw = s.slice(start, i++);
        return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      }
      if (c < 32) fail();
      if (c === 92) {
        const e = s[++i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
            i++;
            fail();
          }
          i += 4;
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) fail();
      }
      i++;
    }
    return fail();
  };
  /** `"key" :` after a `{` or a `,` of an object. */
  const key = () => {
    ws();
    if (s[i] !== '"') fail();
    const k = string();
    ws();
    next(':');
    return k;
  };
  try {
    ws();
    if (i >= s.length) throw new Fault(0, 'empty');
    for (;;) {
      // A value starts here.
      ws();
      const at = i;
      const c = s[i];
      if (c === '{' || c === '[') {
        i++;
        ws();
        const close = c === '{' ? '}' : ']';
        if (s[i] !== close) {
          const node: Node = { o: at, c: c === '{' ? Object.create(null) : [] };
          put(node);
          nodes.push(node);
          path.push(c === '{' ? key() : 0);
          open.push(close);
          continue;
        }
        i++;
      } else if (c === '"') string();
      else if (c === 't' || c === 'f' || c === 'n')
        for (const ch of c === 't' ? 'true' : c === 'f' ? 'false' : 'null') next(ch);
      else {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(s)?.[0] ?? fail();
        i += m.length;
        // Report numbers sit at most 5 levels deep (applications.extras.0.values.0); deeper ones are not collected.
        if (exact && path.length < 9 && !readExactly(m)) numbers.push({ path: path.map(String), literal: m });
      }
      put(at);
      // A value ended: close containers until the next member or element starts.
      for (;;) {
        ws();
        const close = open[open.length - 1];
        if (!close) {
          if (i < s.length) throw new Fault(i, 'trailing-data');
          return { fault, root, lines, numbers };
        }
        if (s[i] === ',') {
          i++;
          path[path.length - 1] = close === '}' ? key() : (path[path.length - 1] as number) + 1;
          break;
        }
        next(close);
        open.pop();
        path.pop();
        nodes.pop();
      }
    }
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    fault = e;
  }
  return { fault, root, lines, numbers };
}

/** JSON.parse reads the literal exactly (and it is not too long to be compared). */
function readExactly(literal: string): boolean {
  if (literal.length < 16 && !/[eE]/.test(literal)) return true;
  const exact = parseDecimal(literal);
  const read = toExact(Number(literal));
  return exact !== null && read !== null && compare(exact, read) === 0;
}
