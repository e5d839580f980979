#!/usr/bin/env node
// `npm run bench`: every benchmark of the project, one after another. Figures only, no assertions.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const benches = ['rules.mjs', 'errors.mjs', 'import.mjs', 'cli-jobs.mjs', 'element.mjs', 'editor.mjs']
  .map((f) => new URL(f, import.meta.url).pathname)
  .filter(existsSync);
let failed = 0;
for (const file of benches) {
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
