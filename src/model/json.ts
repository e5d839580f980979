/**
 * JSON text helpers that give located errors independent of the JS engine's error wording:
 * the offset, line and column of a syntax error, and the position of a value by its path.
 */

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

/**
 * Parse JSON (a leading byte-order mark is allowed); on failure, locate the first offending
 * character by scanning the text. Never throws, however deep the nesting.
 */
export function parseJsonText(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === BOM ? text.slice(1) : text) };
  } catch {
    const scan = new Scanner(text, null);
    const { offset, reason } = scan.findError();
    return { ok: false, position: positionAt(text, offset), reason };
  }
}

/** Position of the value at `path` (dotted keys, numeric array indexes) in valid JSON text. */
export function locatePath(text: string, path: readonly (string | number)[]): TextPosition | undefined {
  const scan = new Scanner(text, path.map(String));
  try {
    const offset = scan.locate();
    return offset === undefined ? undefined : positionAt(text, offset);
  } catch {
    return undefined;
  }
}

class SyntaxFault {
  constructor(
    readonly offset: number,
    readonly reason: JsonSyntaxReason,
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * A minimal JSON scanner: validates structure and can stop at a target path. Iterative (an explicit
 * stack of open containers), so no nesting depth overflows the call stack.
 */
class Scanner {
  private i = 0;
  private found: number | undefined;
  constructor(
    private readonly s: string,
    private readonly target: string[] | null,
  ) {
    if (s.charCodeAt(0) === BOM) this.i = 1;
  }

  findError(): { offset: number; reason: JsonSyntaxReason } {
    try {
      this.ws();
      if (this.i >= this.s.length) return { offset: 0, reason: 'empty' };
      this.value();
      this.ws();
      if (this.i < this.s.length) return { offset: this.i, reason: 'trailing-data' };
      return { offset: this.s.length, reason: 'unexpected-end' };
    } catch (e) {
      if (e instanceof SyntaxFault) return { offset: e.offset, reason: e.reason };
      throw e;
    }
  }

  locate(): number | undefined {
    this.value();
    return this.found;
  }

  private fail(): never {
    throw new SyntaxFault(this.i, this.i >= this.s.length ? 'unexpected-end' : 'unexpected-token');
  }

  private ws() {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 32 || c === 9 || c === 10 || c === 13) this.i++;
      else break;
    }
  }

  private atTarget(path: string[]) {
    const t = this.target;
    if (!t || path.length !== t.length) return;
    for (let k = 0; k < t.length; k++) if (path[k] !== t[k]) return;
    // The last occurrence: a duplicate key's value is the one JSON.parse keeps.
    this.found = this.i;
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
    const path: string[] = []; // key or index within each open container
    for (;;) {
      // A value starts here.
      this.ws();
      this.atTarget(path);
      const c = s[this.i];
      let opened = false;
      if (c === '{' || c === '[') {
        this.i++;
        this.ws();
        const close = c === '{' ? '}' : ']';
        if (s[this.i] === close) this.i++;
        else {
          path.push(c === '{' ? this.key() : '0');
          open.push(close);
          opened = true;
        }
      } else if (c === '"') this.string();
      else if (c === 't') this.word('true');
      else if (c === 'f') this.word('false');
      else if (c === 'n') this.word('null');
      else this.number();
      if (opened) continue;
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

/** The number literal at an offset of JSON text (as written), or undefined. */
export function numberLiteralAt(text: string, offset: number): string | undefined {
  NUMBER.lastIndex = offset;
  return NUMBER.exec(text)?.[0];
}
