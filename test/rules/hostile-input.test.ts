import { expect } from 'chai';
import { locatePath, parseJsonText, parseReport, preview, validate } from '../../src/rules/index.js';

describe('deeply nested input: located errors, never a stack overflow', () => {
  const open = '['.repeat(200000);
  const deepText = '['.repeat(100000) + ']'.repeat(100000);

  it('parseReport and validate on unterminated nesting: where the text ends', async () => {
    const p = parseReport(open, { locale: 'en' });
    expect(p.ok).to.equal(false);
    expect(p.errors[0]).to.include({ code: 'json-syntax', line: 1, column: 200001 });
    const v = await validate('{"a":'.repeat(100000), { locale: 'en' });
    expect(v.findings[0]!.message).to.equal('the JSON text ends unexpectedly at line 1, column 500001');
  });

  it('parseReport and validate on valid but deep JSON: not an object, shown in short', async () => {
    const p = parseReport(deepText, { locale: 'en' });
    expect(p.errors[0]!.message).to.equal(`a report must be a JSON object, got ${'['.repeat(40)}…`);
    const v = await validate(deepText);
    expect(v.findings[0]!.rule).to.equal('SCHEMA');
    let deep: unknown[] = [];
    for (let i = 0; i < 100000; i++) deep = [deep];
    expect(parseReport(deep).ok).to.equal(false);
    expect((await validate(deep)).summary.errors).to.equal(1);
  });

  it('locatePath walks deep text without recursion', () => {
    const text = '{"a":' + '['.repeat(100000) + '1' + ']'.repeat(100000) + ',"b":2}';
    expect(locatePath(text, ['b'])).to.include({ line: 1, column: text.length - 1 });
    expect(parseJsonText(text).ok).to.equal(true);
  });

  it('preview: short, never throwing, for deep, cyclic, huge and odd values', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(preview(cyclic)).to.equal('{"a":1,"self":{"a":1,"self":{"a":1,"self…');
    expect(preview('x'.repeat(1e6))).to.equal(`"${'x'.repeat(40)}…"`);
    expect(preview(new Array(1e6).fill(7)).length).to.equal(41);
    expect([preview(NaN), preview(Infinity), preview(-Infinity), preview(10n), preview(undefined), preview(null)]).to.deep.equal(['NaN', 'Infinity', '-Infinity', '10n', 'undefined', 'null']);
    expect(preview({ a: [1, 'b', null, true], c: { d: 1.5 } })).to.equal('{"a":[1,"b",null,true],"c":{"d":1.5}}');
    const hostile = new Proxy({}, { ownKeys() { throw new Error('no'); } });
    expect(preview(hostile)).to.equal('{…');
  });
});
