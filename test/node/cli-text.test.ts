/**
 * The CLI's text helpers on arbitrary input (fast-check): what `shown` prints on a terminal never holds a
 * control character, a line break or a bidi override, and leaves safe text as it is; a CSV row reads back
 * (RFC 4180) as the fields it was made of, with formula-like fields defused.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { csvRow, shown } from '../../src/cli/main.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/;
const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.constantFrom(
      '\n',
      '\r',
      '\u001b',
      '[',
      '2J',
      '\u202e',
      '\u2066',
      '\u0085',
      '\u2028',
      'a',
      '共',
      ',',
      '"',
      '=',
    ),
  }),
);

/** RFC 4180 fields of one row ending with CRLF. */
function parseRow(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') ((field += '"'), (i += 2));
        else if (line[i] === '"') {
          i++;
          break;
        } else if (i >= line.length) throw new Error('unterminated quote');
        else field += line[i++];
      }
    } else while (i < line.length && line[i] !== ',' && line[i] !== '\r') field += line[i++];
    fields.push(field);
    if (line[i] === ',') i++;
    else {
      expect(line.slice(i)).to.equal('\r\n');
      return fields;
    }
  }
}

describe('CLI text helpers (properties)', () => {
  it('shown: nothing unsafe reaches the terminal, one line stays one line, safe text is unchanged', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = shown(s);
        expect(out).to.not.match(UNSAFE);
        if (!UNSAFE.test(s)) expect(out).to.equal(s);
      }),
      { numRuns: 2000 },
    );
    expect(shown('a\nb\u001b[31m\u202ec\t')).to.equal('a\\nb\\x1b[31m\\u202ec\\t');
  });

  it('csvRow: reads back as its fields (nine, padded), quoted where needed; formulas get a leading quote', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostile, fc.integer()), { maxLength: 9 }), (fields) => {
        const back = parseRow(csvRow(fields));
        expect(back).to.have.length(9);
        fields.forEach((f, i) => {
          const s = String(f);
          const defused = /^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(?:\.\d+)?$/.test(s);
          expect(back[i]).to.equal(defused ? "'" + s : s);
        });
      }),
      { numRuns: 2000 },
    );
    expect(csvRow(['-12', '-x', '=1+1', '@a', 'a,"b"'])).to.equal(`-12,'-x,'=1+1,'@a,"a,""b"""` + ',,,,\r\n');
  });
});
