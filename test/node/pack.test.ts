/**
 * The package as a user gets it: `npm pack` (of the build that `npm test` has just made), installed into
 * a temporary project with `npm install --offline`, then used from Node (import and require) and from a
 * strict TypeScript project with moduleResolution node16 and bundler. No network: the package's own
 * dependencies (lit, pdfjs-dist and theirs) are hard-linked into the consumer from this repository's
 * node_modules before the install, so npm finds them satisfied and installs only the tarball.
 */
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The package's runtime dependencies and theirs, as installed in this repository. */
function dependencyClosure(): string[] {
  const out = new Set<string>();
  const queue = Object.keys(pkg.dependencies ?? {});
  while (queue.length) {
    const name = queue.pop()!;
    if (out.has(name)) continue;
    const file = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(file)) continue; // an optional dependency not installed here
    out.add(name);
    const p = JSON.parse(readFileSync(file, 'utf8'));
    queue.push(...Object.keys(p.dependencies ?? {}), ...Object.keys(p.optionalDependencies ?? {}));
  }
  return [...out];
}

const run = (cmd: string, args: string[], cwd: string, input?: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', input, timeout: 240_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

describe('the packed package, installed in a consumer project', function () {
  this.timeout(300_000);
  let dir = '';
  let consumer = '';
  let files: string[] = [];

  before(function () {
    if (!existsSync(join(root, 'dist/disclosure-report.iife.js')) || !existsSync(join(root, 'dist/types'))) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'disclosure-report-pack-'));
    const packed = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root));
    files = packed[0].files.map((f: { path: string }) => f.path);
    const tarball = join(dir, packed[0].filename);
    consumer = join(dir, 'consumer');
    mkdirSync(join(consumer, 'node_modules'), { recursive: true });
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    for (const name of dependencyClosure()) {
      mkdirSync(dirname(join(consumer, 'node_modules', name)), { recursive: true });
      execFileSync('cp', ['-al', join(root, 'node_modules', name), join(consumer, 'node_modules', name)]);
    }
    run(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], consumer);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships the built files, types, rules, schema and docs, and nothing of the tests or the build tools', () => {
    for (const f of [
      'dist/disclosure-report.iife.js',
      'dist/disclosure-report-import.iife.js',
      'dist/disclosure-report-editor.iife.js',
      'dist/editor.js',
      'dist/pdfjs/pdf.min.js',
      'dist/pdfjs/pdf.worker.min.js',
      'dist/pdfjs/LICENSE',
      'dist/pdfjs/cmaps/UniGB-UCS2-H.bcmap',
      'dist/types/src/editor/index.d.ts',
      'dist/rules.js',
      'dist/types/src/rules/index.d.ts',
      'dist/types/src/import/element-importer.d.ts',
      'types/global.d.ts',
      'types/jsx.d.ts',
      'rules/T3-BAL.json',
      'schema/report.schema.json',
      'custom-elements.json',
      'docs/format.md',
      'CHANGELOG.md',
      'LICENSE',
    ])
      expect(files, f).to.include(f);
    expect(files.filter((f) => /^(test|build|bench|scripts|demo)\/|^docs\/screenshots\//.test(f))).to.deep.equal([]);
    // the manifest documents both elements (the editor: its attributes and events, none invented)
    const manifest = JSON.parse(
      readFileSync(join(consumer, 'node_modules/disclosure-report/custom-elements.json'), 'utf8'),
    );
    const tags = manifest.modules.flatMap((m: any) => m.declarations ?? []).filter((d: any) => d.tagName);
    const editor = tags.find((d: any) => d.tagName === 'disclosure-report-editor');
    expect(tags.map((d: any) => d.tagName).sort()).to.deep.equal(['disclosure-report', 'disclosure-report-editor']);
    expect(editor.attributes.map((a: any) => a.name)).to.include.members([
      'name',
      'storage-key',
      'allow-errors',
      'lang',
    ]);
    expect(editor.events.map((e: any) => e.name).sort()).to.deep.equal([
      'change',
      'disclosure-report-validated',
      'input',
    ]);
  });

  it('names the script-tag file for CDNs, and the Node versions it runs on', () => {
    expect(pkg.unpkg).to.equal('./dist/disclosure-report.iife.js');
    expect(pkg.jsdelivr).to.equal('./dist/disclosure-report.iife.js');
    expect(files).to.include(pkg.unpkg.replace(/^\.\//, ''));
    // require() of an ES module (the README promises it) is there from Node 20.19 on
    expect(pkg.engines.node).to.equal('>=20.19');
  });

  it('runs from Node: ./rules, ./import (text and PDF), ./static, the element and its define module, ./import-element, require() and the CLI', () => {
    const script = `
      import { validate, TABLE_IDS } from 'disclosure-report/rules';
      import { importReport, PROSE_RULES } from 'disclosure-report/import';
      import { renderStaticHtml } from 'disclosure-report/static';
      import { readFileSync } from 'node:fs';
      const text = readFileSync(${JSON.stringify(join(root, 'test/fixtures/published/huaian-gov-2024-pdf-text.txt'))}, 'utf8');
      const { report } = importReport(text);
      const { summary } = await validate(report, { packs: [PROSE_RULES] });
      const html = renderStaticHtml(report);
      const element = await import('disclosure-report/element');
      const defined = await import('disclosure-report/define');
      const importer = await import('disclosure-report/import-element');
      const editor = await import('disclosure-report/editor');
      const pdf = await importReport(readFileSync(${JSON.stringify(join(root, 'test/fixtures/published/pdf/hongze-gov-2024.pdf'))}));
      const schema = JSON.parse(readFileSync(new URL(import.meta.resolve('disclosure-report/schema/report.schema.json')), 'utf8'));
      console.log(JSON.stringify({
        tables: TABLE_IDS, agency: report.agency.name, checked: summary.checked, errors: summary.errors,
        html: html.includes('（七）总计'), element: typeof element.DisclosureReport, version: element.VERSION,
        defined: customElements.get('disclosure-report') === defined.DisclosureReport,
        importer: typeof importer.registerImporter, schema: schema.$schema,
        editor: customElements.get('disclosure-report-editor') === editor.DisclosureReportEditor,
        blank: editor.startNew({ year: 2025 }).applications.newReceived.natural, cell: editor.parseCellInput('１,２３４'),
        pdf: [pdf.report.source.layout, pdf.report.applications.newReceived.total],
      }));`;
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], consumer));
    expect(out).to.deep.equal({
      tables: ['proactive', 'applications', 'appeals'],
      agency: '淮安市人民政府',
      checked: out.checked,
      errors: 0,
      html: true,
      element: 'function',
      version: pkg.version,
      defined: true,
      importer: 'function',
      schema: 'https://json-schema.org/draft/2020-12/schema',
      editor: true,
      blank: null,
      cell: 1234,
      pdf: ['pdf', 95], // the PDF reader with pdf.js from dist/pdfjs/
    });
    expect(out.checked).to.be.greaterThan(400);
    const cjs = run(
      process.execPath,
      ['-e', `require('disclosure-report/rules').validate({}).then((r) => console.log(r.findings[0].rule))`],
      consumer,
    );
    expect(cjs.trim()).to.equal('SCHEMA');
    expect(run(join(consumer, 'node_modules/.bin/disclosure-report'), ['--version'], consumer).trim()).to.equal(
      pkg.version,
    );
  });

  for (const resolution of ['node16', 'bundler'] as const) {
    it(`types: a strict TypeScript consumer compiles with moduleResolution ${resolution} (every entry, the global, JSX)`, () => {
      const src = join(consumer, 'src-' + resolution);
      mkdirSync(src, { recursive: true });
      // React's types are not installed here (no network): a minimal stand-in with the parts of
      // @types/react that the package's JSX types use (React.JSX, DetailedHTMLProps, HTMLAttributes).
      const react = join(consumer, 'node_modules/@types/react');
      mkdirSync(react, { recursive: true });
      writeFileSync(
        join(react, 'index.d.ts'),
        `export = React;
export as namespace React;
declare namespace React {
  interface ClassAttributes<T> { key?: string | number | null; ref?: { current: T | null } | ((instance: T | null) => void) | null }
  interface HTMLAttributes<T> { id?: string; className?: string; lang?: string; hidden?: boolean; children?: unknown; onClick?: (event: { currentTarget: T }) => void }
  type DetailedHTMLProps<E extends HTMLAttributes<T>, T> = ClassAttributes<T> & E;
  namespace JSX {
    interface Element { readonly type: unknown }
    interface ElementChildrenAttribute { children: {} }
    interface IntrinsicAttributes { key?: string | number | null }
    interface IntrinsicElements { div: DetailedHTMLProps<HTMLAttributes<HTMLDivElement>, HTMLDivElement> }
  }
}
`,
      );
      writeFileSync(
        join(react, 'jsx-runtime.d.ts'),
        `import React = require('./index.js');
export namespace JSX {
  interface Element extends React.JSX.Element {}
  interface ElementChildrenAttribute extends React.JSX.ElementChildrenAttribute {}
  interface IntrinsicAttributes extends React.JSX.IntrinsicAttributes {}
  interface IntrinsicElements extends React.JSX.IntrinsicElements {}
}
export function jsx(type: unknown, props: unknown, key?: unknown): JSX.Element;
export function jsxs(type: unknown, props: unknown, key?: unknown): JSX.Element;
`,
      );
      writeFileSync(
        join(react, 'package.json'),
        JSON.stringify({
          name: '@types/react',
          version: '19.0.0',
          types: 'index.d.ts',
          exports: { '.': { types: './index.d.ts' }, './jsx-runtime': { types: './jsx-runtime.d.ts' } },
        }),
      );
      writeFileSync(
        join(src, 'main.ts'),
        `/// <reference types="disclosure-report/global" />
import { validate, parseReport, registerFacts, TABLE_IDS, type Finding, type Report } from 'disclosure-report/rules';
import { importReport, PROSE_RULES, type Diagnostic } from 'disclosure-report/import';
import { registerImporter, importFromElement } from 'disclosure-report/import-element';
import { renderStaticHtml } from 'disclosure-report/static';
import { DisclosureReport, defineDisclosureReport } from 'disclosure-report';
import 'disclosure-report/define';
import { DisclosureReportEditor, startNew, parseCellInput, type Offer } from 'disclosure-report/editor';

export async function check(text: string): Promise<number> {
  const parsed = parseReport(text);
  if (!parsed.ok) return parsed.errors.length;
  const report: Report = parsed.report;
  const { findings } = await validate(report, { packs: [PROSE_RULES] });
  const errors: Finding[] = findings.filter((f) => f.severity === 'error');
  const notes: Diagnostic[] = importReport(text).diagnostics;
  return errors.length + notes.length + TABLE_IDS.length + renderStaticHtml(report).length;
}
export const host = registerFacts({ addFact: () => 0, addOperator: () => 0 });
export const registered: Promise<boolean> = registerImporter();
export const read = (el: HTMLElement) => importFromElement(el).then((r) => r.diagnostics.length);
export const Tag: typeof DisclosureReport = DisclosureReport;
defineDisclosureReport('gov-report');

// the script-tag globals
export const errors: Promise<number> = window.DisclosureReport.validate({}).then((r) => r.summary.errors);
export const version: string = DisclosureReport.version + window.DisclosureReport.VERSION;
const el = document.querySelector('disclosure-report');
el?.addEventListener('disclosure-report-validated', (e) => console.log(e.detail.summary.errors));

// the editor: its entry, its tag, its script-tag global
const editor: DisclosureReportEditor | null = document.querySelector('disclosure-report-editor');
editor?.startNew({ year: 2025, agency: '某局', previous: startNew({ year: 2024 }) });
export const valid: boolean | undefined = editor?.checkValidity();
export const message: string | undefined = editor?.validationMessage;
export const cell = parseCellInput('１２', 'count');
export const offered: Offer[] = [];
export const editorVersion: string | undefined = window.DisclosureReportEditor?.VERSION;
`,
      );
      writeFileSync(
        join(src, 'view.tsx'),
        `import type {} from 'disclosure-report/jsx';
export const ok = <disclosure-report src="/r.json" previous-src="/p.json" lang="en" heading-level={3} className="x" report={{}} />;
export const typed = <disclosure-report ondisclosure-report-validated={(e) => e.detail.summary.errors} />;
export const editor = <disclosure-report-editor name="report" storage-key="k" allow-errors lang="en" report={{}} heading-level={2} />;
`,
      );
      writeFileSync(
        join(src, 'wrong.tsx'),
        `import type {} from 'disclosure-report/jsx';
export const wrong = <disclosure-report src={42} />;
export const wrongEditor = <disclosure-report-editor storage-key={42} />;
`,
      );
      const options: ts.CompilerOptions = {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
        types: [],
        jsx: ts.JsxEmit.ReactJSX,
        ...(resolution === 'node16'
          ? { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }
          : { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }),
      };
      // node16 reads "type": "module" from the consumer's package.json: its .ts files are ES modules
      const program = ts.createProgram([join(src, 'main.ts'), join(src, 'view.tsx'), join(src, 'wrong.tsx')], options);
      const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ({
        file: d.file ? d.file.fileName.slice(consumer.length + 1) : '',
        text: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      }));
      const unexpected = diagnostics.filter((d) => !d.file.endsWith('wrong.tsx'));
      expect(unexpected, JSON.stringify(unexpected, null, 1)).to.deep.equal([]);
      // the JSX types do type the element: a number for src is refused
      expect(
        diagnostics
          .filter((d) => d.file.endsWith('wrong.tsx'))
          .map((d) => d.text)
          .join('\n'),
      ).to.match(/not assignable to type 'string'[^]*not assignable to type 'string'/); // src and the editor's storage-key
    });
  }
});
