#!/usr/bin/env node
// <disclosure-report> benchmark (prints figures, asserts nothing). Run after `npm run build`:
//   node bench/element.mjs [--runs 60]
// 1. min+gzip size of the script-tag bundles (dist/disclosure-report.iife.js, .js), with the share of
//    the rules package and of lit (each bundled alone, same plugins).
// 2. In headless Chromium (puppeteer-core, Debian's /usr/bin/chromium): from connectedCallback to a
//    validated, fully rendered 2021 report with realistic numbers (the `disclosure-report-validated`
//    event fires after the render), and the re-render after `.report` is replaced. Medians.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';
import { plugins } from '../rollup.config.mjs';
import { withPage } from '../scripts/lib/with-page.mjs';

const ms = (x) => x.toFixed(1) + ' ms';
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 60;
const root = new URL('../', import.meta.url);
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

console.log('<disclosure-report> bench');
for (const file of ['dist/disclosure-report.iife.js', 'dist/disclosure-report.js']) {
  const code = readFileSync(new URL(file, root));
  console.log(`  ${file}: ${kb(code.length)} min, ${kb(gz(code))} min+gzip (target ≤ 35 KB for the IIFE)`);
}
const dir = mkdtempSync(join(new URL('node_modules/', root).pathname, '.dr-bench-')); // inside the project, so bare imports resolve
for (const [name, source] of Object.entries({
  'rules (validate, explainCell; no zod: the bundle leaves parseReport to the npm entries)': `export { validate, explainCell } from ${JSON.stringify(new URL('src/rules/index.ts', root).pathname)};`,
  lit: `export { LitElement, html, css, nothing } from 'lit'; export { property, state } from 'lit/decorators.js';`,
})) {
  const input = join(dir, 'entry.js');
  writeFileSync(input, source);
  const b = await rollup({ input, plugins: plugins(), onwarn() {} });
  const { output } = await b.generate({
    format: 'esm',
    inlineDynamicImports: true,
    plugins: [terser({ module: true, compress: { passes: 2 }, format: { comments: false } })],
  });
  console.log(`    of which ${name}: ${kb(gz(output[0].code))} min+gzip when bundled alone`);
}
rmSync(dir, { recursive: true, force: true });

