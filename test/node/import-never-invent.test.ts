/**
 * Issue 11.6 and 10.6: the importer never invents a number, and what it could not read is recorded
 * as an import gap (`source.unread`), which BLANK does not blame on the publisher.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { importReport } from '../../src/import/index.js';
import { parseReport, validate } from '../../src/rules/index.js';
import type { Json } from './import-helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/published/', import.meta.url));
const OWN = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const published = (name: string) => readFileSync(FIXTURES + name, 'utf8');
const page = readFileSync(OWN + 'report-errors.html', 'utf8');

/** The HTML page with the content of one cell (by its data-path) replaced. */
const withCell = (path: string, inner: string) => {
  const html = page.replace(new RegExp(`(data-path="${path.replace(/\./g, '\\.')}">)[^<]*`), `$1${inner}`);
  expect(html).to.not.equal(page);
  return html;
};
const imp = (input: string) => {
  const r = importReport(input);
  return { report: r.report as Json, diagnostics: r.diagnostics };
};
const naming = (diagnostics: Array<{ code: string; cells?: string[] }>, path: string) =>
  diagnostics.filter((d) => d.cells?.includes(path)).map((d) => d.code);

describe('importReport: two numbers in one cell are never glued into one', () => {
  const P = 'applications.granted.natural';
  const cases: Array<[string, string]> = [
    ['258 12', 'several-numbers'],
    ['258\u00a012', 'several-numbers'],
    ['26<br>0', 'several-numbers'],
    ['26<p>0</p>', 'several-numbers'],
    ['258<sup>1</sup>', 'several-numbers'],
    ['258<sub>2</sub>', 'several-numbers'],
    ['<textarea>333</textarea>258', 'hidden-content'],
    ['<span style="display:none">1</span>258', 'hidden-content'],
    ['<span style="visibility: hidden">1</span>258', 'hidden-content'],
    ['<span hidden>9</span>258', 'hidden-content'],
    ['<del>5</del>258', 'hidden-content'],
    ['<s>5</s>258', 'hidden-content'],
    ['<strike>5</strike>258', 'hidden-content'],
    ['<select><option>4</option></select>258', 'hidden-content'],
  ];
  for (const [inner, code] of cases) {
    it(`${JSON.stringify(inner)}: null, a diagnostic naming the cell, recorded as unread (${code})`, () => {
      const { report, diagnostics } = imp(withCell(P, inner));
      expect(report.applications.granted.natural).to.equal(null);
      expect(naming(diagnostics, P)).to.include(code);
      expect(report.source.unread[P]).to.deep.equal({ code, line: 63 });
      // the neighbours are read as before
      expect(report.applications.granted.commercial).to.be.a('number');
    });
  }

  it('a clear footnote mark is dropped (258<sup>*</sup>, <sup>①</sup>, <sup>注1</sup>, <sup>[a]</sup>)', () => {
    for (const mark of ['*', '①', '注1', '[a]', '（注）']) {
      const { report, diagnostics } = imp(withCell(P, `258<sup>${mark}</sup>`));
      expect(report.applications.granted.natural, mark).to.equal(258);
      expect(naming(diagnostics, P), mark).to.deep.equal([]);
    }
  });

  it('an empty hidden element or an image does not make a cell unreadable; labels with <br> still join', () => {
    expect(
      imp(withCell(P, '<span style="display:none"></span>258<img src="x.png">')).report.applications.granted.natural,
    ).to.equal(258);
    const html = page.replace('>一、本年新收政府信息公开申请数量<', '>一、本年新收<br>政府信息公开申请数量<');
    expect(imp(html).report.applications.newReceived.natural).to.equal(200);
  });
});

