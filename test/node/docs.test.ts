/**
 * docs/ is the domain reference of the repository: it must cover what the code knows (every label of
 * both formats, every rule id), and nothing in the repository may point outside it.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APPLICATIONS_NOTE,
  FORMATS,
  REPORT_TITLE,
  SECTIONS,
  TABLE_IDS,
  getLayout,
  type ColumnNode,
  type RowNode,
  type Text,
} from '../../src/model/layout.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (p: string) => readFileSync(join(root, p), 'utf8');

function layoutLabels(): Text[] {
  const out: Text[] = [REPORT_TITLE, APPLICATIONS_NOTE, ...SECTIONS.map((s) => s.heading)];
  const walk = (nodes: readonly (ColumnNode | RowNode)[] | null) => {
    for (const n of nodes ?? []) {
      if (n.label) out.push(n.label);
      walk(n.children ?? null);
    }
  };
  for (const format of FORMATS)
    for (const shape of ['row', 'group'] as const)
      for (const id of TABLE_IDS)
        for (const g of getLayout(format, shape).tables[id].grids) {
          for (const t of [g.caption, g.corner]) if (t) out.push(t);
          walk(g.columns);
          walk(g.rows);
        }
  return out;
}

describe('docs/', () => {
  it('glossary.md gives every label of both formats with the English the project renders', () => {
    const glossary = read('docs/glossary.md');
    const labels = layoutLabels();
    expect(labels.length).to.be.greaterThan(80);
    const missing = labels.filter((t) => !glossary.includes(`| ${t.zh} | ${t.en} |`)).map((t) => `${t.zh} → ${t.en}`);
    expect(missing).to.deep.equal([]);
  });

  it('format.md §6 lists every rule id of rules/ with its severity', () => {
    const format = read('docs/format.md');
    const section = format.slice(format.indexOf('## 6. Constraints'), format.indexOf('## 7.'));
    for (const f of readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.json'))) {
      const rule = JSON.parse(read('rules/' + f));
      const row = section.split('\n').find((l) => l.startsWith(`| ${rule.name} |`));
      expect(row, rule.name).to.be.a('string');
      expect(row!.trim().endsWith(`| ${rule.event.params.severity} |`), `${rule.name} severity`).to.equal(true);
    }
  });

  it('format.md keeps the section numbers the code cites (§1 … §8)', () => {
    const headings = [...read('docs/format.md').matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(headings).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('no tracked file points outside the repository for the domain, and relative Markdown links resolve', function () {
    if (!existsSync(join(root, '.git'))) this.skip();
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(
        (f) =>
          f && /\.(ts|mjs|js|cjs|json|md)$/.test(f) && !f.startsWith('test/fixtures/') && f !== 'package-lock.json',
      );
    const outside: string[] = [];
    const broken: string[] = [];
    for (const f of files) {
      if (!existsSync(join(root, f))) continue;
      const text = read(f);
      text.split('\n').forEach((line, i) => {
        // The optional shared rules contract (scripts/test.mjs, npm run test:contract) is the one exception.
        if (/(^|[^\w-])(FORMAT|REPORT-JSON|GLOSSARY)\.md|shared\/domain/.test(line)) outside.push(`${f}:${i + 1}`);
        if (/\.\.\/shared\//.test(line) && !/shared\/tools\/contract/.test(line)) outside.push(`${f}:${i + 1}`);
      });
      if (f.endsWith('.md'))
        for (const m of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
          const target = m[1]!;
          if (/^[a-z]+:/i.test(target)) continue;
          if (!existsSync(join(root, dirname(f), target))) broken.push(`${f} → ${target}`);
        }
    }
    expect(outside, 'references outside the repository').to.deep.equal([]);
    expect(broken, 'broken relative links').to.deep.equal([]);
  });
});
