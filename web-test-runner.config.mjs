import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import rollupAlias from '@rollup/plugin-alias';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromePath, CHROME_ARGS } from './scripts/ensure-chromium.mjs';
import { readFile } from 'node:fs/promises';
import { cspMiddleware } from './web-dev-server.config.mjs';
import { versionForDevServer } from './scripts/version-module.mjs';
import { ENGINE_STANDINS, STANDINS, STANDIN_FILES } from './rollup.config.mjs';

const root = new URL('.', import.meta.url);

/**
 * JSON files fetched as data (the element's `src`, `previous-src`) must reach the browser as they are,
 * not as the JS modules that the esbuild plugin makes of imported .json: `?raw` (and everything under
 * test/browser/fixtures/) is served verbatim as application/json.
 */
async function rawJson(ctx, next) {
  if (
    ctx.path.endsWith('.json') &&
    !ctx.path.includes('..') &&
    (ctx.query.raw !== undefined ||
      ctx.path.startsWith('/test/browser/fixtures/') ||
      ctx.path.startsWith('/demo/data/'))
  ) {
    // ?delay=ms: a slow server (loads cut off by a newer load or by removing the element)
    if (ctx.query.delay) await new Promise((r) => setTimeout(r, Math.min(5000, Number(ctx.query.delay) || 0)));
    try {
      ctx.body = await readFile(new URL('.' + decodeURIComponent(ctx.path), root));
      ctx.type = 'application/json';
      return;
    } catch {
      ctx.status = 404;
      return;
    }
  }
  return next();
}

const commonjs = fromRollup(rollupCommonjs);
const alias = fromRollup(rollupAlias);

export default {
  files: ['test/rules/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  mimeTypes: { '**/*.cjs': 'js', '**/*.json': 'js' },
  middleware: [rawJson, cspMiddleware],
  plugins: [
    versionForDevServer(),
    esbuildPlugin({
      ts: true,
      json: true,
      target: 'es2022',
      tsconfig: new URL('./tsconfig.json', import.meta.url).pathname,
    }),
    // json-rules-engine as the bundles have it: its dependencies replaced by build/json-rules-engine-standins
    alias({
      entries: [
        ...Object.entries(STANDIN_FILES).map(([find, file]) => ({ find, replacement: `${STANDINS}/${file}` })),
        ...ENGINE_STANDINS.map((name) => ({ find: `./${name}`, replacement: `${STANDINS}/${name}.cjs` })),
      ],
    }),
    commonjs({
      strictRequires: false,
      include: ['**/node_modules/json-rules-engine/**', '**/build/json-rules-engine-standins/*.cjs'],
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath(),
        headless: true,
        args: [...CHROME_ARGS],
      },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
};
