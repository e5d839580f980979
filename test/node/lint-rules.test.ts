// The architecture and security rules in eslint.config.mjs catch what they are meant to catch.
import { expect } from 'chai';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint rules', function () {
  this.timeout(60_000);

  it('keeps lit and the upper layers out of the rules, the model and the importer', async () => {
    expect(await problems('src/rules/x.ts', "import { html } from 'lit';\nexport const t = html;\n")).to.have.length(1);
    expect(await problems('src/model/x.ts', "export { validate } from '../rules/index.js';\n")).to.have.length(1);
    expect(
      await problems('src/import/x.ts', "export { DisclosureReport } from '../elements/disclosure-report.js';\n"),
    ).to.have.length(1);
    expect(await problems('src/rules/facts/x.ts', "export * from '../../cli/main.js';\n")).to.have.length(1);
    expect(await problems('src/rules/x.ts', "export { getLayout } from '../model/layout.js';\n")).to.deep.equal([]);
    expect(await problems('src/elements/x.ts', "export { validate } from '../rules/index.js';\n")).to.deep.equal([]);
  });

  it('refuses HTML and code made from strings', async () => {
    const bad = [
      'export const f = (el: Element, s: string) => { el.innerHTML = s; };',
      'export const f = (el: Element, s: string) => el.insertAdjacentHTML("beforeend", s);',
      'export const f = (s: string) => document.write(s);',
      "export { unsafeHTML } from 'lit/directives/unsafe-html.js';\nimport 'lit/directives/unsafe-html.js';",
      'export const f = (s: string) => eval(s);',
      'export const f = (s: string) => new Function(s);',
    ];
    for (const code of bad) expect(await problems('src/elements/x.ts', code), code).not.to.deep.equal([]);
    expect(await problems('src/elements/x.ts', 'export const f = (el: Element) => el.innerHTML;')).to.deep.equal([]);
  });

  it('keeps the choice of words by locale in the catalogs of src/i18n', async () => {
    const branch = "export const f = (locale: string) => (locale === 'en' ? 'table' : '表');";
    for (const file of ['src/model/x.ts', 'src/rules/x.ts', 'src/import/x.ts', 'src/cli/x.ts', 'src/view/x.ts'])
      expect(await problems(file, branch), file).to.have.length(1);
    expect(await problems('src/cli/x.ts', "export const f = (k: string) => ('zh' !== k ? 1 : 2);")).to.have.length(1);
    expect(await problems('src/i18n/x.ts', branch)).to.deep.equal([]);
  });
});
