/**
 * The published type declarations (dist/types, from `npm run build`) as an outside developer gets
 * them: they import nothing but lit and their own files (zod and json-rules-engine are bundled
 * into dist, not dependencies), and a consumer's strict TypeScript compiles against them with
 * skipLibCheck off, event details typed.
 */
import { expect } from 'chai';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

describe('published types', () => {
  it('import only lit and their own files, from every entry of the exports map', () => {
    const entries = Object.values(pkg.exports as Record<string, unknown>)
      .map((e) => (typeof e === 'object' && e && 'types' in e ? (e as { types: string }).types : undefined))
      .filter((t): t is string => !!t);
    expect(entries.length).to.be.greaterThan(3);
    const seen = new Set<string>();
    const bare = new Map<string, string>();
    const queue = entries.map((t) => resolve(root, t));
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(existsSync(file), file).to.equal(true);
      // comments hold usage examples (`import type {} from 'disclosure-report/jsx'`), not imports
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec.replace(/\.js$/, '.d.ts')));
        else bare.set(spec, file);
      }
    }
    // React's types only in the opt-in JSX entry (`disclosure-report/jsx`), for projects that have them
    const foreign = [...bare].filter(
      ([spec, file]) =>
        !/^(lit|@lit\/)/.test(spec) && !/^lit\//.test(spec) && !(spec === 'react' && file.endsWith('types/jsx.d.ts')),
    );
    expect(foreign, 'bare imports other than lit').to.deep.equal([]);
  });

  it('a strict consumer compiles against them (skipLibCheck off), with typed event details', () => {
    const program = ts.createProgram([resolve(root, 'test/types/consumer.ts')], {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file ? ` (${d.file.fileName})` : ''));
    expect(diagnostics).to.deep.equal([]);
  });
});
