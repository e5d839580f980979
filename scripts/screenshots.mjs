#!/usr/bin/env node
// Screenshots of the demo pages in headless Chromium (puppeteer-core, Debian's /usr/bin/chromium),
// written to docs/screenshots/. Run after `npm run build`: `npm run screenshots`. Chinese text needs a
// CJK font on the machine (Debian: `apt-get install fonts-wqy-microhei`), or it renders as boxes.
import { mkdirSync } from 'node:fs';
import { withPage } from './lib/with-page.mjs';

const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });

/** One screenshot of the page at `path`, in a page of its own. */
async function shotIn(
  { browser, origin },
  name,
  path,
  { width = 1200, height = 900, fullPage = false, clip, action, javascript = true } = {},
) {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(javascript);
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle0' });
  if (javascript) {
    await page.waitForFunction(() => {
      const el = document.querySelector('disclosure-report');
      return el && (el.status === 'ready' || el.status === 'error');
    });
  }
  if (action) await action(page);
  const file = new URL(`${name}.png`, out).pathname;
  if (clip) {
    const box = await page.evaluate((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
    }, clip.selector);
    await page.screenshot({
      path: file,
      clip: {
        x: box.x,
        y: box.y + (clip.offset ?? 0),
        width: box.width,
        height: Math.min(clip.height ?? box.height, box.height),
      },
    });
  } else {
    await page.screenshot({ path: file, fullPage });
  }
  await page.close();
  console.log('wrote', file);
}

await withPage({ port: 8123, args: ['--font-render-hinting=none'] }, async (_page, ctx) => {
  const shot = (...args) => shotIn(ctx, ...args);
  await shot('seed-page', '/demo/index.html', { height: 1000 });
  await shot('seed-applications', '/demo/index.html', {
    clip: { selector: 'disclosure-report', offset: 1100, height: 1200 },
  });
  await shot('errors-summary', '/demo/errors.html', { clip: { selector: 'disclosure-report', height: 900 } });
  await shot('errors-explain', '/demo/errors.html', {
    action: async (page) => {
      await page.evaluate(() => document.querySelector('disclosure-report').focusCell('applications.total.natural'));
      await new Promise((r) => setTimeout(r, 200));
    },
    height: 1000,
  });
  await shot('format-2019', '/demo/format-2019.html', { clip: { selector: 'disclosure-report', height: 1400 } });
  await shot('english', '/demo/en.html', { clip: { selector: 'disclosure-report', height: 1000 } });
  await shot('narrow', '/demo/errors.html', {
    width: 390,
    height: 844,
    action: async (page) => {
      await page.evaluate(() => {
        const el = document.querySelector('disclosure-report');
        el.shadowRoot.querySelector('section[data-section="applications"]').scrollIntoView();
        el.shadowRoot
          .querySelectorAll('section[data-section="applications"] .scroll')
          .forEach((s) => (s.scrollLeft = 400));
      });
      await new Promise((r) => setTimeout(r, 100));
    },
  });
  await shot('csp', '/demo/csp.html', { height: 800 });
  await shot('no-javascript', '/demo/errors.html', {
    javascript: false,
    clip: { selector: 'disclosure-report', height: 900 },
  });
});
