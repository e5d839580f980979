#!/usr/bin/env node
// `npm test`: build, then every test: Node (mocha: rules, importer, CLI), Chromium (web-test-runner:
// the same rule tests and the element), and the shared rules contract. Ends with one line
// "tests: N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const npx = (args) => ['npx', ['--no-install', ...args]];

// The shared rules contract (the workplace's tools folder beside the checkout, as CI lays it out) is
// run in addition when it is there; a clone with nothing beside it runs every other test and says in
// one line that the contract was skipped.
const CONTRACT = '../shared/tools/contract/rules-contract.mjs';
const hasContract = existsSync(CONTRACT);

const stages = [
  { name: 'chromium', cmd: [process.execPath, ['scripts/ensure-chromium.mjs']] },
  { name: 'build', cmd: ['npm', ['run', '--silent', 'build']] },
  {
    name: 'size ceilings',
    cmd: [process.execPath, ['scripts/sizes.mjs']],
    count: (out) => [last(out, /sizes: (\d+) passed/), last(out, /sizes: \d+ passed, (\d+) failed/)],
  },
  { name: 'lint', cmd: ['npm', ['run', '--silent', 'lint']] },
  { name: 'typecheck', cmd: ['npm', ['run', '--silent', 'typecheck']] },
  { name: 'node', cmd: npx(['mocha']), count: (out) => [last(out, /(\d+) passing/), last(out, /(\d+) failing/)] },
  {
    name: 'chromium tests',
    cmd: npx(['wtr']),
    count: (out) => [last(out, /(\d+) passed, \d+ failed/), last(out, /\d+ passed, (\d+) failed/)],
  },
  hasContract && {
    name: 'rules contract',
    cmd: [process.execPath, [CONTRACT]],
    count: (out) => [
      last(out, /rules contract: (\d+)\/\d+/),
      last(out, /rules contract: \d+\/(\d+)/) - last(out, /rules contract: (\d+)\/\d+/),
    ],
  },
].filter(Boolean);

/** The number in the last match of `re` in `text` (0 when none). */
function last(text, re) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes in the runners' output
  const plain = text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const all = [...plain.matchAll(new RegExp(re.source, 'g'))];
  return all.length ? Number(all[all.length - 1][1]) : 0;
}

function run({ cmd: [bin, args] }) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

let passed = 0;
let failed = 0;
for (const stage of stages) {
  console.log(`\n=== ${stage.name} ===`);
  const { code, out } = await run(stage);
  if (stage.count) {
    const [p, f] = stage.count(out);
    passed += p;
    failed += f;
  }
  if (code !== 0) {
    failed += stage.count ? 0 : 1;
    console.log(`\n${stage.name} failed (exit ${code})`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
if (!hasContract)
  console.log(
    `\nrules contract skipped: ${CONTRACT} is not beside this checkout (CI lays it out; a plain clone has none)`,
  );
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
