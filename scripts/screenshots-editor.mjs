#!/usr/bin/env node
// Screenshots of the editor demo (demo/editor.html, served with CSP default-src 'self') in headless
// Chromium, written to docs/screenshots/editor-*.png. Run after `npm run build` (part of
// `npm run screenshots`). Needs a Chinese font (Debian: fonts-wqy-microhei).
import { withPage } from './lib/with-page.mjs';

const out = (name) => new URL(`../docs/screenshots/${name}.png`, import.meta.url).pathname;
const editor = (page, fn, arg) => page.evaluate(fn, arg);
await withPage({ port: 8124, args: ['--font-render-hinting=none'] }, async (page, { origin }) => {
  await page.setViewport({ width: 1200, height: 1000, deviceScaleFactor: 1 });
  await page.goto(`${origin}/demo/editor.html`, { waitUntil: 'networkidle0' });
  // from last year's report: 二、上年结转 carried over; a few cells typed, one total offered, one error
  await page.click('#from-last');
  await editor(page, () => document.querySelector('disclosure-report-editor').whenValidated());
  const type = async (path, text) => {
    await editor(page, (p) => document.querySelector('disclosure-report-editor').focusCell(p), path);
    await page.keyboard.type(text);
  };
  const parts = {
    natural: '31',
    commercial: '6',
    research: '1',
    publicInterest: '0',
    legalService: '2',
    otherOrg: '1',
  };
  for (const [col, v] of Object.entries(parts)) await type(`applications.newReceived.${col}`, v);
  await type('applications.granted.natural', '20');
  await type('applications.total.natural', '29');
  await type('applications.newReceived.total', '40'); // the rows add up to 41: a mark, and the offer
  await editor(page, () => document.querySelector('disclosure-report-editor').whenValidated());
  await editor(page, () => {
    const el = document.querySelector('disclosure-report-editor');
    el.shadowRoot.querySelector('section[data-section="applications"]').scrollIntoView();
    window.scrollBy(0, -20);
  });
  await new Promise((r) => setTimeout(r, 200));
  await page.screenshot({ path: out('editor-live') });
  console.log('wrote', out('editor-live'));
  // the summary with the errors, after a submit attempt
  await page.click('button[type="submit"]');
  await editor(page, () => {
    const el = document.querySelector('disclosure-report-editor');
    el.shadowRoot.querySelector('.summary').scrollIntoView();
    window.scrollBy(0, -80);
  });
  await new Promise((r) => setTimeout(r, 200));
  await page.screenshot({ path: out('editor-submit') });
  console.log('wrote', out('editor-submit'));
});
