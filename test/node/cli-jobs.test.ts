/**
 * `disclosure-report validate --jobs N`: files checked by worker threads give the same output, byte for
 * byte, as one thread (input order, every format, the closing lists and totals, exit codes); a file
 * whose check throws or whose worker crashes is that file's error and the run goes on; bad `--jobs` is
 * bad usage. Spawns the built CLI as a user runs it.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { jobsFor, workerExecArgv } from '../../src/cli/main.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/disclosure-report.js');
const FIXTURES = join(ROOT, 'test/fixtures/published');
const OWN = join(ROOT, 'test/fixtures/import');

function run(args: string[], node: string[] = []): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...node, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * A folder of mixed inputs: report JSON (valid, with errors, broken), flattened text, HTML, Markdown, the
 * two published PDFs, a file that cannot be read (a link to nothing), a non-report, a Word file.
 */
function mixedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-cli-jobs-'));
  for (const f of ['hongze-gov-2023-pdf-text.txt', 'bayannur-gxj-2021.txt', 'pingtan-2019-glued.txt', 'README.md'])
    copyFileSync(join(FIXTURES, f), join(dir, f));
  for (const f of ['report-ok.json', 'broken.json', 'report-errors.html', 'ocr-markdown.md'])
    copyFileSync(join(OWN, f), join(dir, f));
  for (const f of ['hongze-gov-2023.pdf', 'hongze-gov-2024.pdf']) copyFileSync(join(FIXTURES, 'pdf', f), join(dir, f));
  // The PDFs again, named to sort first and last: the slow files at both ends of the run.
  copyFileSync(join(FIXTURES, 'pdf/hongze-gov-2024.pdf'), join(dir, '0-first.pdf'));
  copyFileSync(join(FIXTURES, 'pdf/hongze-gov-2023.pdf'), join(dir, 'zz-last.pdf'));
  const errors = JSON.parse(readFileSync(join(OWN, 'report-ok.json'), 'utf8'));
  errors.year = 'x';
  writeFileSync(join(dir, 'report-bad-year.json'), JSON.stringify(errors));
  writeFileSync(join(dir, 'not-a-report.json'), '{"hello": 1}');
  symlinkSync(join(dir, 'missing.txt'), join(dir, 'gone.txt'));
  writeFileSync(join(dir, 'letter.docx'), 'PK');
  return dir;
}

