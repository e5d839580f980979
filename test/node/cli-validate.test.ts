/**
 * The `disclosure-report` command, spawned as a user runs it (`node bin/disclosure-report.js`)
 * against the built dist/cli.js (`npm test` builds first; built here when missing).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/published');
const OWN = join(ROOT, 'test/fixtures/import');

function run(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, 'bin/disclosure-report.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('CLI: disclosure-report', function () {
  this.timeout(180000);

  before(() => {
    if (!existsSync(join(ROOT, 'dist/cli.js'))) {
      const b = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 170000 });
      if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
    }
  });

  it('--help and --version; bad usage exits 2', () => {
    const h = run(['--help']);
    expect(h.status).to.equal(0);
    expect(h.stdout).to.include('disclosure-report validate <文件或文件夹...>');
    expect(run(['--help', '--lang', 'en']).stdout).to.include('disclosure-report validate <files or folders...>');
    expect(run(['--version']).stdout.trim()).to.match(/^\d+\.\d+\.\d+$/);
    const bad = run(['frobnicate']);
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.include('未知的命令 frobnicate');
    expect(run(['validate', '--nope', 'x']).status).to.equal(2);
  });

  describe('validate test/fixtures/published', () => {
    let out: SpawnSyncReturns<string>;
    before(() => {
      out = run(['validate', FIXTURES]);
    });

    it('exits 1 (洪泽区 2023 table 四 does not add up)', () => {
      expect(out.status, out.stderr).to.equal(1);
    });

    it('prints every fixture with its format, year and agency', () => {
      for (const f of [
        'bayannur-gxj-2021.txt',
        'pingtan-2019-glued.txt',
        'hanyang-office-2022-pipe-cells.partial.txt',
        'longgang-dept-2024-pipe-rows.partial.txt',
        'xinghua-town-2023-blank-lines.partial.txt',
        'hongze-gov-2023-pdf-text.txt',
        'hongze-gov-2024-pdf-text.txt',
        'huaian-gov-2024-pdf-text.txt',
      ]) {
        expect(out.stdout).to.include(f);
      }
      expect(out.stdout).to.include(
        'hongze-gov-2023-pdf-text.txt  表格格式 2021 · 报告年度 2023 · 淮安市洪泽区人民政府',
      );
      expect(out.stdout).to.include('pingtan-2019-glued.txt  表格格式 2019 · 报告年度 2019 · 平潭综合实验区');
    });

    it('prints rule, cells, expected vs actual and the message', () => {
      expect(out.stdout).to.match(/✖ T4-SUM\s+appeals\.reconsideration\.upheld.*应为 11，实为 0/);
      expect(out.stdout).to.include('“复议后起诉”：总计应为 5');
      expect(out.stdout).to.match(/! TEXT\s+applications\.newReceived\.total\s+应为 95，实为 17/);
      expect(out.stdout).to.match(/! LABEL .*\n.*“规范性文件”与标准表述“行政规范性文件”不一致/);
      expect(out.stdout).to.include('文本结束于表三「7.属于行政执法案卷」行中（第 32 行）');
    });

    it('names what it did not check (the README, the subfolders expected/ and pdf/) with the reason', () => {
      const tail = out.stdout.slice(out.stdout.indexOf('\n未检查（3 项）：\n'));
      expect(tail).to.match(/\n {2}子文件夹，未进入：加 --recursive 一并检查\n {4}\S+\/expected\/\n {4}\S+\/pdf\/\n/);
      expect(tail).to.match(
        /\n {2}不是报告（没有找到年度报告的章节标题或表格[^\n]*disclosure-report import[^\n]*\n {4}\S+\/README\.md\n/,
      );
      expect(out.stdout).to.not.match(/expected\/\S+\.json/); // not descended into
    });

    it('ends with the files that have errors (errors, first rule, path), then the summary line', () => {
      const lines = out.stdout.trimEnd().split('\n');
      expect(lines.slice(-4)).to.deep.equal([
        '有错误的文件（1 个；错误数、第一个错误的规则、文件）：',
        `  2  T4-SUM      ${join(FIXTURES, 'hongze-gov-2023-pdf-text.txt')}`,
        '',
        lines.at(-1),
      ]);
      expect(lines.at(-1)).to.match(
        /^共检查 8 份报告：1 份有错误，6 份仅有警告；错误 2 个，警告 \d+ 个；3 项未检查（见上）$/,
      );
    });
  });

  it('--json prints one array of { file, format, year, agency, findings, diagnostics }', () => {
    const r = run(['validate', '--json', FIXTURES]);
    expect(r.status).to.equal(1);
    const arr = JSON.parse(r.stdout);
    expect(arr).to.be.an('array').with.length(11); // 8 reports, the README, expected/ and pdf/
    const byFile = Object.fromEntries(arr.map((x: any) => [x.file.split('/').pop(), x]));
    const h = byFile['hongze-gov-2024-pdf-text.txt'];
    expect(h).to.include({ format: '2021', year: 2024, agency: '淮安市洪泽区人民政府' });
    expect(
      h.findings
        .filter((f: any) => f.status === 'fail')
        .map((f: any) => f.rule)
        .sort(),
    ).to.deep.equal(['FORMAT', 'LABEL', 'TEXT']);
    expect(h.diagnostics).to.be.an('array');
    const p = byFile['pingtan-2019-glued.txt'];
    expect(p.diagnostics.filter((d: any) => d.code === 'glued-ambiguous')).to.have.length(7);
    for (const x of arr)
      for (const k of ['file', 'format', 'year', 'agency', 'findings', 'diagnostics']) expect(x).to.have.property(k);
    expect(
      arr.filter((x: any) => x.notChecked).map((x: any) => [x.file.slice(FIXTURES.length), x.notChecked]),
    ).to.deep.equal([
      ['/expected/', 'subfolder'],
      ['/pdf/', 'subfolder'],
      ['/README.md', 'not-a-report'],
    ]);
    expect(run(['validate', '--format', 'json', FIXTURES]).stdout).to.equal(r.stdout);
    expect(run(['validate', '--format=json', FIXTURES]).stdout).to.equal(r.stdout);
  });

  it('--lang en: English messages and summary', () => {
    const r = run(['validate', '--lang', 'en', join(FIXTURES, 'hongze-gov-2023-pdf-text.txt')]);
    expect(r.status).to.equal(1);
    expect(r.stdout).to.include('“Administrative reconsideration”: Total should be 11');
    expect(r.stdout).to.include('differs from the official wording “2.其他法律行政法规禁止公开”');
    expect(r.stdout).to.match(/Checked 1 report: 1 with errors/);
  });

  it('exit 0 for a consistent JSON report; 1 for an HTML page whose table does not add up', () => {
    const ok = run(['validate', join(OWN, 'report-ok.json')]);
    expect(ok.status, ok.stdout).to.equal(0);
    expect(ok.stdout).to.include('0 个错误');
    const bad = run(['validate', join(OWN, 'report-errors.html')]);
    expect(bad.status).to.equal(1);
    expect(bad.stdout).to.match(/✖ T3-COL\s+applications\.granted\.natural.*应为 \d+，实为 \d+/);
  });

  it('exit 2 for broken JSON (naming the line) and for a missing file', () => {
    const b = run(['validate', join(OWN, 'broken.json'), join(OWN, 'report-ok.json')]);
    expect(b.status).to.equal(2);
    expect(b.stdout).to.include('JSON 语法错误（第 3 行第 20 列）');
    const m = run(['validate', join(OWN, 'no-such-file.txt')]);
    expect(m.status).to.equal(2);
    expect(m.stdout).to.include('ENOENT');
  });

  it('exit 2 for an empty file and a binary file, each named with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-cli-bad-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'image.html'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
    );
    const r = run(['validate', join(dir, 'empty.txt'), join(dir, 'image.html')]);
    expect(r.status).to.equal(2);
    expect(r.stdout).to.match(/empty\.txt\s+无法读取：输入为空/);
    expect(r.stdout).to.match(/image\.html\s+无法读取：输入不是文本/);
    expect(r.stdout).to.include('2 个文件无法读取');
  });

  it("deeply nested JSON is that file's finding: no stack trace, the other files are still checked", () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-cli-deep-'));
    writeFileSync(join(dir, 'deep.json'), '['.repeat(100000) + ']'.repeat(100000));
    writeFileSync(join(dir, 'deepopen.json'), '['.repeat(200000));
    const r = run(['validate', join(dir, 'deep.json'), join(dir, 'deepopen.json'), join(OWN, 'report-ok.json')]);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.equal('');
    expect(r.stdout).to.match(/deep\.json[\s\S]*✖ SCHEMA[\s\S]*报告必须是 JSON 对象，实为 \[\[\[/);
    expect(r.stdout).to.match(/deepopen\.json\s+无法读取：JSON \S+（第 1 行第 200001 列）/);
    expect(r.stdout).to.match(/report-ok\.json[\s\S]*0 个错误/);
    expect(r.stdout.trim().split('\n').pop()).to.match(/^共检查 2 份报告：1 份有错误.*；1 个文件无法读取$/);
  });

  it('an empty .json file gets the same message as parseReport; a .json file with a byte-order mark is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-cli-json-'));
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'bom.json'), '\uFEFF' + readFileSync(join(OWN, 'report-ok.json'), 'utf8'));
    const r = run(['validate', join(dir, 'empty.json'), join(dir, 'bom.json')]);
    expect(r.stdout).to.match(/empty\.json\s+无法读取：JSON 文本为空（第 1 行第 1 列）/);
    expect(r.stdout).to.match(/bom\.json[^\n]*\n\s+0 个错误/);
    const en = run(['validate', '--lang', 'en', join(dir, 'empty.json')]);
    expect(en.stdout).to.match(/empty\.json\s+unreadable: the JSON text is empty at line 1, column 1/);
  });

  it('--previous enables the cross-year rules', () => {
    const r = run([
      'validate',
      '--json',
      '--previous',
      join(FIXTURES, 'hongze-gov-2023-pdf-text.txt'),
      join(FIXTURES, 'hongze-gov-2024-pdf-text.txt'),
    ]);
    expect(r.status).to.equal(0);
    const [x] = JSON.parse(r.stdout);
    expect(x.findings.filter((f: any) => f.rule.startsWith('X-') && f.status === 'fail')).to.deep.equal([]);
    const without = JSON.parse(run(['validate', '--json', join(FIXTURES, 'hongze-gov-2024-pdf-text.txt')]).stdout)[0];
    expect(without.findings.length).to.equal(x.findings.length);
  });

  it('reads GB18030-encoded text (common on government sites) and UTF-16 with a BOM', () => {
    const gb = run(['validate', '--json', join(OWN, 'hongze-gov-2023-gb18030.txt')]);
    expect(JSON.parse(gb.stdout)[0].agency).to.equal('淮安市洪泽区人民政府');
    const dir = mkdtempSync(join(tmpdir(), 'dr-cli-'));
    const text = readFileSync(join(FIXTURES, 'hongze-gov-2023-pdf-text.txt'), 'utf8');
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = run(['validate', '--json', join(dir, 'utf16.txt')]);
    expect(JSON.parse(r.stdout)[0].agency).to.equal('淮安市洪泽区人民政府');
  });

  it('shows a progress bar on a terminal only; many files in one run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-cli-many-'));
    mkdirSync(join(dir, 'sub'));
    for (let i = 0; i < 30; i++) copyFileSync(join(FIXTURES, 'huaian-gov-2024-pdf-text.txt'), join(dir, `r${i}.txt`));
    copyFileSync(join(OWN, 'report-ok.json'), join(dir, 'sub', 'deep.json'));
    const r = run(['validate', dir]);
    expect(r.status).to.equal(0);
    expect(r.stderr).to.equal('');
    expect(r.stdout.trim().split('\n').pop()).to.match(/^共检查 30 份报告/);
    expect(run(['validate', '--recursive', dir]).stdout.trim().split('\n').pop()).to.match(/^共检查 31 份报告/);
  });

  it('import: REPORT-JSON on stdout, located diagnostics on stderr', () => {
    const r = run(['import', join(FIXTURES, 'longgang-dept-2024-pipe-rows.partial.txt')]);
    expect(r.status).to.equal(0);
    const report = JSON.parse(r.stdout);
    expect(report.applications.newReceived.total).to.equal(66);
    expect(r.stderr).to.match(/longgang-dept-2024-pipe-rows\.partial\.txt:32: warning: 文本结束于/);
    const none = run(['import', join(FIXTURES, 'README.md')]);
    expect(none.status).to.equal(2);
    expect(none.stdout).to.equal('');
  });

  it('render: a standalone page or a fragment with the static tables and the embedded JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-render-'));
    const out = join(dir, 'out.html');
    const r = run(['render', join(FIXTURES, 'bayannur-gxj-2021.txt'), '-o', out]);
    expect(r.status, r.stderr).to.equal(0);
    const html = readFileSync(out, 'utf8');
    expect(html).to.match(/^<!doctype html>/);
    expect(html).to.include('<title>巴彦淖尔市工业和信息化局2021年政府信息公开工作年度报告</title>');
    expect(html).to.include('<script type="application/json">');
    expect(html).to.include('<disclosure-report');
    // the findings without JavaScript, styled by the element's own stylesheet: the seed's FORMAT warning
    expect(html)
      .to.include('<style>')
      .and.to.match(/\.disclosure-report-static ?\{/);
    expect(html).to.include('<section class="summary has-notices"').and.to.include('<span class="rule">FORMAT</span>');
    expect(html).to.include('<ul class="flags">').and.to.include('class="fail fail-warning"');
    const frag = run(['render', join(OWN, 'report-ok.json'), '--fragment']);
    expect(frag.status).to.equal(0);
    expect(frag.stdout).to.match(/^<disclosure-report/);
    expect(frag.stdout).to.not.include('<!doctype');
    expect(frag.stdout).to.not.include('<style').and.to.not.include('class="summary');
    expect(run(['render', join(OWN, 'broken.json')]).status).to.equal(2);
  });
});
