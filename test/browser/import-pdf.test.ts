/**
 * A published PDF imported in Chromium, cell for cell against its hand-checked expectation
 * (test/fixtures/published/expected/): through the npm ES build (dist/import.js, pdf.js from
 * dist/pdfjs/ in a worker of its own), through <disclosure-report-editor> from the source, and through
 * the script-tag editor (dist/disclosure-report-editor.iife.js) on a page served with
 * `Content-Security-Policy: default-src 'self'` (demo/editor.html), where no violation may occur and
 * pdf.js is loaded only once a PDF is imported. Uses dist/ (npm test builds first).
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/editor/index.js';
import type { DisclosureReportEditor } from '../../src/elements/disclosure-report-editor.js';
import { compare, toExact } from '../../src/model/decimal.js';

type Json = any;
type ImportModule = typeof import('../../src/import/entry.js');

const PDF = '/test/fixtures/published/pdf/hongze-gov-2024.pdf';
/** A title, a heading and a paragraph in a font encoded UniGB-UCS2-H (test/node/pdf-writer.ts, cmapSamplePdf). */
const CMAP_PDF = '/test/fixtures/import/unigb-ucs2-h.pdf';
const EXPECTED = '/test/fixtures/published/expected/hongze-gov-2024-pdf-text.json?raw';
const TABLES = ['proactive', 'applications', 'appeals'] as const;

const bytesOf = async (url: string, w: Window & typeof globalThis = window) =>
  new w.Uint8Array(await (await w.fetch(url)).arrayBuffer());
const expectation = async (): Promise<Json> => (await fetch(EXPECTED)).json();

/** Every leaf of the expectation under tables 二, 三, 四 as [path, value]. */
function leaves(exp: Json): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const walk = (v: unknown, path: string) => {
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    else out.push([path, v]);
  };
  for (const t of TABLES) walk(exp[t], t);
  return out;
}

/** The imported value of every expected cell equals it (money as exact decimals; a blank is null). */
function expectSameCells(report: Json, exp: Json): number {
  let n = 0;
  for (const [path, e] of leaves(exp)) {
    const a = path.split('.').reduce<Json>((o, k) => o?.[k], report);
    if (e === null) expect(a, path).to.equal(null);
    else
      expect(compare(toExact(a as never)!, toExact(e as never)!), `${path}: ${JSON.stringify(a)} ≠ ${e}`).to.equal(0);
    n++;
  }
  return n;
}

/** The editor's cell inputs show the expected values (blank where the expectation is null). */
function expectShownCells(root: ShadowRoot, exp: Json): number {
  let n = 0;
  for (const [path, e] of leaves(exp)) {
    const input = root.querySelector<HTMLInputElement>(`input[data-path="${path}"]`);
    if (!input) continue;
    expect(input.value, path).to.equal(e === null ? '' : String(e));
    n++;
  }
  return n;
}

/** Wait for a condition, polling each frame (never a fixed sleep). */
async function until(check: () => boolean, what: string, ms = 60000) {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

const pdfjsLoads = (w: Window) =>
  w.performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => /\/pdfjs\/|pdfjs-dist/.test(p));

