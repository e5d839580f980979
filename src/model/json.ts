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

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** Parse JSON; on failure, locate the first offending character by scanning the text. */
export function parseJsonText(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
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

/** A minimal JSON scanner: validates structure and can stop at a target path. */
class Scanner {
  private i = 0;
  private found: number | undefined;
  constructor(
    private readonly s: string,
    private readonly target: string[] | null,
  ) {}

  findError(): { offset: number; reason: JsonSyntaxReason } {
    try {
      this.ws();
      if (this.i >= this.s.length) return { offset: 0, reason: 'empty' };
      this.value([]);
      this.ws();
      if (this.i < this.s.length) return { offset: this.i, reason: 'trailing-data' };
      return { offset: this.s.length, reason: 'unexpected-end' };
    } catch (e) {
      if (e instanceof SyntaxFault) return { offset: e.offset, reason: e.reason };
      throw e;
    }
  }

  locate(): number | undefined {
    this.ws();
    this.value([]);
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
    if (!t || this.found !== undefined || path.length !== t.length) return;
    for (let k = 0; k < t.length; k++) if (path[k] !== t[k]) return;
    this.found = this.i;
  }

  private value(path: string[]): void {
    this.ws();
    this.atTarget(path);
    const c = this.s[this.i];
    if (c === '{') return this.object(path);
    if (c === '[') return this.array(path);
    if (c === '"') return void this.string();
    if (c === 't') return this.word('true');
    if (c === 'f') return this.word('false');
    if (c === 'n') return this.word('null');
    return this.number();
  }

  private word(w: string) {
    for (let k = 0; k < w.length; k++) {
      if (this.s[this.i] !== w[k]) this.fail();
      this.i++;
    }
  }

  private number() {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
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

  private object(path: string[]) {
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail();
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail();
      this.i++;
      this.value([...path, key]);
      this.ws();
      const c = this.s[this.i];
      if (c === ',') this.i++;
      else if (c === '}') {
        this.i++;
        return;
      } else this.fail();
    }
  }

  private array(path: string[]) {
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return;
    }
    for (let n = 0; ; n++) {
      this.value([...path, String(n)]);
      this.ws();
      const c = this.s[this.i];
      if (c === ',') this.i++;
      else if (c === ']') {
        this.i++;
        return;
      } else this.fail();
    }
  }
}
