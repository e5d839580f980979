#!/usr/bin/env node
// Import + validate throughput (reports/s on one core) for HTML pages and flattened text, and
// memory over a batch of 10,000 files through the CLI's validate command. Figures only.
// Needs the build (`npm run build`); `npm run bench` runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (typeof globalThis.gc !== 'function') {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

const root = new URL('../', import.meta.url);
const { importReport } = await import(new URL('dist/import.js', root));
const { validate, getLayout, gridCells, leafRows, TABLE_IDS } = await import(new URL('dist/rules.js', root));
const { renderStaticHtml } = await import(new URL('dist/static.js', root));
const { main } = await import(new URL('dist/cli.js', root));

const fixturesDir = fileURLToPath(new URL('test/fixtures/published/', root));
const texts = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(fixturesDir, f), 'utf8') }));

// Realistic 2021 reports with non-zero numbers (columns and totals add up), rendered as HTML.
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 4294967296);
}
function randomReport(seed, format = '2021') {
  const r = rng(seed);
  const n = (k) => Math.floor(r() * k);
  const layout = getLayout(format);
  const report = {
    schemaVersion: 1,
    format,
    year: format === '2021' ? 2023 : 2019,
    agency: { name: `某某市第${seed}局` },
    title: `某某市第${seed}局${format === '2021' ? 2023 : 2019}年政府信息公开工作年度报告`,
    publishedOn: `${format === '2021' ? 2024 : 2020}-01-20`,
    sections: {
      overview: `本年度共收到政府信息公开申请${n(900)}件，均在法定期限内答复。主动公开各类信息${n(5000)}条。`,
      problems: '政策解读形式还不够丰富。',
      other: '本年度未收取信息处理费。',
    },
  };
  for (const id of TABLE_IDS) {
    const obj = {};
    for (const grid of layout.tables[id].grids) {
      for (const cell of gridCells(grid)) {
        const keys = cell.path.split('.').slice(1);
        let o = obj;
        for (const k of keys.slice(0, -1)) o = o[k] ??= {};
        o[keys[keys.length - 1]] =
          cell.kind === 'money'
            ? `${n(9000)}.${1 + n(98)}`
            : cell.kind === 'amount'
              ? String(n(90000))
              : cell.kind === 'signed'
                ? n(20) - 10
                : n(300);
      }
    }
    report[id] = obj;
  }
  for (const row of leafRows(layout.tables.applications.grids[0].rows)) {
    let o = report.applications;
    for (const k of row.key.split('.')) o = o[k];
    o.total = o.natural + o.commercial + o.research + o.publicInterest + o.legalService + o.otherOrg;
  }
  return report;
}
const htmls = Array.from({ length: 50 }, (_, i) =>
  renderStaticHtml(randomReport(i + 1, i % 5 === 0 ? '2019' : '2021')),
);

async function throughput(label, inputs, withValidate = true, ms = 3000) {
  for (const s of inputs.slice(0, 5)) {
    const r = importReport(s);
    if (withValidate) await validate(r.report);
  }
  let n = 0;
  let bytes = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    const s = inputs[n % inputs.length];
    const r = importReport(s);
    if (withValidate && r.report) await validate(r.report);
    n++;
    bytes += s.length;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `  ${label.padEnd(44)} ${Math.round(n / s)
      .toString()
      .padStart(6)} reports/s   (${(bytes / s / 1e6).toFixed(1)} M chars/s, ${n} runs)`,
  );
  return n / s;
}

console.log('import + validate (one core, Node ' + process.version + ')');
// Warm up (JIT) on every input kind before measuring.
{
  const t = performance.now();
  const all = [...texts.map((x) => x.text), ...htmls];
  for (let i = 0; performance.now() - t < 1500; i++) await validate(importReport(all[i % all.length]).report);
}
const textRate = await throughput(
  'text fixtures (8 layouts), import + validate',
  texts.map((t) => t.text),
);
const pdf = texts.filter((t) => /pdf-text/.test(t.name)).map((t) => t.text);
await throughput('PDF text (3 fixtures), import + validate', pdf);
const glued = texts.filter((t) => /glued/.test(t.name)).map((t) => t.text);
await throughput('glued text (平潭), import + validate', glued, true, 1500);
const htmlRate = await throughput('HTML pages (renderStaticHtml), import + validate', htmls);
await throughput('HTML pages, import only', htmls, false);
await throughput(
  'text fixtures, import only',
  texts.map((t) => t.text),
  false,
);
console.log(
  `  target ≥ 500 reports/s: text ${textRate >= 500 ? 'met' : 'NOT met'}, HTML ${htmlRate >= 500 ? 'met' : 'NOT met'}`,
);