await withPage({ port: 8190, protocolTimeout: 600000 }, async (page, { browser, origin }) => {
  await page.goto(`${origin}/demo/site.css`);
  await page.addScriptTag({ url: '/dist/disclosure-report.iife.js' });
  const report = JSON.parse(readFileSync(new URL('demo/data/example-2022.json', root), 'utf8'));
  const result = await page.evaluate(
    async (report, runs) => {
      const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
      const validated = (el) =>
        new Promise((r) => el.addEventListener('disclosure-report-validated', r, { once: true }));
      const connect = [];
      const rerender = [];
      let cells = 0;
      for (let i = 0; i < runs + 5; i++) {
        const el = document.createElement('disclosure-report');
        el.report = structuredClone(report);
        const done = validated(el);
        const t0 = performance.now();
        document.body.append(el);
        await done;
        void document.body.offsetHeight; // laid out, not only in the DOM
        const t1 = performance.now();
        cells = el.shadowRoot.querySelectorAll('td[data-path]').length;
        const next = structuredClone(report);
        next.applications.granted.natural += i % 2; // every other run has findings to mark
        const again = validated(el);
        const t2 = performance.now();
        el.report = next;
        await again;
        void document.body.offsetHeight;
        const t3 = performance.now();
        el.remove();
        if (i >= 5) {
          connect.push(t1 - t0);
          rerender.push(t3 - t2);
        }
      }
      return { connect: [median(connect), p90(connect)], rerender: [median(rerender), p90(rerender)], cells };
    },
    report,
    runs,
  );
  console.log(`  headless Chromium, 2021 report (${result.cells} value cells), ${runs} runs:`);
  console.log(
    `    connectedCallback → validated and rendered: median ${ms(result.connect[0])}, p90 ${ms(result.connect[1])} (target ≤ 50 ms)`,
  );
  console.log(
    `    re-render after .report changes:           median ${ms(result.rerender[0])}, p90 ${ms(result.rerender[1])} (target ≤ 10 ms)`,
  );

  // 3. A large report (issue 12 item 2): 96,000 rows outside the template in table 二, about 5 MB,
  //    loaded by `src`. Time until ready, the longest main-thread task (PerformanceObserver
  //    'longtask'), then a language switch, and renderStaticHtml of the same report in Node.
  const large = structuredClone(report);
  large.applications.extras = Array.from({ length: 96000 }, (_, i) => ({
    label: `其他情况第${i + 1}项`,
    values: [i % 7, 1, 0, 2, null, 3, 4, 10],
  }));
  const largeText = JSON.stringify(large);
  const largeFile = join(new URL('node_modules/', root).pathname, '.dr-bench-large.json');
  writeFileSync(largeFile, largeText);
  try {
    const page2 = await browser.newPage();
    await page2.goto(`${origin}/demo/site.css`);
    await page2.addScriptTag({ url: '/dist/disclosure-report.iife.js' });
    const big = await page2.evaluate(async (url) => {
      const tasks = [];
      new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration))).observe({
        type: 'longtask',
        buffered: false,
      });
      const settle = () => new Promise((r) => setTimeout(r, 300));
      const el = document.createElement('disclosure-report');
      el.setAttribute('src', url);
      const t0 = performance.now();
      document.body.append(el);
      const status = await el.whenReady();
      void document.body.offsetHeight;
      const ready = performance.now() - t0;
      await settle();
      const loadTasks = tasks.splice(0);
      const rows = el.shadowRoot.querySelectorAll('table.extras tbody tr').length;
      const t1 = performance.now();
      el.lang = 'en';
      await el.whenReady();
      void document.body.offsetHeight;
      const lang = performance.now() - t1;
      await settle();
      const langTasks = tasks.splice(0);
      const more = el.shadowRoot.querySelector('p.more button');
      let reveal = 0;
      let revealTasks = [];
      if (more) {
        const t2 = performance.now();
        more.click();
        await el.updateComplete;
        void document.body.offsetHeight;
        reveal = performance.now() - t2;
        await settle();
        revealTasks = tasks.splice(0);
      }
      const max = (xs) => (xs.length ? Math.max(...xs) : 0);
      return {
        status,
        ready,
        lang,
        reveal,
        rows,
        load: max(loadTasks),
        langMax: max(langTasks),
        revealMax: max(revealTasks),
      };
    }, '/node_modules/.dr-bench-large.json');
    console.log(`  large report by src (${(largeText.length / 1e6).toFixed(1)} MB, 96,000 extra rows in table 二):`);
    console.log(
      `    until ${big.status}: ${ms(big.ready)}, longest task ${ms(big.load)} (target: no task over 200 ms); extra rows rendered: ${big.rows}`,
    );
    console.log(`    language switch: ${ms(big.lang)}, longest task ${ms(big.langMax)}`);
    if (big.reveal) console.log(`    "show more" extra rows: ${ms(big.reveal)}, longest task ${ms(big.revealMax)}`);
  } finally {
    rmSync(largeFile, { force: true });
  }
  const { renderStaticHtml } = await import('../dist/static.js');
  const t0 = performance.now();
  const htmlText = renderStaticHtml(large);
  const t1 = performance.now();
  const bare = renderStaticHtml(large, { embedJson: false });
  console.log(
    `    renderStaticHtml of it (Node): ${(t1 - t0).toFixed(0)} ms, ${(htmlText.length / 1e6).toFixed(2)} MB with the embedded JSON, ${(bare.length / 1e3).toFixed(0)} KB of HTML without it`,
  );
});
