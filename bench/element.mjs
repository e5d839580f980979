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
import puppeteer from 'puppeteer-core';
import { startDevServer } from '@web/dev-server';
import { rollup } from 'rollup';
import terser from '@rollup/plugin-terser';
import { plugins } from '../rollup.config.mjs';
import { chromePath } from '../scripts/ensure-chromium.mjs';

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

const port = 8190;
const server = await startDevServer({
  config: { rootDir: root.pathname, port, watch: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const browser = await puppeteer.launch({
  executablePath: chromePath(),
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${port}/demo/site.css`);
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
  const ms = (x) => x.toFixed(1) + ' ms';
  console.log(`  headless Chromium, 2021 report (${result.cells} value cells), ${runs} runs:`);
  console.log(
    `    connectedCallback → validated and rendered: median ${ms(result.connect[0])}, p90 ${ms(result.connect[1])} (target ≤ 50 ms)`,
  );
  console.log(
    `    re-render after .report changes:           median ${ms(result.rerender[0])}, p90 ${ms(result.rerender[1])} (target ≤ 10 ms)`,
  );
} finally {
  await browser.close();
  await server.stop();
}
