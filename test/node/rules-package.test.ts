import { expect } from 'chai';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Engine } from 'json-rules-engine';
import { registerFacts, validate, RULES } from '../../src/rules/index.js';
import { PROSE_RULES } from '../../src/rules/prose.js';
import { reportJsonSchema } from '../../src/model/json-schema.js';
import { consistentReport } from '../helpers/reports.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ruleFiles = readdirSync(root + 'rules').filter((f) => f.endsWith('.json'));

describe('rules/*.json: plain JSON rule files', () => {
  it('each file is plain JSON with an id, a severity and zh-CN and en messages', () => {
    expect(ruleFiles.length).to.be.at.least(10);
    for (const f of ruleFiles) {
      const rule = JSON.parse(readFileSync(root + 'rules/' + f, 'utf8'));
      expect(rule.name, f).to.equal(f.replace(/\.json$/, ''));
      expect(rule.event.type).to.equal(rule.name);
      expect(['error', 'warning', 'info']).to.include(rule.event.params.severity);
      for (const [variant, t] of Object.entries(rule.messages as Record<string, Record<string, string>>)) {
        expect(t['zh-CN'], `${f} ${variant}`).to.be.a('string').and.not.empty;
        expect(t['en'], `${f} ${variant}`).to.be.a('string').and.not.empty;
      }
      expect(JSON.stringify(rule.conditions)).not.to.match(/\$\.|=>|function|eval/);
    }
  });

  it('the library loads every rule file (none left out of the table rules or the prose pack)', () => {
    const loaded = [...RULES, ...PROSE_RULES.rules].map((r) => r.name + '.json');
    expect(loaded.sort()).to.deep.equal(ruleFiles.filter((f) => !f.startsWith('_')).sort());
  });

  it('another json-rules-engine host (default configuration) runs the files after registerFacts, with the same outcome', async () => {
    const engine = new Engine();
    registerFacts(engine as never, [PROSE_RULES]);
    for (const f of ruleFiles) engine.addRule(JSON.parse(readFileSync(root + 'rules/' + f, 'utf8')));
    const rep = consistentReport({ seed: 21 });
    rep.applications.total.natural += 1;
    rep.appeals.litigationDirect.total = null;
    const { events } = await engine.run({ report: rep });
    const ours = await validate(rep, { packs: [PROSE_RULES] });
    const failed = [...new Set(ours.findings.filter((x) => x.status === 'fail').map((x) => x.rule))].sort();
    expect(events.map((e) => e.type).sort()).to.deep.equal(failed);
    expect(failed).to.deep.equal(['BLANK', 'T3-BAL', 'T3-COL', 'T3-TOTAL']);
  });
});

describe('schema/report.schema.json', () => {
  it('is generated from the zod schema and up to date', () => {
    const file = root + 'schema/report.schema.json';
    expect(existsSync(file), 'run npm run build').to.equal(true);
    expect(readFileSync(file, 'utf8')).to.equal(JSON.stringify(reportJsonSchema(), null, 2) + '\n');
  });

  it('its patterns hold in Python, Java and PCRE too: ASCII digits only, no match before a final newline; dates are real dates', () => {
    const schema = JSON.parse(readFileSync(root + 'schema/report.schema.json', 'utf8'));
    const patterns = new Set<string>();
    const dates: unknown[] = [];
    const walk = (n: any) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        if (typeof n.pattern === 'string') patterns.add(n.pattern);
        if (n.format === 'date') dates.push(n);
        Object.values(n).forEach(walk);
      }
    };
    walk(schema);
    expect(patterns.size).to.equal(2);
    expect(dates.length).to.equal(2); // publishedOn in each format
    // Those engines: \d matches any script's digits, $ also matches before a final newline.
    const asElsewhere = (p: string) => new RegExp(p.replace(/\\d/g, '\\p{Nd}').replace(/\$$/, '(?=\\n?$)'), 'u');
    for (const p of patterns) {
      for (const re of [new RegExp(p, 'u'), asElsewhere(p)]) {
        for (const bad of [
          '1.5\n',
          '\u0663',
          '1\u0663',
          '2024-01-01\n',
          '2023-02-29',
          '1900-02-29',
          '2024-13-01',
          '2024-04-31',
        ])
          expect(re.test(bad), `${p} ${JSON.stringify(bad)}`).to.equal(false);
      }
    }
    const [money, date] = [...patterns].sort((a, b) => a.length - b.length).map((p) => asElsewhere(p));
    for (const ok of ['0', '12', '7730.28', '24252.311082']) expect(money!.test(ok), ok).to.equal(true);
    for (const ok of ['2024-02-29', '2000-02-29', '2023-12-31', '2022-01-13'])
      expect(date!.test(ok), ok).to.equal(true);
  });
});

