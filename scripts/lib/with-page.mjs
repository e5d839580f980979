// A dev server on the project root and a page in headless Chromium, for the benches (bench/*.mjs) and
// the screenshot scripts (scripts/screenshots*.mjs): one place that starts and stops both.
import puppeteer from 'puppeteer-core';
import { startDevServer } from '@web/dev-server';
import config from '../../web-dev-server.config.mjs';
import { chromePath, CHROME_ARGS } from '../ensure-chromium.mjs';

const root = new URL('../../', import.meta.url).pathname;

/**
 * Serve the project root on `port` (with the dev server's middleware: demo/editor.html and
 * demo/csp.html get `Content-Security-Policy: default-src 'self'`), launch headless Chromium with the
 * project's flags (`CHROME_ARGS`, plus `args`), open a page and run `fn(page, { browser, origin })`.
 * The browser and the server are stopped when `fn` ends, whether it returns or throws; its result is
 * returned. More pages: `browser.newPage()`.
 *
 * @template T
 * @param {{ port: number, args?: string[], protocolTimeout?: number }} options
 * @param {(page: import('puppeteer-core').Page, ctx: { browser: import('puppeteer-core').Browser, origin: string }) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withPage({ port, args = [], protocolTimeout }, fn) {
  const server = await startDevServer({
    config: { ...config, rootDir: root, port, open: false, watch: false },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: chromePath(),
      headless: true,
      args: [...CHROME_ARGS, ...args],
      ...(protocolTimeout ? { protocolTimeout } : {}),
    });
    const page = await browser.newPage();
    return await fn(page, { browser, origin: `http://localhost:${port}` });
  } finally {
    await browser?.close();
    await server.stop();
  }
}
