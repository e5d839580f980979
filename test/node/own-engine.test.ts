/**
 * Developers who run the rule files bring their own json-rules-engine and call registerFacts (the
 * engine the package bundles is not exported). The example of rules/README.md runs as written, and
 * such an engine fails the same rules, with the same failing checks, as validate().
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Engine } from 'json-rules-engine';
import { registerFacts, validate, type Finding } from '../../src/rules/index.js';
import { PROSE_RULES } from '../../src/rules/prose.js';
import { importReport } from '../../src/import/index.js';
import { consistentReport, rng, setPath, allRows, COLS, clone } from '../helpers/reports.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (p: string) => readFileSync(root + p, 'utf8');
const huaian = () => {
  const {
    expectedFailures: _f,
    mustPass: _p,
    textClaims: _t,
    ...report
  } = JSON.parse(read('test/fixtures/published/expected/huaian-gov-2024-pdf-text.json'));
  return report;
};

describe('your own json-rules-engine with registerFacts', () => {
  it('the bundled engine is not exported: no entry has createEngine', async function () {
    const entries = { rules: 'rules/index.js', import: 'import/index.js', static: 'render/static.js' };
    for (const [name, file] of Object.entries(entries)) {
      const mod = await import(`../../src/${file}`);
      expect(Object.keys(mod), name).not.to.include('createEngine');
    }
    if (!existsSync(root + 'dist/types')) this.skip();
    for (const file of ['rules/index.d.ts', 'rules/engine.d.ts', 'index.d.ts'])
      expect(read('dist/types/src/' + file), file).not.to.match(/createEngine|RulesEngine\b/);
  });

  it('the example of rules/README.md runs as written and prints what its last comment says', function () {
    if (!existsSync(root + 'dist/rules.js')) this.skip();
    const readme = read('rules/README.md');
    const m = /<!-- example:own-engine -->\n```js\n([\s\S]*?)```/.exec(readme);
    expect(m, 'the marked example in rules/README.md').to.not.equal(null);
    const code = m![1]!;
    const said = /\/\/ (.*)\n$/.exec(code)![1]!;
    // The report of the README's example: 淮安 2024 with its （七）总计 one too high for 自然人.
    const prelude =
      `import { readFileSync } from 'node:fs';\n` +
      `const { expectedFailures, mustPass, textClaims, ...report } = JSON.parse(readFileSync(${JSON.stringify(
        root + 'test/fixtures/published/expected/huaian-gov-2024-pdf-text.json',
      )}, 'utf8'));\n` +
      `report.applications.total.natural += 1; report.applications.total.total += 1;\n` +
      `const lastYear = null;\n`;
    // Run from the repository root: 'disclosure-report/rules' resolves to dist/ through the package's own
    // exports map (a package may import itself by name), json-rules-engine from node_modules.
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', prelude + code], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out.trim()).to.equal(said.trim());
  });

  it('fails the same rules with the same failing checks as validate(): published reports and random ones, with and without last year', async () => {
    const engine = new Engine();
    registerFacts(engine as never, [PROSE_RULES]);
    for (const f of readdirSync(root + 'rules').filter((f) => f.endsWith('.json')))
      engine.addRule(JSON.parse(read('rules/' + f)));

    const reports: Array<{ name: string; report: unknown; previous?: unknown }> = [];
    for (const f of readdirSync(root + 'test/fixtures/published').filter((f) => f.endsWith('.txt'))) {
      const { report } = importReport(read('test/fixtures/published/' + f));
      if (report) reports.push({ name: f, report });
    }
    expect(reports.length).to.be.at.least(7);
    reports.push({ name: 'huaian expected', report: huaian() });
    const r = rng(7);
    for (let i = 0; i < 120; i++) {
      const format = r() < 0.5 ? '2019' : '2021';
      const rep = consistentReport({ format, seed: i + 1, scale: 1 + Math.floor(r() * 300) });
      const rows = allRows(format === '2019' ? 'row' : 'group');
      for (let k = Math.floor(r() * 4); k > 0; k--) {
        const v = [null, -1, 1.5, 7, '-', 3][Math.floor(r() * 6)];
        setPath(rep, `applications.${rows[Math.floor(r() * rows.length)]}.${COLS[Math.floor(r() * 7)]}`, v);
      }
      if (r() < 0.3) rep.agency = { name: 'x', tier: 'county' };
      const previous = r() < 0.3 ? clone(consistentReport({ format, seed: i + 500, year: rep.year - 1 })) : undefined;
      reports.push({ name: `random ${i}`, report: rep, previous });
    }

    let fired = 0;
    for (const { name, report, previous } of reports) {
      const { events, results } = await engine.run(previous ? { report, previous } : { report });
      const ours = await validate(report, { packs: [PROSE_RULES], ...(previous ? { previous } : {}) });
      const failures = ours.findings.filter((x: Finding) => x.status === 'fail' && x.rule !== 'SCHEMA');
      expect(events.map((e) => e.type).sort(), name).to.deep.equal([...new Set(failures.map((x) => x.rule))].sort());
      // The failing checks, rule by rule, as cells and expected/actual values.
      const theirs = results.flatMap((rr) =>
        (rr.conditions as unknown as { all: Array<{ factResult?: { outcomes?: Array<Record<string, unknown>> } }> }).all
          .flatMap((c) => c.factResult?.outcomes ?? [])
          .filter((o) => o['status'] === 'fail')
          .map((o) => `${rr.name} ${(o['cells'] as string[]).join(',')} ${o['expected'] ?? ''} ${o['actual'] ?? ''}`),
      );
      const mine = failures.map((x) => `${x.rule} ${x.cells.join(',')} ${x.expected ?? ''} ${x.actual ?? ''}`);
      expect(theirs.sort(), name).to.deep.equal(mine.sort());
      fired += events.length;
    }
    expect(fired, 'some rules fired').to.be.greaterThan(50);
  });
});
