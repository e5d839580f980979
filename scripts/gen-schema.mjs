#!/usr/bin/env node
// Writes schema/report.schema.json from the zod schema (via the built ./rules entry).
// `--check` exits 1 when the committed file differs from what the schema generates.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { reportJsonSchema } from '../src/model/json-schema.ts';

const file = new URL('../schema/report.schema.json', import.meta.url);
const text = JSON.stringify(reportJsonSchema(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current !== text) {
    console.error('schema/report.schema.json is stale: run `npm run build` (it regenerates the file) and commit it.');
    process.exit(1);
  }
} else {
  mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
  writeFileSync(file, text);
}
