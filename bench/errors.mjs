#!/usr/bin/env node
// Error location on large, broken JSON text (issue 12.1): parseReport and validate(text) on reports of
// 1, 5 and 20 MB with an error in every extra row of table 三 (a label that is not text), and with every
// count written as 1e400. Time must grow linearly with the size. Prints figures; asserts nothing.
// Needs the build (`npm run build`); `npm run bench` runs it. BENCH_ERROR_SIZES=1,5 limits the sizes (MB).
import { readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const { parseReport, validate } = await import(new URL('dist/rules.js', root));
const base = JSON.parse(readFileSync(new URL('test/fixtures/bayannur-gxj-2021.json', root), 'utf8'));
const sizes = (process.env.BENCH_ERROR_SIZES || '1,5,20').split(',').map(Number);

const row = (i) => ({ label: i, values: ['第一项说明文字', i, 2, 3, 4, 5, 6] });
const withRows = (n) => {
  const report = structuredClone(base);
  report.applications.extras = Array.from({ length: n }, (_, i) => row(i + 100000));
  return JSON.stringify(report, null, 2);
};
const rowChars = (withRows(1000).length - withRows(0).length) / 1000;

/** A report of about `mb` MB (in UTF-16 code units): extra rows, each with one schema error (a label that is a number), pretty-printed. */
function document(mb, { infinite = false } = {}) {
  const rows = Math.round((mb * 1048576 - withRows(0).length) / rowChars);
  let text = withRows(rows);
  // Every count of the three tables written as 1e400 (JSON.parse reads Infinity; NUM shows it as written).
  if (infinite) {
    for (const table of ['proactive', 'applications', 'appeals']) {
      const start = text.indexOf(`"${table}": {`);
      const end = table === 'applications' ? text.indexOf('"extras"', start) : text.indexOf('\n  }', start);
      text = text.slice(0, start) + text.slice(start, end).replace(/": \d+/g, '": 1e400') + text.slice(end);
    }
  }
  return { text, rows };
}

const time = async (fn) => {
  const t0 = performance.now();
  const out = await fn();
  return { ms: performance.now() - t0, out };
};

console.log(`\n## error location (one core, Node ${process.version})`);
{
  // The reproduction of issue 12.1: 10,000 bad extra rows in 1.3 MB of minified JSON (was 60–86 s).
  const report = structuredClone(base);
  report.applications.extras = Array.from({ length: 10000 }, (_, i) => ({
    label: i,
    values: [
      '第一项说明文字第一项说明文字',
      i,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      11,
      12,
      13,
      14,
      15,
      16,
      17,
      18,
      19,
      20,
      21,
      22,
    ],
  }));
  const text = JSON.stringify(report);
  const p = await time(() => parseReport(text));
  console.log(
    `parseReport, ${p.out.errors.length} errors in ${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB (UTF-8) of minified JSON: ${p.ms.toFixed(0)} ms (target < 1 s)`,
  );
}
console.log('size      errors   parseReport     validate(text)  findings');
for (const mb of sizes) {
  for (const infinite of [false, true]) {
    const { text, rows } = document(mb, { infinite });
    const p = await time(() => parseReport(text, { locale: 'en' }));
    const v = await time(() => validate(text, { locale: 'en' }));
    const located = p.out.errors.filter((e) => e.line !== undefined).length;
    console.log(
      `${(text.length / 1048576).toFixed(1).padStart(5)} MB ${String(p.out.errors.length).padStart(8)}` +
        `   ${p.ms.toFixed(0).padStart(7)} ms    ${v.ms.toFixed(0).padStart(7)} ms    ${v.out.findings.length}` +
        `  (${rows} extra rows${infinite ? ', every count 1e400' : ''}; ${located} errors located)`,
    );
  }
}
