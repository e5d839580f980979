/**
 * PDF input through `importReport(bytes)` (the npm entry disclosure-report/import) and through the
 * CLI: the two published PDFs cell for cell against their hand-checked expectations, and every kind
 * of bad PDF (a scan without text, a password, damage, not a PDF at all) an error diagnostic, never a
 * guess, a crash or a hang.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import fc from 'fast-check';
import { importReport, importPdf, type ImportResult } from '../../src/import/entry.js';
import { schemaErrors } from '../../src/model/schema.js';
import { PdfError, readPages, withoutFontPrograms } from '../../src/import/pdf.js';
import { layoutPages } from '../../src/import/pdf-layout.js';
import { onePagePdf, pdfFile } from './pdf-helpers.js';
import { cmapSamplePdf } from './pdf-writer.js';
import { expectSameCells, readExpected } from './import-helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/published');
const pdfBytes = (name: string) => readFileSync(join(FIXTURES, 'pdf', name));
const expected = (year: string) => readExpected(`hongze-gov-${year}-pdf-text`);

const codes = (r: ImportResult) => r.diagnostics.map((d) => d.code);

describe('importReport(bytes): published PDFs', function () {
  this.timeout(120000);

  for (const year of ['2023', '2024']) {
    describe(`hongze-gov-${year}.pdf`, () => {
      let r: ImportResult;
      let report: any;
      const exp = expected(year);
      before(async () => {
        r = await importReport(pdfBytes(`hongze-gov-${year}.pdf`));
        report = r.report;
      });

      it('every cell of tables 二, 三, 四 equals the hand-checked expectation', () => {
        let n = 0;
        for (const t of ['proactive', 'applications', 'appeals']) n += expectSameCells(report[t], exp[t], t);
        expect(n).to.equal(186);
        expect(Object.keys(report.applications).sort()).to.deep.equal(Object.keys(exp.applications).sort());
        expect(report.applications.extras ?? []).to.deep.equal([]);
      });

      it('format, year, agency, title; read as a PDF; fits the schema; no warnings or errors', () => {
        expect(report.format).to.equal(exp.format);
        expect(report.year).to.equal(exp.year);
        expect(report.agency.name).to.equal(exp.agencyName);
        expect(report.title).to.match(new RegExp(`${exp.year}年政府信息公开工作年度报告$`));
        expect(report.source.layout).to.equal('pdf');
        expect(report.source.labels['applications.denied.lawProhibited']).to.equal('2.其他法律行政止公开');
        expect(schemaErrors(report)).to.deep.equal([]);
        expect(r.diagnostics.filter((d) => d.level !== 'info')).to.deep.equal([]);
      });

      it('the prose of sections 一、五、六 in paragraphs, without page numbers', () => {
        const s = report.sections;
        expect(s.overview).to.match(new RegExp(`^${year}年，`));
        expect(s.overview).to.include('\n（二）依申请公开情况。');
        expect(s.problems.length).to.be.greaterThan(200);
        expect(s.other).to.equal(
          `${year}年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。`,
        );
        for (const v of Object.values<string>(s)) expect(v).to.not.match(/- \d+ -/);
        for (const c of exp.textClaims ?? [])
          if (!c.agreesWith.startsWith('section')) expect(s.overview).to.include(String(c.text).replace(/\s+/g, ''));
      });
    });
  }

  it('an ArrayBuffer and a plain Uint8Array are read the same as a Buffer; the caller keeps its bytes', async () => {
    const buf = pdfBytes('hongze-gov-2024.pdf');
    const copy = new Uint8Array(buf);
    const a = await importReport(copy.buffer.slice(0));
    const b = await importReport(copy);
    expect(copy.byteLength).to.equal(buf.length); // not transferred away
    expect(JSON.stringify(a.report)).to.equal(JSON.stringify(b.report));
    expect((a.report as any).applications.newReceived.total).to.equal(95);
  });

  it("a font encoded with a predefined Chinese CMap (UniGB-UCS2-H) is read with pdf.js's CMap file", async () => {
    const bytes = cmapSamplePdf();
    // the browser test reads the same file
    expect(
      Buffer.from(readFileSync(join(ROOT, 'test/fixtures/import/unigb-ucs2-h.pdf'))).equals(Buffer.from(bytes)),
    ).to.equal(true);
    const r = await importReport(bytes);
    const report = r.report as any;
    expect(codes(r)).to.not.include('pdf-no-text');
    expect(report.agency.name).to.equal('某某市某某局');
    expect(report.title).to.equal('某某市某某局2024年政府信息公开工作年度报告');
    expect(report.sections.overview).to.equal('2024年，本机关认真落实政府信息公开条例。');
  });

  it('diagnostics in English; text input still returns synchronously', async () => {
    const r = await importReport(pdfBytes('hongze-gov-2023.pdf'), { locale: 'en' });
    expect(r.diagnostics.find((d) => d.code === 'format')!.message).to.match(/^table format: 2021/);
    const text = importReport('一、总体情况');
    expect(text).to.not.be.instanceOf(Promise);
  });

  it('fonts with /ToUnicode are read without parsing their programs: the same text, boxes and tables', async () => {
    for (const name of ['hongze-gov-2023.pdf', 'hongze-gov-2024.pdf']) {
      const bytes = new Uint8Array(pdfBytes(name));
      const stripped = withoutFontPrograms(bytes);
      expect(stripped.length).to.equal(bytes.length);
      const renamed =
        Buffer.from(stripped)
          .toString('latin1')
          .match(/\/FontFilx2/g) ?? [];
      expect(renamed.length).to.be.greaterThan(3);
      const fast = await readPages(bytes);
      const full = await readPages(bytes, { fontPrograms: true });
      expect(layoutPages(fast.pages).html).to.equal(layoutPages(full.pages).html);
      const chars = (p: typeof fast.pages) => p.map((pg) => pg.glyphs.map((g) => g.c).join('')).join('\f');
      expect(chars(fast.pages)).to.equal(chars(full.pages));
    }
  });

  it('a font without /ToUnicode keeps its program', () => {
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Font /Subtype /TrueType /BaseFont /A /FontDescriptor 3 0 R >>',
      '<< /Type /FontDescriptor /FontName /A /FontFile2 4 0 R >>',
      '<< /Type /Font /Subtype /TrueType /BaseFont /B /FontDescriptor 5 0 R /ToUnicode 6 0 R >>',
      '<< /Type /FontDescriptor /FontName /B /FontFile2 4 0 R >>',
    ];
    const out = Buffer.from(withoutFontPrograms(pdfFile(objects))).toString('latin1');
    expect(out).to.match(/\/FontName \/A \/FontFile2 4 0 R/);
    expect(out).to.match(/\/FontName \/B \/FontFilx2 4 0 R/);
  });

  it('reading a PDF leaves the built-ins it polyfills as they were (Array.prototype.push, JSON)', async () => {
    const before = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
    await importReport(pdfBytes('hongze-gov-2023.pdf'));
    expect([Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]).to.deep.equal(before);
  });
});

describe('importReport(bytes): PDFs that cannot be read', function () {
  this.timeout(60000);

  it('a scan (drawn lines and an image, no text layer): error pdf-no-text, no report', async () => {
    const content =
      'q 500 0 0 700 40 60 cm /Im1 Do Q\n1 w 50 700 m 500 700 l S 50 650 m 500 650 l S 50 600 m 50 700 l S';
    const r = await importReport(onePagePdf(content, { image: true }));
    expect(r.report).to.equal(undefined);
    expect(codes(r)).to.deep.equal(['pdf-no-text']);
    expect(r.diagnostics[0]!.level).to.equal('error');
    expect(r.diagnostics[0]!.message).to.match(/没有文字层.*扫描件.*OCR/);
    const en = await importReport(onePagePdf(content, { image: true }), { locale: 'en' });
    expect(en.diagnostics[0]!.message).to.match(/no text layer .*scan/);
  });

  it('an empty page: error pdf-no-text (no images: not called a scan)', async () => {
    const r = await importReport(onePagePdf(''));
    expect(codes(r)).to.deep.equal(['pdf-no-text']);
    expect(r.diagnostics[0]!.message).to.not.include('扫描件');
  });

  it('text whose font has no Unicode mapping is not guessed: error pdf-no-unicode', async () => {
    // A Type0 font with Identity-H and no ToUnicode, not embedded: the codes say nothing of the characters.
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      { dict: '', stream: 'BT /F1 12 Tf 72 700 Td <E001E002E003E004E005E006> Tj ET' },
      '<< /Type /Font /Subtype /Type0 /BaseFont /XYZ /Encoding /Identity-H /DescendantFonts [6 0 R] >>',
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /XYZ /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>',
      '<< /Type /FontDescriptor /FontName /XYZ /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
    ];
    const r = await importReport(pdfFile(objects));
    expect(r.report).to.equal(undefined);
    expect(codes(r)).to.deep.equal(['pdf-no-unicode']);
    expect(r.diagnostics[0]!.message).to.include('100%');
  });

  it('a password-protected PDF: error pdf-password', async () => {
    const hex32 = 'ab'.repeat(32);
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -4 >>`,
    ];
    const r = await importReport(
      pdfFile(objects, `/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] `),
    );
    expect(r.report).to.equal(undefined);
    expect(codes(r)).to.deep.equal(['pdf-password']);
    expect(r.diagnostics[0]!.message).to.include('密码');
  });

  it('not a PDF, empty, garbage after a PDF header: an error diagnostic each, never a throw', async () => {
    expect(codes(await importReport(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])))).to.deep.equal(['pdf-not-pdf']);
    expect(codes(await importReport(new Uint8Array(0)))).to.deep.equal(['empty-input']);
    const garbage = await importReport(new Uint8Array(Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000))));
    expect(garbage.report).to.equal(undefined);
    expect(garbage.diagnostics.some((d) => d.level === 'error')).to.equal(true);
  });

  it('a PDF cut in half: error pdf-invalid with the reason pdf.js gives', async () => {
    const buf = pdfBytes('hongze-gov-2023.pdf');
    const r = await importReport(buf.subarray(0, Math.floor(buf.length / 2)));
    expect(r.report).to.equal(undefined);
    expect(codes(r)).to.deep.equal(['pdf-invalid']);
    expect(r.diagnostics[0]!.message).to.match(/PDF 文件已损坏或无法解析（.+）/);
  });

  it('a PDF that takes too long is given up: pdf-timeout (the reading under way is ended, not left to reject)', async () => {
    const err = await readPages(new Uint8Array(pdfBytes('hongze-gov-2023.pdf')), { timeoutMs: 1 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(PdfError);
    expect((err as PdfError).code).to.equal('pdf-timeout');
  });

  it('property: damaged copies of a published PDF (bytes changed, cut) resolve with diagnostics, never reject', async () => {
    const buf = new Uint8Array(pdfBytes('hongze-gov-2024.pdf'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(buf.length - 1), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.option(fc.nat(buf.length - 1), { nil: undefined }),
        async (edits, cut) => {
          const b = buf.slice(0, cut ?? buf.length);
          for (const e of edits) if (e.at < b.length) b[e.at] = e.byte;
          const r = await importPdf(b);
          expect(r.diagnostics).to.be.an('array');
          if (!r.report) expect(r.diagnostics.some((d) => d.level === 'error')).to.equal(true);
        },
      ),
      { numRuns: 8 },
    );
  });
});

describe('the <script> bundles do not carry the PDF reader', () => {
  it('dist/disclosure-report-import.iife.js, dist/disclosure-report.iife.js and the editor script hold no pdf.js and no table rebuilding', function () {
    for (const f of [
      'dist/disclosure-report-import.iife.js',
      'dist/disclosure-report.iife.js',
      'dist/disclosure-report-editor.iife.js',
    ]) {
      if (!existsSync(join(ROOT, f))) this.skip();
      const code = readFileSync(join(ROOT, f), 'utf8');
      for (const marker of ['pdfjs', 'pdf.worker', 'FontFilx', 'pdf-no-text', 'getOperatorList'])
        expect(code, `${f} contains ${marker}`).to.not.include(marker);
    }
  });

  it('dist/import.js and what it imports statically hold no pdf.js: only the PDF reader, loaded by import(), names dist/pdfjs/', function () {
    if (!existsSync(join(ROOT, 'dist/import.js'))) this.skip();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const marker of ['pdfjs', 'pdf.worker', 'getOperatorList'])
        expect(code, `${file} contains ${marker}`).to.not.include(marker);
      for (const m of code.matchAll(/^(?:import|export)\b[^;'"]*?(?:from\s*)?['"](\.[^'"]+)['"]/gm))
        visit(join(file, '..', m[1]!));
    };
    visit(join(ROOT, 'dist/import.js'));
    expect(seen.size).to.be.greaterThan(2);
    const entry = [...seen].find((f) => /[\\/]entry-[^\\/]+\.js$/.test(f))!;
    const reader = /import\('\.\/(pdf-[^']+\.js)'\)/.exec(readFileSync(entry, 'utf8'))?.[1];
    expect(reader, 'the PDF reader chunk, by a dynamic import').to.be.a('string');
    const code = readFileSync(join(ROOT, 'dist/chunks', reader!), 'utf8');
    expect(code).to.include("new URL('../pdfjs/pdf.min.js', import.meta.url)");
    expect(code).to.include("new URL('../pdfjs/pdf.worker.min.js', import.meta.url)");
    expect(code).to.not.match(/from\s*['"]pdfjs-dist|import\(['"]pdfjs-dist/);
    for (const f of ['pdf.min.js', 'pdf.worker.min.js', 'LICENSE'])
      expect(existsSync(join(ROOT, 'dist/pdfjs', f)), f).to.equal(true);
  });
});

describe('CLI: PDF files', function () {
  this.timeout(180000);

  const run = (args: string[]): SpawnSyncReturns<string> =>
    spawnSync(process.execPath, [join(ROOT, 'bin/disclosure-report.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120000,
      maxBuffer: 64 * 1024 * 1024,
    });

  before(() => {
    if (!existsSync(join(ROOT, 'dist/cli.js'))) {
      const b = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 170000 });
      if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
    }
  });

  for (const year of ['2023', '2024']) {
    it(`import hongze-gov-${year}.pdf: REPORT-JSON with every cell as expected`, () => {
      const r = run(['import', join(FIXTURES, 'pdf', `hongze-gov-${year}.pdf`)]);
      expect(r.status, r.stderr).to.equal(0);
      const report = JSON.parse(r.stdout);
      const exp = expected(year);
      let n = 0;
      for (const t of ['proactive', 'applications', 'appeals']) n += expectSameCells(report[t], exp[t], t);
      expect(n).to.equal(186);
      expect(report.source.layout).to.equal('pdf');
      expect(r.stderr).to.not.match(/warning|error/);
    });
  }

  it('validate --json on the pdf folder: the published errors of each report, exit 1', () => {
    const r = run(['validate', '--json', join(FIXTURES, 'pdf')]);
    expect(r.status, r.stderr).to.equal(1);
    const out = JSON.parse(r.stdout);
    expect(out.map((f: any) => f.file.split('/').pop())).to.deep.equal(['hongze-gov-2023.pdf', 'hongze-gov-2024.pdf']);
    const fails = (i: number) =>
      out[i].findings.filter((f: any) => f.status === 'fail').map((f: any) => `${f.rule}:${f.severity}`);
    // 2023: table 四 does not add up twice (as published); 2024: the prose says 17 where table 三 has 95.
    expect(fails(0).filter((x: string) => x.endsWith(':error'))).to.deep.equal(['T4-SUM:error', 'T4-SUM:error']);
    expect(fails(1).filter((x: string) => x.endsWith(':error'))).to.deep.equal([]);
    expect(fails(1)).to.include('TEXT:warning');
    for (const f of out) {
      expect(f.agency).to.equal('淮安市洪泽区人民政府');
      expect(f.format).to.equal('2021');
    }
  });

  it('validate and import a scan: unreadable with the reason, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-pdf-'));
    writeFileSync(join(dir, 'scan.pdf'), onePagePdf('q 500 0 0 700 40 60 cm /Im1 Do Q', { image: true }));
    const v = run(['validate', join(dir, 'scan.pdf')]);
    expect(v.status).to.equal(2);
    expect(v.stdout).to.match(/scan\.pdf\s+无法读取：PDF 没有文字层/);
    const i = run(['import', join(dir, 'scan.pdf')]);
    expect(i.status).to.equal(2);
    expect(i.stderr).to.match(/scan\.pdf: error: PDF 没有文字层/);
  });
});
