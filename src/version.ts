/**
 * The package version, read from package.json: the one place it is written. The bundles and the browser
 * tests never run this file: rollup.config.mjs and web-test-runner.config.mjs replace the module with
 * `export const VERSION = "<version>"` (scripts/version-module.mjs). Under Node (tsx, the shipped
 * `src/`) it reads package.json beside the `src` folder.
 */
import { readFileSync } from 'node:fs';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