describe('schema/report.schema.json for validators outside JS', () => {
  const schema = JSON.parse(readFileSync(root + 'schema/report.schema.json', 'utf8'));
  const at = (format: string, path: string) => {
    let n = schema.$defs[`report${format}`];
    for (const k of path.split('.')) n = n?.properties?.[k];
    return n;
  };

  it('chooses the format by if/then on `format` (errors are located in that format, not one error at the root of a oneOf)', () => {
    expect(schema.oneOf).to.equal(undefined);
    expect(schema.properties.format).to.deep.equal({ enum: ['2019', '2021'] });
    expect(schema.allOf).to.deep.equal(
      ['2019', '2021'].map((f) => ({
        if: { properties: { format: { const: f } }, required: ['format'] },
        then: { $ref: `#/$defs/report${f}` },
      })),
    );
    expect(at('2021', 'format')).to.deep.include({ const: '2021' });
    expect(at('2019', 'proactive.regulations.made')).to.exist;
  });

  it('a nullable count is one type list with its bound (a -1 is "less than the minimum of 0" at its path), labelled with its official names', () => {
    const cell = at('2021', 'applications.granted.natural');
    expect(cell).to.deep.include({ type: ['integer', 'null'], minimum: 0 });
    expect(cell.anyOf).to.equal(undefined);
    expect(cell.description).to.equal('（一）予以公开 · 自然人 / (1) Granted · Natural persons');
    // every cell, also in both shapes of （六）其他处理 (an anyOf)
    const undescribed: unknown[] = [];
    const walk = (n: any) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        if (Array.isArray(n.type) && n.type.includes('integer') && !n.description) undescribed.push(n);
        Object.values(n).forEach(walk);
      }
    };
    walk(schema);
    expect(undescribed).to.deep.equal([]);
    const other = at('2021', 'applications.otherHandling');
    expect(
      other.anyOf.map(
        (b: any) => b.properties.natural?.description ?? b.properties.other.properties.natural.description,
      ),
    ).to.have.members([
      '（六）其他处理 · 自然人 / (6) Other handling · Natural persons',
      '3.其他 · 自然人 / 3. Other · Natural persons',
    ]);
    expect(at('2019', 'proactive.regulations.made').description).to.match(
      /^规章 · 本年新制作数量 \/ Government rules · /,
    );
  });
});

describe('the ./rules entry after `npm run build`', () => {
  it('a Node script can import { validate, parseReport } from "disclosure-report/rules"', () => {
    const script = `import { validate, parseReport } from 'disclosure-report/rules';
      const r = await validate({ schemaVersion: 1, format: '2021', year: 2022, appeals: { reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 2 } } });
      console.log(JSON.stringify({ t4: r.findings.filter(f => f.rule === 'T4-SUM' && f.status === 'fail').length, parse: parseReport('{').ok }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).to.deep.equal({ t4: 1, parse: false });
  });

  it('does not import lit or touch the DOM', () => {
    const pkg = JSON.parse(readFileSync(root + 'package.json', 'utf8'));
    const entry = root + pkg.exports['./rules'].default;
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      // json-rules-engine's debug switch reads window.localStorage.debug inside a try/catch: that one is allowed.
      const code = readFileSync(file, 'utf8').replace(/window\.localStorage/g, '');
      expect(code, file).not.to.match(/from ['"]lit|@lit\/|customElements|document\.|window\.|HTMLElement/);
      for (const m of code.matchAll(
        /^(?:import|export)\b[^;]*?from\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/gm,
      )) {
        visit(new URL((m[1] ?? m[2])!, 'file://' + file).pathname);
      }
    };
    visit(entry);
    expect(seen.size).to.be.at.least(1);
  });
});
