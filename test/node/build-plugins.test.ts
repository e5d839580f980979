/** The build's template whitespace collapse (rollup.config.mjs): template text only, never code or strings. */
import { expect } from 'chai';
// @ts-expect-error -- a plain .mjs config without types
import { collapseTemplateIndentation } from '../../rollup.config.mjs';

describe('collapseTemplateIndentation', () => {
  it('turns a line break and its indentation inside template text into one space', () => {
    const src = 'const a = html`<p>\n      ${x ? html`<b>\n   y</b>` : "q\\n  r"}\n    </p>`;';
    expect(collapseTemplateIndentation(src)).to.equal('const a = html`<p> ${x ? html`<b> y</b>` : "q\\n  r"} </p>`;');
  });
  it('leaves code, comments, strings and object literals inside ${} alone', () => {
    const src = "// a `tick\nconst o = { a: 1,\n  b: '`' };\n/* `x\n  y` */ f(`a${ {k: 1}.k }\n  b`);";
    expect(collapseTemplateIndentation(src)).to.equal(
      "// a `tick\nconst o = { a: 1,\n  b: '`' };\n/* `x\n  y` */ f(`a${ {k: 1}.k } b`);",
    );
  });
});
