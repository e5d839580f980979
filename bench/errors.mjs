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

/** A report of about `mb` MB: `rows` extra rows, each with one schema error (label 7), pretty-printed. */
function document(mb, { infinite = false } = {}) {
  const report = structuredClone(base);
  const row = (i) => ({ label: i, values: ['第一项说明文字', i, 2, 3, 4, 5, 6] });
  const rowBytes = JSON.stringify(row(100000), null, 2).length + 8;
  const rows = Math.round((mb * 1024 * 1024) / rowBytes);
  report.applications.extras = Array.from({ length: rows }, (_, i) => row(i));
  let text = JSON.stringify(report, null, 2);
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