describe('CLI: validate --jobs', function () {
  this.timeout(300000);
  let dir: string;

  before(() => {
    if (!existsSync(join(ROOT, 'dist/cli.js'))) {
      const b = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 170000 });
      if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
    }
    dir = mixedFolder();
  });

  for (const format of ['text', 'json', 'csv']) {
    it(`--format ${format}: the same stdout, stderr and exit code with --jobs 1 and --jobs 3`, () => {
      const one = run(['validate', '--format', format, '--jobs', '1', dir]);
      const three = run(['validate', '--format', format, '--jobs', '3', dir]);
      expect(one.status, one.stderr).to.equal(2); // the link to nothing cannot be read
      expect(three.status, three.stderr).to.equal(one.status);
      expect(three.stdout).to.equal(one.stdout);
      expect(three.stderr).to.equal(one.stderr);
      // What the run holds: the PDFs were checked (not failed), the others are where they belong.
      if (format === 'json') {
        const entries = JSON.parse(three.stdout) as Array<{ file: string; year: number | null; error?: string }>;
        expect(entries.map((e) => e.file)).to.deep.equal(
          [...entries.map((e) => e.file)].sort((x, y) => x.localeCompare(y, 'en', { numeric: true })),
        );
        for (const pdf of ['0-first.pdf', 'hongze-gov-2023.pdf', 'hongze-gov-2024.pdf', 'zz-last.pdf']) {
          const e = entries.find((x) => x.file === join(dir, pdf))!;
          expect(e.error, pdf).to.equal(undefined);
          expect(e.year, pdf).to.be.oneOf([2023, 2024]);
        }
        expect(entries.find((x) => x.file === join(dir, 'gone.txt'))!.error).to.match(/ENOENT/);
      }
      if (format === 'text') expect(three.stdout).to.match(/共检查 \d+ 份报告/);
    });
  }

  it('--errors-only, --lang en and --previous: the same output with -j 1 and -j3', () => {
    const args = ['validate', '--errors-only', '--lang', 'en', '--previous', join(OWN, 'report-ok.json'), dir];
    const one = run([...args, '-j', '1']);
    const three = run([...args, '-j3']);
    expect(three.status).to.equal(one.status);
    expect(three.stdout).to.equal(one.stdout);
    expect(one.stdout).to.match(/\nChecked \d+ reports/);
  });

  describe('a file that throws, a worker that crashes', () => {
    let hook: string;
    before(() => {
      // Loaded before the CLI (`node --import`), in the main thread and in every worker (workers inherit
      // the options): reading `throws.txt` gives an object the CLI cannot use (its check throws);
      // reading `crash.txt` throws outside any promise (the thread dies); `exit.txt` ends the thread.
      hook = join(dir, '..', `dr-cli-jobs-hook-${process.pid}.mjs`);
      writeFileSync(
        hook,
        `import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
const readFile = fsp.readFile;
fsp.readFile = async (file, ...rest) => {
  const name = String(file);
  if (name.endsWith('throws.txt')) return { subarray() { throw new Error('the test made this file throw'); } };
  if (name.endsWith('crash.txt')) {
    setImmediate(() => { throw new Error('the test crashed this worker'); });
    return new Promise(() => {});
  }
  if (name.endsWith('exit.txt')) process.exit(7);
  return readFile(file, ...rest);
};
syncBuiltinESMExports();
`,
      );
    });

    it("a file whose check throws is that file's error, in the same words with --jobs 1 and 3", () => {
      const d = mkdtempSync(join(tmpdir(), 'dr-cli-jobs-throw-'));
      copyFileSync(join(OWN, 'report-ok.json'), join(d, 'a.json'));
      writeFileSync(join(d, 'throws.txt'), 'x');
      copyFileSync(join(FIXTURES, 'pdf/hongze-gov-2023.pdf'), join(d, 'z.pdf'));
      const node = ['--import', pathToFileURL(hook).href];
      for (const format of ['text', 'csv']) {
        const one = run(['validate', '--lang', 'en', '--format', format, '-j', '1', d], node);
        const three = run(['validate', '--lang', 'en', '--format', format, '-j', '3', d], node);
        expect(one.status, one.stderr).to.equal(2);
        expect(three.status).to.equal(2);
        expect(three.stdout).to.equal(one.stdout);
        expect(one.stdout).to.include('checking it failed (the test made this file throw)');
      }
    });

    it('a worker that crashes or exits fails the file it was checking; the others are checked', () => {
      const d = mkdtempSync(join(tmpdir(), 'dr-cli-jobs-crash-'));
      copyFileSync(join(OWN, 'report-ok.json'), join(d, 'a.json'));
      writeFileSync(join(d, 'b-crash.txt'), 'x');
      copyFileSync(join(FIXTURES, 'hongze-gov-2023-pdf-text.txt'), join(d, 'c.txt'));
      writeFileSync(join(d, 'd-exit.txt'), 'x');
      copyFileSync(join(FIXTURES, 'pdf/hongze-gov-2023.pdf'), join(d, 'e.pdf'));
      copyFileSync(join(FIXTURES, 'pdf/hongze-gov-2024.pdf'), join(d, 'f.pdf'));
      const r = run(['validate', '--lang', 'en', '--json', '-j', '2', d], ['--import', pathToFileURL(hook).href]);
      expect(r.status, r.stderr).to.equal(2);
      const entries = JSON.parse(r.stdout) as Array<{ file: string; error?: string; year: number | null }>;
      expect(entries.map((e) => e.file)).to.deep.equal(
        ['a.json', 'b-crash.txt', 'c.txt', 'd-exit.txt', 'e.pdf', 'f.pdf'].map((f) => join(d, f)),
      );
      expect(entries[1]!.error).to.equal('checking it failed (the test crashed this worker)');
      expect(entries[3]!.error).to.equal('checking it failed (the worker thread checking it stopped, exit code 7)');
      for (const i of [0, 2, 4, 5]) {
        expect(entries[i]!.error, entries[i]!.file).to.equal(undefined);
        expect(entries[i]!.year).to.be.a('number');
      }
      const text = run(['validate', '--lang', 'en', '-j', '2', d], ['--import', pathToFileURL(hook).href]);
      expect(text.status).to.equal(2);
      expect(text.stdout).to.include('\nFiles that could not be read (2):\n');
      expect(text.stdout).to.match(/\nChecked 4 reports/);
    });
  });

  it('a reader that goes away (| head -1, | true) keeps the exit code with workers', () => {
    const pipe = (args: string, reader: string) =>
      spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" validate ${args} | ${reader}; exit \${PIPESTATUS[0]}`], {
        encoding: 'utf8',
      });
    for (const format of ['text', 'json', 'csv']) {
      const r = pipe(`--format ${format} -j 3 "${FIXTURES}"`, 'true');
      expect(r.status, format).to.equal(1);
      expect(r.stderr).to.equal('');
    }
    const h = pipe(`-j 3 "${dir}"`, 'head -1');
    expect(h.status).to.equal(2);
    expect(h.stdout.split('\n')).to.have.length(2);
    expect(h.stderr).to.equal('');
  });

  it('Ctrl-C (SIGINT) during a run with workers ends the process', async () => {
    const child = spawn(process.execPath, [BIN, 'validate', '-j', '2', dir, dir, dir, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Once the workers are at work (the first file's result is printed).
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGINT');
    const { code, signal } = await ended;
    expect(signal ?? code).to.equal('SIGINT');
  });

  it('bad --jobs is bad usage (exit 2) in the language asked for', () => {
    for (const args of [['--jobs', '0'], ['-j', 'x'], ['--jobs=1.5'], ['-j', '-1'], ['--jobs', '65'], ['-j0']]) {
      const r = run(['validate', '--lang', 'en', ...args, FIXTURES]);
      expect(r.status, args.join(' ')).to.equal(2);
      expect(r.stdout).to.equal('');
      expect(r.stderr, args.join(' ')).to.match(
        /^disclosure-report: --jobs accepts a whole number from 1 to 64 \(got "[^"]*"\)\n\nUsage:/,
      );
    }
    expect(run(['validate', '--jobs']).stderr).to.match(/^disclosure-report: --jobs 需要一个值\n/);
    expect(run(['validate', '-j', '0', FIXTURES]).stderr).to.match(
      /^disclosure-report: --jobs 只接受 1 到 64 的整数（收到“0”）/,
    );
  });

  it('--help documents --jobs in both languages', () => {
    expect(run(['--help']).stdout).to.match(/--jobs N, -j N\s+同时检查 N 个文件/);
    expect(run(['--help', '--lang', 'en']).stdout).to.match(/--jobs N, -j N\s+check N files at a time/);
  });

  it('main() run from a script given as a string (node --input-type=module -e) checks with workers too', () => {
    const script = `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli.js')).href)};
process.exitCode = await main(process.argv.slice(1));`;
    const args = ['validate', '--json', join(OWN, 'report-ok.json'), join(FIXTURES, 'pdf/hongze-gov-2023.pdf')];
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ...args, '-j', '2'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stdout).to.equal(run([...args, '-j', '1']).stdout);
    expect(r.status, r.stdout).to.equal(1);
    expect(workerExecArgv(['--input-type', 'module', '--no-warnings', '-e', 'x', '--import=tsx'])).to.deep.equal([
      '--no-warnings',
      '--import=tsx',
    ]);
    expect(workerExecArgv(['--input-type=module', '--eval=x', '-p', 'y', '--max-old-space-size=900'])).to.deep.equal([
      '--max-old-space-size=900',
    ]);
  });

  it('the default: the cores available, at most 4; never more workers than files; one file in this thread', () => {
    expect(jobsFor(undefined, 1)).to.equal(1);
    expect(jobsFor(undefined, 0)).to.equal(1);
    expect(jobsFor(undefined, 1000)).to.be.within(1, 4);
    expect(jobsFor(8, 3)).to.equal(3);
    expect(jobsFor(8, 100)).to.equal(8);
    expect(jobsFor(1, 100)).to.equal(1);
  });
});
