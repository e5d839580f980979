/**
 * `disclosure-report validate` for a clerk with a folder of reports: output formats (text, CSV, JSON),
 * --errors-only, what was not checked, exit codes when the output cannot be written or the reader goes
 * away, file names and report text that must not reach a terminal raw, and cells the importer could not
 * read (`report.source.unread`). Spawns the built CLI as a user runs it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { randomReport } from './import-helpers.js';
import { reportPdf } from './pdf-writer.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/disclosure-report.js');
const FIXTURES = join(ROOT, 'test/fixtures/published');
const OWN = join(ROOT, 'test/fixtures/import');
const HONGZE_2023 = join(FIXTURES, 'hongze-gov-2023-pdf-text.txt');

function run(args: string[], opts: { cwd?: string; stdout?: number | 'pipe' } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120000,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'],
  });
}

/** Parse RFC 4180 CSV (quoted fields with "" escapes and line breaks, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') {
      (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    } else {
      expect(c, `bare line end at ${i}`).to.not.be.oneOf(['\r', '\n']);
      field += c;
    }
  }
  expect(field, 'the last row ends with CRLF').to.equal('');
  expect(row).to.deep.equal([]);
  return rows;
}

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `dr-cli-${name}-`));

describe('CLI: validate output for many reports', function () {
  this.timeout(180000);

  before(() => {
    if (!existsSync(join(ROOT, 'dist/cli.js'))) {
      const b = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 170000 });
      if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
    }
  });

  describe('--format csv', () => {
    let csv: SpawnSyncReturns<string>;
    let json: any[];
    before(() => {
      csv = run(['validate', '--format', 'csv', FIXTURES]);
      json = JSON.parse(run(['validate', '--json', FIXTURES]).stdout);
    });

    it('UTF-8 with a byte-order mark (Excel), a header row, CRLF rows; exit code as for text', () => {
      expect(csv.status).to.equal(1);
      expect(csv.stdout.startsWith('\uFEFFfile,rule,severity,cells,expected,actual,message,line,page\r\n')).to.equal(
        true,
      );
      const rows = parseCsv(csv.stdout.slice(1));
      for (const r of rows) expect(r).to.have.length(9);
      const noBom = run(['validate', '--format', 'csv', '--no-bom', FIXTURES]);
      expect(noBom.stdout).to.equal(csv.stdout.slice(1));
    });

    it('one line per failing finding, as in --json, with cells, expected and actual', () => {
      const rows = parseCsv(csv.stdout.slice(1)).slice(1);
      const findings = rows.filter((r) => /^[A-Z]/.test(r[1]!));
      const failing = json.flatMap((x) =>
        x.findings.filter((f: any) => f.status === 'fail').map((f: any) => [x.file, f.rule, f.severity]),
      );
      expect(findings.map((r) => r.slice(0, 3)).sort()).to.deep.equal(failing.sort());
      expect(findings).to.deep.include([
        HONGZE_2023,
        'T4-SUM',
        'error',
        'appeals.reconsideration.upheld appeals.reconsideration.corrected appeals.reconsideration.other appeals.reconsideration.pending appeals.reconsideration.total',
        '11',
        '0',
        '“行政复议”：总计应为 11（结果维持、结果纠正、其他结果、尚未审结之和），实为 0',
        '',
        '',
      ]);
      // import notes with their line; what was not checked
      const partial = rows.find((r) => r[1] === 'import:partial' && r[0]!.includes('longgang'))!;
      expect([partial[2], partial[7], partial[8]]).to.deep.equal(['warning', '32', '']);
      expect(partial[6]).to.match(/^文本结束于表三「7\.属于行政执法案卷」行中（第 32 行）/);
      expect(rows.filter((r) => r[1] === 'not-checked').map((r) => r[0]!.slice(FIXTURES.length))).to.deep.equal([
        '/expected/',
        '/pdf/',
        '/README.md',
      ]);
    });

    it('quotes commas, quotes and line breaks (RFC 4180) and keeps the real file name; formulas are defused', () => {
      const dir = tmp('csv');
      const name = 'a,"b"\nc.json';
      copyFileSync(join(OWN, 'report-ok.json'), join(dir, name));
      copyFileSync(join(OWN, 'report-ok.json'), join(dir, '=HYPERLINK(1).json'));
      const report = JSON.parse(readFileSync(join(OWN, 'report-ok.json'), 'utf8'));
      report.applications.newReceived.natural += 1; // breaks the totals: error findings with numbers
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(report));
      const r = run(['validate', '--format', 'csv', '--no-bom', dir]);
      expect(r.status).to.equal(1);
      const rows = parseCsv(r.stdout);
      const files = rows.slice(1).map((x) => x[0]);
      expect(files).to.not.include(join(dir, name)); // report-ok.json has no findings: no rows
      const bad = rows.filter((x) => x[0] === join(dir, 'bad.json'));
      expect(bad.length).to.be.greaterThan(0);
      expect(bad.every((x) => x[2] === 'error' || x[2] === 'warning' || x[2] === 'info')).to.equal(true);
      expect(bad.some((x) => /^\d+$/.test(x[4]!) && /^\d+$/.test(x[5]!))).to.equal(true);
      // unreadable files have a row too, with the real name quoted
      writeFileSync(join(dir, name), '{ "format": ');
      writeFileSync(join(dir, '=HYPERLINK(1).json'), '{');
      const u = parseCsv(run(['validate', '--format', 'csv', '--no-bom', dir]).stdout);
      expect(u.find((x) => x[1] === 'unreadable' && x[0] === join(dir, name))).to.not.equal(undefined);
      const formula = u.find((x) => x[1] === 'unreadable' && x[0]!.includes('HYPERLINK'))!;
      expect(formula[0]).to.equal(join(dir, '=HYPERLINK(1).json')); // a path starts with / here
      const rel = parseCsv(run(['validate', '--format', 'csv', '--no-bom', '=HYPERLINK(1).json'], { cwd: dir }).stdout);
      expect(rel[1]![0]).to.equal("'=HYPERLINK(1).json");
    });
  });

  describe('a PDF input: pages, not lines', () => {
    let file: string;
    before(() => {
      // Blank cells shown as "-" on pages 1 and 2, and a cell holding two numbers (unread) on page 1.
      const report = randomReport({ format: '2021', shape: 'group', seed: 3, blanks: 0.05 });
      report.applications.granted.natural = '258 12';
      file = join(tmp('pdf'), 'report.pdf');
      writeFileSync(file, reportPdf(report, { rules: 'stroke', blank: '-' }));
    });

    it('csv: import notes and unread cells carry their page in the page column, the line column empty', () => {
      const rows = parseCsv(run(['validate', '--format', 'csv', '--no-bom', file]).stdout);
      expect(rows[0]).to.deep.equal([
        'file',
        'rule',
        'severity',
        'cells',
        'expected',
        'actual',
        'message',
        'line',
        'page',
      ]);
      const several = rows.find((r) => r[1] === 'import:several-numbers')!;
      expect([several[3], several[7], several[8]]).to.deep.equal(['applications.granted.natural', '', '1']);
      const blanks = rows.filter((r) => r[1] === 'import:blank-cells');
      expect(blanks.map((r) => r[7])).to.deep.equal(blanks.map(() => ''));
      expect(new Set(blanks.map((r) => r[8]))).to.deep.equal(new Set(['1', '2']));
      const unread = rows.filter((r) => r[1] === 'unread');
      expect(unread.map((r) => r.slice(3))).to.deep.equal([
        ['applications.granted.natural', '', '', '未能从发布文本中读出（单元格中有不止一个数字）', '', '1'],
      ]);
      const en = parseCsv(run(['validate', '--format', 'csv', '--no-bom', '--lang', 'en', file]).stdout);
      expect(en.find((r) => r[1] === 'unread')!.slice(6)).to.deep.equal([
        'could not be read from the published text (the cell holds more than one number)',
        '',
        '1',
      ]);
    });

    it('json and text: an unread cell of a PDF is located by its page (the lines of the laid-out text mean nothing)', () => {
      const [x] = JSON.parse(run(['validate', '--json', file]).stdout);
      expect(x.unread).to.deep.equal({ 'applications.granted.natural': { code: 'several-numbers', page: 1 } });
      expect(x.diagnostics.find((d: any) => d.code === 'several-numbers')).to.include({ page: 1 });
      expect(run(['validate', file]).stdout).to.include(
        '\n      第 1 页，单元格中有不止一个数字：applications.granted.natural\n',
      );
      expect(run(['validate', '--lang', 'en', file]).stdout).to.include(
        '\n      page 1, the cell holds more than one number: applications.granted.natural\n',
      );
    });
  });

  describe('--errors-only', () => {
    it('text: only the files with errors and only their errors; the counts stay complete', () => {
      const all = run(['validate', FIXTURES]);
      const r = run(['validate', '--errors-only', FIXTURES]);
      expect(r.status).to.equal(1);
      expect(r.stdout).to.not.match(/^\s+! /m);
      expect(r.stdout).to.not.include('bayannur-gxj-2021.txt');
      expect(r.stdout).to.match(/hongze-gov-2023-pdf-text\.txt {2}表格格式 2021[^\n]*\n {2}✖ T4-SUM/);
      expect(r.stdout).to.include('2 个错误，2 个警告，0 个提示，0 项无法核对（警告和提示未显示）');
      expect(r.stdout.trimEnd().split('\n').at(-1)).to.equal(all.stdout.trimEnd().split('\n').at(-1));
      expect(r.stdout).to.include('未检查（3 项）');
    });

    it('json and csv: error findings and error import notes only', () => {
      const arr = JSON.parse(run(['validate', '--json', '--errors-only', FIXTURES]).stdout);
      expect(arr).to.have.length(11);
      for (const x of arr) {
        for (const f of x.findings) expect([f.severity, f.status]).to.deep.equal(['error', 'fail']);
        for (const d of x.diagnostics) expect(d.level).to.equal('error');
      }
      const rows = parseCsv(run(['validate', '--format', 'csv', '--no-bom', '--errors-only', FIXTURES]).stdout);
      expect(rows.slice(1).map((x) => [x[1], x[2]])).to.deep.equal([
        ['not-checked', 'info'],
        ['T4-SUM', 'error'],
        ['T4-SUM', 'error'],
        ['not-checked', 'info'],
        ['not-checked', 'info'],
      ]);
    });
  });

  describe('what was not checked', () => {
    let dir: string;
    before(() => {
      dir = tmp('mixed');
      copyFileSync(join(FIXTURES, 'pdf/hongze-gov-2024.pdf'), join(dir, 'report.pdf'));
      writeFileSync(join(dir, 'data.csv'), 'a,b\n1,2\n');
      writeFileSync(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      writeFileSync(join(dir, 'notes.docx'), 'PK');
      writeFileSync(join(dir, 'scan.zip'), 'PK');
      writeFileSync(join(dir, 'x.xml'), '<a/>');
      writeFileSync(join(dir, '.DS_Store'), '');
      mkdirSync(join(dir, 'sub'));
      copyFileSync(join(OWN, 'report-ok.json'), join(dir, 'sub', 'inner.json'));
      copyFileSync(join(OWN, 'report-ok.json'), join(dir, 'report.json'));
    });

    it('names every file and folder not checked, grouped by reason, with how to check it', () => {
      const r = run(['validate', dir]);
      expect(r.status, r.stderr).to.equal(0);
      const list = r.stdout.slice(r.stdout.indexOf('未检查（7 项）：'));
      const item = (reason: RegExp, file: string) =>
        expect(list).to.match(new RegExp(`\\n {2}${reason.source}[^\\n]*\\n(?: {4}\\S+\\n)*? {4}${dir}/${file}\\n`));
      item(/表格文件（\.csv \/ Excel）不是报告输入/, 'data\\.csv');
      item(/图片中没有可读取的文字/, 'logo\\.png');
      item(/Word \/ WPS 文档不能直接检查：请另存为/, 'notes\\.docx');
      item(/压缩包：请先解压/, 'scan\\.zip');
      item(/不是可检查的文件类型（可检查 \.json \.txt \.html \.htm \.md \.pdf）/, 'x\\.xml');
      item(/隐藏的文件或文件夹/, '\\.DS_Store');
      item(/子文件夹，未进入：加 --recursive 一并检查/, 'sub/');
      // The PDF is read and checked like the others (2024: no error findings).
      expect(list).to.not.include('report.pdf');
      expect(r.stdout).to.include(`${dir}/report.pdf`);
      expect(r.stdout.trimEnd().split('\n').at(-1)).to.match(/^共检查 2 份报告：.*；7 项未检查（见上）$/);
    });

    it('--recursive checks the subfolder; English reasons with --lang en', () => {
      const r = run(['validate', '--recursive', '--lang', 'en', dir]);
      expect(r.stdout).to.not.include('a subfolder');
      expect(r.stdout).to.include(`${dir}/sub/inner.json`);
      expect(r.stdout.trimEnd().split('\n').at(-1)).to.match(/^Checked 3 reports: .*; 6 not checked \(listed above\)$/);
    });

    it('a link to a folder is named, not followed (a link to its parent would loop with --recursive)', () => {
      const d = tmp('link');
      mkdirSync(join(d, 'sub'));
      copyFileSync(join(OWN, 'report-ok.json'), join(d, 'sub', 'a.json'));
      symlinkSync(d, join(d, 'sub', 'up'));
      symlinkSync(join(d, 'sub', 'a.json'), join(d, 'b.json'));
      const r = run(['validate', '--recursive', d]);
      expect(r.status).to.equal(0);
      expect(r.stdout).to.match(/\n {2}指向文件夹的链接，不跟随（避免循环）[^\n]*\n {4}\S+\/sub\/up\/\n/);
      expect(r.stdout.trimEnd().split('\n').at(-1)).to.match(/^共检查 2 份报告：.*；1 项未检查（见上）$/);
    });

    it('a .pdf named on the command line is read and checked; a .docx is refused with the reason (exit 2)', () => {
      const r = run(['validate', join(dir, 'report.pdf'), join(dir, 'report.json')]);
      expect(r.status, r.stdout).to.equal(0);
      expect(r.stdout).to.match(/report\.pdf {2}[^\n]*2021[^\n]*2024[^\n]*淮安市洪泽区人民政府/);
      const d = run(['validate', join(dir, 'notes.docx'), join(dir, 'report.json')]);
      expect(d.status).to.equal(2);
      expect(d.stdout).to.match(/无法读取的文件（1 个）：\n {2}\S+notes\.docx {2}Word/);
    });

    it('a folder with nothing to check lists what it holds and exits 2', () => {
      const empty = tmp('nothing');
      copyFileSync(join(dir, 'notes.docx'), join(empty, 'notes.docx'));
      const r = run(['validate', empty]);
      expect(r.status).to.equal(2);
      expect(r.stdout).to.match(/未检查（1 项）：\n {2}Word \/ WPS 文档不能直接检查[^\n]*\n {4}\S+notes\.docx/);
      expect(r.stderr).to.include('没有找到可检查的文件');
    });
  });

  describe('usage', () => {
    it('--lang takes zh-CN or en, or a tag of their languages read as a lang attribute is; else bad usage (exit 2 with the usage)', () => {
      for (const bad of [['--lang', 'fr'], ['--lang=english'], ['--lang', 'en_US'], ['--lang='], ['--lang', 'zh-']]) {
        const r = run(['validate', ...bad, FIXTURES]);
        expect(r.status, bad.join(' ')).to.equal(2);
        expect(r.stdout).to.equal('');
        expect(r.stderr).to.match(/--lang (只接受|accepts) zh-CN (或|or) en/);
        expect(r.stderr).to.match(/用法：|Usage:/);
      }
      // Not Chinese: the error is in English (who asks for French reads English sooner than Chinese).
      expect(run(['validate', '--lang', 'fr', FIXTURES]).stderr).to.match(
        /^disclosure-report: --lang accepts zh-CN or en only, or a tag of their languages such as en-US \(got "fr"\)\n\nUsage:/,
      );
      expect(run(['validate', '--lang=zh_CN', FIXTURES]).stderr).to.match(
        /^disclosure-report: --lang 只接受 zh-CN 或 en.*\n\n用法：/,
      );
      const ok = join(OWN, 'report-ok.json');
      for (const en of ['en', 'EN', 'en-US', 'EN-us', 'en-GB'])
        expect(run(['validate', `--lang=${en}`, ok]).stdout, en).to.include('Checked 1 report');
      for (const zh of ['zh', 'zh-CN', 'zh-Hans', 'ZH-cn'])
        expect(run(['validate', '--lang', zh, ok]).stdout, zh).to.include('共检查 1 份报告');
    });

    it('--help follows --lang; errors about usage are in the asked language', () => {
      const zh = run(['--help']);
      expect(zh.stdout).to.match(/^用法：\n/);
      expect(zh.stdout).to.include('--errors-only           只显示错误');
      const en = run(['--help', '--lang', 'en']);
      expect(en.stdout).to.match(/^Usage:\n/);
      expect(en.stdout).to.include('--format text|json|csv');
      expect(run(['validate', '--help', '--lang=en']).stdout).to.equal(en.stdout);
      const bad = run(['validate', '--format', 'xml', '--lang', 'en', FIXTURES]);
      expect(bad.status).to.equal(2);
      expect(bad.stderr).to.match(
        /^disclosure-report: --format accepts text, json or csv only \(got "xml"\)\n\nUsage:/,
      );
      expect(run(['validate', '--nope', FIXTURES]).stderr).to.match(/^disclosure-report: 未知的选项 --nope\n\n用法：/);
    });

    it('-- ends the options: validate -- -x.json checks the file -x.json', () => {
      const dir = tmp('dash');
      copyFileSync(join(OWN, 'report-ok.json'), join(dir, '-x.json'));
      const r = run(['validate', '--', '-x.json'], { cwd: dir });
      expect(r.status, r.stderr).to.equal(0);
      expect(r.stdout).to.match(/^-x\.json {2}表格格式 2021/);
      expect(run(['validate', '-x.json'], { cwd: dir }).status).to.equal(2); // an unknown option without --
    });
  });

  describe('exit codes when the output cannot be written', () => {
    it('> /dev/full: exit 2 and one line on stderr, no stack trace', function () {
      if (!existsSync('/dev/full')) this.skip();
      for (const format of ['text', 'json', 'csv']) {
        const r = spawnSync(
          'sh',
          ['-c', `"${process.execPath}" "${BIN}" validate --format ${format} "${FIXTURES}" > /dev/full`],
          { encoding: 'utf8' },
        );
        expect(r.status, format).to.equal(2);
        expect(r.stderr).to.match(/^disclosure-report: 无法写出结果: ENOSPC[^\n]*\n$/);
      }
    });

    it('a reader that goes away (| head -1, | true) keeps the exit code of the run: 1 when errors were found', () => {
      const pipe = (args: string, reader: string) =>
        spawnSync(
          'bash',
          ['-c', `"${process.execPath}" "${BIN}" validate ${args} | ${reader}; exit \${PIPESTATUS[0]}`],
          {
            encoding: 'utf8',
          },
        );
      // `true` closes the pipe before the first write: every write meets EPIPE, before the exit code is known.
      for (const format of ['text', 'json', 'csv']) {
        const r = pipe(`--format ${format} "${FIXTURES}"`, 'true');
        expect(r.status, format).to.equal(1);
        expect(r.stderr).to.equal('');
      }
      expect(pipe(`"${join(OWN, 'report-ok.json')}"`, 'true').status).to.equal(0);
      expect(pipe(`"${join(OWN, 'broken.json')}" "${FIXTURES}"`, 'true').status).to.equal(2);
      const h = pipe(`"${FIXTURES}"`, 'head -1');
      expect(h.status).to.equal(1);
      expect(h.stdout.split('\n')).to.have.length(2);
      expect(h.stderr).to.equal('');
    });
  });

  describe('file names and report text on a terminal', () => {
    it('control characters, newlines and bidi overrides are printed escaped; JSON and CSV carry the real name', () => {
      const dir = tmp('names');
      const name = 'r\n共检查 0 份报告：0 份有错误\u001b[2J\u202e.json';
      const report = JSON.parse(readFileSync(join(OWN, 'report-ok.json'), 'utf8'));
      report.agency.name = '某局\u001b]0;pwned\u0007\u2066';
      writeFileSync(join(dir, name), JSON.stringify(report));
      writeFileSync(join(dir, 'b\u001b[31m.txt'), '');
      const r = run(['validate', dir]);
      // eslint-disable-next-line no-control-regex
      expect(r.stdout).to.not.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(r.stdout).to.include(`${dir}/r\\n共检查 0 份报告：0 份有错误\\x1b[2J\\u202e.json  表格格式 2021`);
      expect(r.stdout).to.include('某局\\x1b]0;pwned\\x07\\u2066');
      expect(r.stdout).to.include(`${dir}/b\\x1b[31m.txt  无法读取`);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('共检查'))).to.have.length(1);
      const json = JSON.parse(run(['validate', '--json', dir]).stdout);
      expect(json.map((x: any) => x.file)).to.include(join(dir, name));
      expect(json.find((x: any) => x.file === join(dir, name)).agency).to.equal(report.agency.name);
      const csv = parseCsv(run(['validate', '--format', 'csv', '--no-bom', dir]).stdout);
      expect(csv.map((x) => x[0])).to.include(join(dir, 'b\u001b[31m.txt'));
      const imp = run(['import', join(dir, 'b\u001b[31m.txt')]);
      expect(imp.stderr).to.not.include('\u001b');
      expect(imp.stderr).to.include('b\\x1b[31m.txt');
    });

    it('render: an output path that cannot be written is named escaped, in the system’s message too', () => {
      const out = join(tmp('render'), 'no\u001b[2Jsuch', 'x\u202e.html');
      const r = run(['render', join(OWN, 'report-ok.json'), '-o', out]);
      expect(r.status).to.equal(2);
      // eslint-disable-next-line no-control-regex
      expect(r.stderr).to.not.match(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
      expect(r.stderr).to.match(/no\\x1b\[2Jsuch\/x\\u202e\.html: ENOENT[^\n]*no\\x1b\[2Jsuch/);
    });
  });

  describe('cells the importer could not read (report.source.unread)', () => {
    let file: string;
    before(() => {
      const dir = tmp('unread');
      const report = JSON.parse(readFileSync(join(OWN, 'report-ok.json'), 'utf8'));
      for (const k of ['natural', 'commercial', 'research']) report.applications.granted[k] = null;
      report.proactive.licensing.decisions = null;
      report.source = {
        layout: 'glued',
        unread: {
          'applications.granted.natural': { code: 'glued-ambiguous', line: 12 },
          'applications.granted.commercial': { code: 'glued-ambiguous', line: 12 },
          'applications.granted.research': { code: 'glued-ambiguous', line: 12 },
          'proactive.licensing.decisions': { code: 'extra-row', line: 7 },
          'appeals.litigation.total': { code: 'some-new-code' },
          'broken.entry': 'not an object', // ignored: not { code }
          'broken.code': { line: 3 },
        },
      };
      file = join(dir, 'glued.json');
      writeFileSync(file, JSON.stringify(report));
    });

    it('text: grouped by line and reason, said to be not read from the published text, not blank', () => {
      const r = run(['validate', file]);
      expect(r.stderr).to.equal('');
      expect(r.stdout).to.include('  ? 5 个单元格未能从发布文本中读出（不是发布者留空，未作核对）：\n');
      expect(r.stdout).to.include('      第 7 行，行标签未能识别：proactive.licensing.decisions\n');
      expect(r.stdout).to.include(
        '      第 12 行，连写的数字串有多种拆分：applications.granted.natural, applications.granted.commercial, applications.granted.research\n',
      );
      expect(r.stdout).to.include('      some-new-code：appeals.litigation.total\n');
      const en = run(['validate', '--lang', 'en', file]);
      expect(en.stdout).to.include(
        '  ? 5 cells could not be read from the published text (not left blank by the publisher; not checked):\n',
      );
      expect(en.stdout).to.include(
        '      line 12, a run of digits written together splits in several ways: applications.granted.natural',
      );
    });

    it('many groups: ten shown, the rest counted (all with --verbose)', () => {
      const report = JSON.parse(readFileSync(file, 'utf8'));
      report.source.unread = Object.fromEntries(
        Array.from({ length: 25 }, (_, i) => [`extras.row${i}`, { code: 'glued-unsplittable', line: i + 1 }]),
      );
      const many = join(tmp('unread-many'), 'many.json');
      writeFileSync(many, JSON.stringify(report));
      const r = run(['validate', many]);
      expect(r.stdout.match(/^ {6}第 \d+ 行，连写的数字串无法拆分：/gm)).to.have.length(10);
      expect(r.stdout).to.include('      … 另有 15 组（--verbose 显示全部）\n');
      expect(run(['validate', '--verbose', many]).stdout.match(/^ {6}第 \d+ 行，/gm)).to.have.length(25);
    });

    it('json carries them as they are; csv has a row per group; --errors-only leaves them out of text', () => {
      const [x] = JSON.parse(run(['validate', '--json', file]).stdout);
      expect(x.unread['applications.granted.natural']).to.deep.equal({ code: 'glued-ambiguous', line: 12 });
      expect(x.unread['appeals.litigation.total']).to.deep.equal({ code: 'some-new-code' });
      const rows = parseCsv(run(['validate', '--format', 'csv', '--no-bom', file]).stdout).filter(
        (r) => r[1] === 'unread',
      );
      expect(rows.map((r) => [r[3], r[7]])).to.deep.include.members([
        ['applications.granted.natural applications.granted.commercial applications.granted.research', '12'],
        ['proactive.licensing.decisions', '7'],
      ]);
      expect(rows[0]![6]).to.match(/^未能从发布文本中读出/);
      expect(run(['validate', '--errors-only', file]).stdout).to.not.include('未能从发布文本中读出');
    });
  });
});
