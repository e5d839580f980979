// src/version.ts replaced by a constant taken from package.json, for the bundles (a rollup plugin) and the
// browser tests (a web dev server plugin): neither ships or serves a package.json read.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const isVersionModule = (id) => /[\\/]src[\\/]version\.ts$/.test(id);
const code = `export const VERSION = ${JSON.stringify(pkg.version)};\n`;

/** Rollup: the module's text is the constant. */
export const versionForRollup = () => ({
  name: 'version',
  load: (id) => (isVersionModule(id) ? { code, map: null } : null),
});

/** @web/dev-server (test runner, demo server): the same module, served in place of the file. */
export const versionForDevServer = () => ({
  name: 'version',
  serve: (context) => (context.path === '/src/version.ts' ? { body: code, type: 'js' } : undefined),
});