// PDF files (the two published PDFs, read with pdf.js: text, drawn borders, tables rebuilt).
const pdfDir = join(fixturesDir, 'pdf');
const pdfs = readdirSync(pdfDir)
  .filter((f) => f.endsWith('.pdf'))
  .map((f) => readFileSync(join(pdfDir, f)));
{
  const t = performance.now();
  await importReport(pdfs[0]);
  console.log(`  first PDF (loads pdf.js, once per process)       ${Math.round(performance.now() - t)} ms`);
  for (let i = 0; i < 4; i++) await validate((await importReport(pdfs[i % pdfs.length])).report);
  let n = 0;
  let bytes = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - t0 < 6000) {
    const b = pdfs[n % pdfs.length];
    const r = await importReport(b);
    if (r.report) await validate(r.report);
    n++;
    bytes += b.length;
  }
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rate = n / s;
  console.log(
    `  ${'PDF files (2 published, 5 pages), import + validate'.padEnd(44)} ${Math.round(rate).toString().padStart(6)} reports/s   (${(bytes / s / 1e6).toFixed(1)} MB/s, ${n} runs, ${((cpu.user + cpu.system) / 1000 / n).toFixed(0)} ms CPU each)`,
  );
  console.log(`  target ≥ 20 reports/s from PDF: ${rate >= 20 ? 'met' : 'NOT met'}`);
}

// Memory over a batch of 10,000 files through `disclosure-report validate` (in process).
const dir = mkdtempSync(join(tmpdir(), 'dr-bench-'));
const N = Number(process.argv[2] ?? 10000);
for (let i = 0; i < N; i++) {
  const ext = i % 2 ? 'html' : 'txt';
  writeFileSync(
    join(dir, `r${String(i).padStart(5, '0')}.${ext}`),
    i % 2 ? htmls[i % htmls.length] : texts[i % texts.length].text,
  );
}
const sink = { write: () => true, isTTY: false };
const samples = [];
let done = 0;
// Sample the heap while the command runs: every 1,000 files (after a forced GC).
const files = readdirSync(dir).sort();
const chunks = 10;
const per = Math.ceil(files.length / chunks);
globalThis.gc();
const base = process.memoryUsage();
const t0 = performance.now();
for (let c = 0; c < chunks; c++) {
  const part = files.slice(c * per, (c + 1) * per).map((f) => join(dir, f));
  if (!part.length) break;
  await main(['validate', '--json', ...part], { stdout: sink, stderr: sink });
  done += part.length;
  globalThis.gc();
  const m = process.memoryUsage();
  samples.push({ done, heap: m.heapUsed, rss: m.rss });
}
const secs = (performance.now() - t0) / 1000;
rmSync(dir, { recursive: true, force: true });
const mb = (b) => (b / 1048576).toFixed(1) + ' MB';
console.log(
  `\nmemory: ${N} files (half text fixtures, half HTML) through \`disclosure-report validate --json\`, ${chunks} runs of ${per}`,
);
console.log(
  `  ${Math.round(N / secs)} files/s including file reads; heap before ${mb(base.heapUsed)}, rss before ${mb(base.rss)}`,
);
for (const s of samples)
  console.log(
    `  after ${String(s.done).padStart(6)} files: heap ${mb(s.heap).padStart(9)}   rss ${mb(s.rss).padStart(9)}`,
  );
const first = samples[0];
const last = samples[samples.length - 1];
console.log(
  `  heap growth from the first to the last sample: ${mb(last.heap - first.heap)} (${((last.heap - first.heap) / Math.max(1, last.done - first.done) / 1024).toFixed(2)} KB per file)`,
);