describe('PDF import in the browser', function () {
  this.timeout(120000);
  // the test page has loaded hundreds of modules: room for the loads these tests look at
  before(() => performance.setResourceTimingBufferSize(100000));

  it('npm ES build: importReport(bytes) from dist/import.js reads every cell, pdf.js in a worker loaded then', async () => {
    const url = '/dist/import.js';
    const m = (await import(/* @vite-ignore */ url)) as ImportModule;
    // a text import does not load pdf.js
    expect(m.importReport('一、总体情况').diagnostics).to.be.an('array');
    expect(pdfjsLoads(window)).to.deep.equal([]);
    const exp = await expectation();
    const r = await m.importReport(await bytesOf(PDF));
    expect(r.diagnostics.filter((d) => d.level !== 'info')).to.deep.equal([]);
    const report = r.report as Json;
    expect(report.source.layout).to.equal('pdf');
    expect(report.agency.name).to.equal(exp.agencyName);
    expect(expectSameCells(report, exp)).to.equal(186);
    // pdf.js and its worker module came from dist/pdfjs/, and the worker ran in a Worker, not in this thread
    expect(pdfjsLoads(window)).to.include.members(['/dist/pdfjs/pdf.min.js', '/dist/pdfjs/pdf.worker.min.js']);
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).to.equal(undefined);
    // a font encoded UniGB-UCS2-H: read with the CMap file from dist/pdfjs/cmaps/
    const cmap = await m.importReport(await bytesOf(CMAP_PDF));
    expect((cmap.report as Json)?.agency.name, JSON.stringify(cmap.diagnostics)).to.equal('某某市某某局');
    expect((cmap.report as Json).sections.overview).to.equal('2024年，本机关认真落实政府信息公开条例。');
    expect(pdfjsLoads(window)).to.include('/dist/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
    // an ArrayBuffer reads the same; a damaged PDF is a located error, not a crash
    const again = await m.importReport((await bytesOf(PDF)).buffer);
    expect((again.report as Json).applications.newReceived.total).to.equal(95);
    const broken = await bytesOf(PDF);
    broken.fill(0x20, 2000);
    const bad = await m.importReport(broken);
    expect(bad.report).to.equal(undefined);
    expect(bad.diagnostics.map((d) => d.level)).to.include('error');
  });

  it('<disclosure-report-editor> imports the PDF and shows the expected cells', async () => {
    const el = await fixture<DisclosureReportEditor>(
      html`<disclosure-report-editor storage-key=${`pdf-${Date.now()}`}></disclosure-report-editor>`,
    );
    el.startNew({ year: 2025 });
    await el.whenValidated();
    const exp = await expectation();
    const notes = await el.importFrom(await bytesOf(PDF));
    await el.whenValidated();
    expect(notes.filter((d) => d.level !== 'info')).to.deep.equal([]);
    expect((el.report as Json).year).to.equal(exp.year);
    expect(expectShownCells(el.shadowRoot!, exp)).to.be.greaterThan(150);
    localStorage.clear();
  });

  it("script-tag editor under default-src 'self' (demo/editor.html): the import button reads a PDF file; no violation", async () => {
    const res = await fetch('/demo/editor.html');
    expect(res.headers.get('content-security-policy')).to.equal("default-src 'self'");
    const iframe = document.createElement('iframe');
    iframe.style.width = '1200px';
    iframe.style.height = '800px';
    const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    iframe.src = '/demo/editor.html';
    document.body.append(iframe);
    await loaded;
    const w = iframe.contentWindow as Window & typeof globalThis;
    try {
      const violations: string[] = [];
      w.document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      await w.customElements.whenDefined('disclosure-report-editor');
      const el = w.document.querySelector('disclosure-report-editor') as DisclosureReportEditor;
      w.localStorage.clear();
      el.startNew({ year: 2025 });
      await el.whenValidated();
      expect(pdfjsLoads(w)).to.deep.equal([]);
      // the Workers the page starts, and those that fail (pdf.js would then run its worker code in the page)
      const started: string[] = [];
      const failed: string[] = [];
      const NativeWorker = w.Worker;
      w.Worker = class extends NativeWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          started.push(new URL(url, w.location.href).pathname);
          this.addEventListener('error', () => failed.push(String(url)));
        }
      };
      // the user's way: a file chosen in the import panel, then the import button
      const root = el.shadowRoot!;
      const file = new w.File([await bytesOf(PDF, w)], 'report.pdf', { type: 'application/pdf' });
      const dt = new w.DataTransfer();
      dt.items.add(file);
      const picker = root.querySelector<HTMLInputElement>('#dr-import-file')!;
      picker.files = dt.files;
      root.querySelector<HTMLButtonElement>('details.import button')!.click();
      const total = () => root.querySelector<HTMLInputElement>('input[data-path="applications.newReceived.total"]');
      await until(() => total()?.value === '95', 'the imported cells');
      await el.whenValidated();
      const exp = await expectation();
      expect(expectShownCells(root, exp)).to.be.greaterThan(150);
      // pdf.js came from dist/pdfjs/ beside the script, its worker in a Worker (not in the page's thread)
      expect(pdfjsLoads(w)).to.deep.equal(['/dist/pdfjs/pdf.min.js', '/dist/pdfjs/pdf.worker.min.js']);
      expect(started).to.deep.equal(['/dist/pdfjs/pdf.worker.min.js']);
      expect(failed).to.deep.equal([]);
      expect((w as { pdfjsWorker?: unknown }).pdfjsWorker).to.equal(undefined);
      // a font encoded with a predefined CMap: its file fetched from dist/pdfjs/cmaps/, same origin
      await el.importFrom(await bytesOf(CMAP_PDF, w));
      expect((el.report as Json).agency.name).to.equal('某某市某某局');
      expect(pdfjsLoads(w)).to.include('/dist/pdfjs/cmaps/UniGB-UCS2-H.bcmap');
      expect(violations).to.deep.equal([]);
    } finally {
      w.localStorage.clear();
      iframe.remove();
    }
  });
});
