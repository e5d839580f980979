#!/usr/bin/env node
// `disclosure-report validate` over a folder of PDFs, as a supervising office runs it: reports/s (wall
// time, the CLI spawned as a user runs it, process start included) with --jobs 1 and with the default
// (the cores available, at most 4). The two published PDF fixtures, copied to N files (default 100).
// Figures only. Needs the build (`npm run build`); `npm run bench` runs it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const pdfDir = fileURLToPath(new URL('test/fixtures/published/pdf/', root));
const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf'));
const N = Number(process.argv[2] ?? 100);

const dir = mkdtempSync(join(tmpdir(), 'dr-bench-jobs-'));
for (let i = 0; i < N; i++)
  copyFileSync(join(pdfDir, pdfs[i % pdfs.length]), join(dir, `r${String(i).padStart(4, '0')}.pdf`));

// The CLI as the bin runs it, with the process's CPU time (every thread) reported on stderr at the end.
const cli = new URL('dist/cli.js', root).href;
const wrapper = `import { main } from ${JSON.stringify(cli)};
const code = await main(process.argv.slice(1));
const c = process.cpuUsage();
process.stderr.write('\\ncpu ' + (c.user + c.system) / 1e6 + '\\n');
process.exitCode = code;`;

function run(jobs) {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      wrapper,
      'validate',
      '--format',
      'csv',
      ...(jobs ? ['--jobs', String(jobs)] : []),
      dir,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 1 && r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  const cpu = Number(/cpu ([\d.]+)\n$/.exec(r.stderr)?.[1]);
  return { s, cpu, out: r.stdout };
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(
  `\nCLI validate, ${N} PDF files (${pdfs.join(', ')} repeated), wall time including process start; ${availableParallelism()} cores, load average before: ${load()}`,
);
let one;
for (const [label, jobs] of [
  ['--jobs 1 (one thread)', 1],
  [`default (--jobs ${Math.min(4, availableParallelism())})`, undefined],
]) {
  const { s, cpu, out } = run(jobs);
  if (one === undefined) one = out;
  else if (out !== one) console.log('  OUTPUT DIFFERS from --jobs 1');
  const rate = N / s;
  console.log(
    `  ${label.padEnd(28)} ${rate.toFixed(1).padStart(6)} reports/s   (${s.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU: ${((cpu / N) * 1000).toFixed(0)} ms a file, ${(cpu / s).toFixed(2)} cores busy)${jobs === 1 ? '' : `   target ≥ 20 reports/s: ${rate >= 20 ? 'met' : 'NOT met'}`}`,
  );
}
console.log(`  load average after: ${load()}`);
console.log(
  '  (the machine is shared: "cores busy" below the jobs means the cores were taken by other work; a CPU-bound\n' +
    '  run can reach at most cores / CPU-per-file reports/s)',
);
rmSync(dir, { recursive: true, force: true });