describe('importReport: a text that ends early: the fragment at the cut is not data', () => {
  it('cut after "(四)无法提供\\n\\n1" (the 1 of "1.本机关…"): nothing is set from it, and the diagnostic says where the text ends', () => {
    const text = published('bayannur-gxj-2021.txt');
    const cut = text.slice(0, text.indexOf('(四)无法提供') + '(四)无法提供\n\n1'.length);
    const { report, diagnostics } = imp(cut);
    const row = report.applications.unavailable.notHeld;
    expect(Object.values(row).every((v) => v === null)).to.equal(true);
    // every cell before the cut is as in the whole text
    const whole = imp(text).report;
    expect(report.applications.newReceived).to.deep.equal(whole.applications.newReceived);
    expect(report.applications.denied).to.deep.equal(whole.applications.denied);
    expect(report.source.unread['applications.unavailable.notHeld.natural'].code).to.equal('cut-number');
    const end = diagnostics.find((d) => d.code === 'partial');
    expect(end?.line).to.equal(cut.split('\n').length);
    expect(end?.cells).to.include('applications.total.total');
  });

  it('a number cut mid-way (PDF text, "31" cut to "3") is null, not 3', () => {
    const text = published('hongze-gov-2024-pdf-text.txt');
    const at =
      text.indexOf('1.本机关不掌握相关政府信息 31 0 0 0 0 0 31') + '1.本机关不掌握相关政府信息 31 0 0 0 0 0 3'.length;
    const { report, diagnostics } = imp(text.slice(0, at));
    expect(report.applications.unavailable.notHeld.natural).to.equal(31);
    expect(report.applications.unavailable.notHeld.total).to.equal(null);
    expect(naming(diagnostics, 'applications.unavailable.notHeld.total')).to.include('cut-number');
    expect(report.source.unread['applications.unavailable.notHeld.total'].code).to.equal('cut-number');
  });

  it('a glued run cut inside ("3960181" cut to "396") is not split as if complete', () => {
    const text = published('pingtan-2019-glued.txt');
    const { report, diagnostics } = imp(text.slice(0, text.indexOf('行政许可3960181') + '行政许可396'.length));
    expect(report.proactive.licensing).to.deep.equal({ previous: null, change: null, decisions: null });
    expect(naming(diagnostics, 'proactive.licensing.previous')).to.include('cut-number');
    expect(report.source.unread['proactive.licensing.decisions'].code).to.equal('cut-number');
  });

  it('a complete last value followed by a delimiter is data ("| 0 |")', () => {
    const { report } = imp(published('longgang-dept-2024-pipe-rows.partial.txt'));
    expect(report.applications.denied.enforcementFiles.otherOrg).to.equal(0);
    expect(report.source.unread['applications.denied.enforcementFiles.total'].code).to.equal('missing-cells');
  });
});

describe('source.unread: an import gap is not the publisher’s blank (BLANK)', () => {
  it('glued runs that cannot be split are unread, with the diagnostic code and line', () => {
    const { report, diagnostics } = imp(published('pingtan-2019-glued.txt'));
    const amb = diagnostics.find((d) => d.code === 'glued-ambiguous')!;
    expect(report.source.unread['proactive.normativeDocuments.made']).to.deep.equal({
      code: 'glued-ambiguous',
      line: 1,
    });
    for (const c of amb.cells!) expect(report.source.unread[c].code).to.equal('glued-ambiguous');
  });

  it('BLANK does not report unread cells; a cell the publisher left empty stays BLANK', async () => {
    const html = withCell('applications.granted.natural', '258 12').replace(
      /(data-path="applications\.granted\.commercial">)[^<]*/,
      '$1-',
    );
    const { report } = imp(html);
    expect(report.source.unread).to.have.all.keys('applications.granted.natural');
    const { findings } = await validate(report);
    const blank = findings.filter((f) => f.rule === 'BLANK');
    expect(blank.flatMap((f) => f.cells)).to.deep.equal(['applications.granted.commercial']);
    // the equations that need the unread cell are skipped saying it cannot be read, not that it is blank
    const col = findings.find((f) => f.rule === 'T3-COL' && f.cells.includes('applications.granted.natural'))!;
    expect(col.status).to.equal('skipped');
    expect(col.message).to.include('“（一）予以公开 · 自然人” 无法读取');
    expect(col.message).to.include('“（一）予以公开 · 商业企业” 未填写数字');
  });

  it('without source.unread the same null cell is a BLANK (the rule reads only the recorded gaps)', async () => {
    const { report } = imp(withCell('applications.granted.natural', '258 12'));
    delete report.source.unread;
    const { findings } = await validate(report);
    expect(findings.filter((f) => f.rule === 'BLANK').flatMap((f) => f.cells)).to.deep.equal([
      'applications.granted.natural',
    ]);
  });

  it('rows whose label was not recognised are unread (rows-missing), named by the diagnostic', async () => {
    const { report, diagnostics } = imp(page.replace('>（一）予以公开<', '>甲乙丙丁<'));
    expect(report.applications.extras[0]).to.deep.include({ label: '甲乙丙丁' });
    const d = diagnostics.find((x) => x.code === 'rows-missing')!;
    expect(d.cells).to.include('applications.granted.total');
    expect(report.source.unread['applications.granted.total']).to.deep.equal({ code: 'rows-missing' });
    const { findings } = await validate(report);
    const blank = findings.filter(
      (f) => f.rule === 'BLANK' && f.cells.some((c) => c.startsWith('applications.granted.')),
    );
    expect(blank).to.deep.equal([]);
  });

  it('the contract accepts source.unread (parseReport; the JSON Schema leaves `source` open)', () => {
    const { report } = imp(withCell('applications.granted.natural', '258 12'));
    const parsed = parseReport(JSON.parse(JSON.stringify(report)));
    expect(parsed.ok, JSON.stringify(parsed)).to.equal(true);
    const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
    for (const f of ['2019', '2021']) {
      const def = schema.$defs[`report${f}`];
      expect(def.additionalProperties).to.not.equal(false);
      expect(def.properties.source).to.equal(undefined);
    }
  });
});
