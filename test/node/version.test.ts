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
    // the constant may sit in a chunk shared with other entries: follow the entry's static imports
    const withChunks = (entry: string): string => {
      const seen = new Set<string>();
      const walk = (url: URL): string => {
        if (seen.has(url.href)) return '';
        seen.add(url.href);
        const code = readFileSync(url, 'utf8');
        const deps = [...code.matchAll(/from '(\.[^']+)'/g)].map((m) => new URL(m[1]!, url));
        return code + deps.map(walk).join('');
      };
      return walk(file(entry));
    };
    expect(withChunks('dist/element.js')).to.contain(`VERSION = ${JSON.stringify(pkg.version)}`);
    expect(withChunks('dist/cli.js')).to.contain(`VERSION = ${JSON.stringify(pkg.version)}`);
  });
});
