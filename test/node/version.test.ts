// The version is written once, in package.json: the sources read it, the build injects it.
import { expect } from 'chai';
import { readFileSync, existsSync } from 'node:fs';
import { rollup } from 'rollup';
import { VERSION } from '../../src/version.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const file = (p: string) => new URL('../../' + p, import.meta.url);

describe('VERSION comes from package.json', () => {
  it('the sources (Node) read it from package.json', () => {
    expect(VERSION).to.equal(pkg.version);
  });

  it('a bundle has it as a constant and no package.json read', async () => {
    const { plugins } = await import(file('rollup.config.mjs').href);
    const b = await rollup({ input: 'src/version.ts', plugins: plugins(), onwarn: () => {} });
    const { output } = await b.generate({ format: 'esm' });
    await b.close();
    expect(output[0].code).to.contain(`VERSION = ${JSON.stringify(pkg.version)}`);
    expect(output[0].code).not.to.contain('readFileSync');
  });

  it('the built element and the CLI carry the same version', async function () {
    if (!existsSync(file('dist/element.js'))) this.skip();
    const element = readFileSync(file('dist/element.js'), 'utf8');
    expect(element).to.contain(`VERSION = ${JSON.stringify(pkg.version)}`);
    expect(readFileSync(file('dist/cli.js'), 'utf8')).to.contain(`VERSION = ${JSON.stringify(pkg.version)}`);
  });
});
