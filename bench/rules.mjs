#!/usr/bin/env node
// Rules benchmark: validation throughput of a 2021 report with realistic non-zero numbers (淮安市人民政府
// 2024, hand-checked expectation in test/fixtures/published), through json-rules-engine and rules/*.json,
// side by side with the same rules on a default-configured json-rules-engine; the same report with the
// importer's prose pack (TEXT, LABEL); and the min+gzip size of the ./rules entry bundled with its
// dependencies. Prints figures; asserts nothing.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import jre from 'json-rules-engine';
import { validate, runRules, RULES, OUTCOME_FACTS, GATE_FACTS, OPERATORS } from '../dist/rules.js';
import { plugins } from '../rollup.config.mjs';
import { importReport, PROSE_RULES } from '../dist/import.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS || 2);

function realisticReport() {
  // 淮安市人民政府 2024 as published (PDF text), imported: real numbers in every table and its own
  // prose, so every rule, TEXT included, works on what a real report holds.
  const file = root + 'test/fixtures/published/huaian-gov-2024-pdf-text.txt';
  if (!existsSync(file)) throw new Error(`bench input missing: ${file}`);
  const { report } = importReport(readFileSync(file, 'utf8'));
  delete report.source;
  return report;
}

/** Distinct objects (deep copies with a few numbers varied), so nothing can be cached by identity. */
function variants(base, n) {
  return Array.from({ length: n }, (_, i) => {
    const r = structuredClone(base);
    r.applications.granted.natural += i % 3;
    r.applications.granted.total += i % 3;
    r.applications.total.natural += i % 3;
    r.applications.total.total += i % 3;
    r.applications.newReceived.natural += i % 3;
    r.applications.newReceived.total += i % 3;
    return r;
  });
}

async function rate(name, fn, inputs) {
  for (let i = 0; i < 2000; i++) await fn(inputs[i % inputs.length]);
  let n = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 200; i++) await fn(inputs[n++ % inputs.length]);
  }
  const perSec = n / ((performance.now() - t0) / 1000);
  return { name, perSec, usPer: 1e6 / perSec };
}

function defaultEngine() {
  // json-rules-engine exactly as documented: default options, facts added with default options
  // (the almanac caches fact values by a hash of their params), the same rule files.
  const engine = new jre.Engine();
  for (const [id, fn] of Object.entries({ ...OUTCOME_FACTS, ...GATE_FACTS })) engine.addFact(id, fn);
  engine.addFact('previous', null);
  for (const [name, op] of Object.entries(OPERATORS)) engine.addOperator(name, op);
  for (const r of RULES) if (!JSON.stringify(r.conditions).includes('previous:')) engine.addRule(r);
  return engine;
}

async function rulesBundleSize() {
  const bundle = await rollup({
    input: root + 'src/rules/index.ts',
    plugins: plugins({ minify: true }),
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'esm', inlineDynamicImports: true });
  const code = output[0].code;
  return { min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length };
}

export async function benchRules() {
  const base = realisticReport();
  const check = await validate(base);
  const inputs = variants(base, 64);
  const engine = defaultEngine();
  const packs = [PROSE_RULES];
  const rows = [
    await rate('validate() (schema check + rules + messages)', (r) => validate(r), inputs),
    await rate('rules only: runRules() on the project engine', (r) => runRules(r, null), inputs),
    await rate('same rules, default-configured json-rules-engine', (r) => engine.run({ report: r }), inputs),
    await rate('validate() with the prose pack (TEXT, LABEL)', (r) => validate(r, { packs }), inputs),
  ];
  const size = await rulesBundleSize();
  console.log(`\n## rules (${seconds}s per figure, one core, Node ${process.version})`);
  console.log(
    `input: ${base.agency.name} ${base.year}, 2021 format; findings on it: ${check.findings.length} (${check.summary.errors} errors), ${check.summary.checked} checks`,
  );
  for (const r of rows)
    console.log(
      `${r.name.padEnd(52)} ${Math.round(r.perSec).toString().padStart(7)} reports/s  ${r.usPer.toFixed(1).padStart(6)} µs/report`,
    );
  console.log(
    `ratio project engine : default engine (rules only)        ${(rows[1].perSec / rows[2].perSec).toFixed(2)}x`,
  );
  console.log(
    `./rules entry bundled with its dependencies: ${(size.min / 1024).toFixed(1)} KB min, ${(size.gz / 1024).toFixed(1)} KB min+gzip (target ≤ 25 KB)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRules();
