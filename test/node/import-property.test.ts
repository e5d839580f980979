/**
 * Issue 11.6, property: for random cuts, line insertions and cell edits of the published fixtures,
 * every number in the imported report appears whole in the input (glued text: inside one of its
 * digit runs), and every cell whose value changed is named by a diagnostic.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import fc from 'fast-check';
import { importReport } from '../../src/import/index.js';
import { getLayout, gridCells } from '../../src/model/layout.js';
import type { Json } from './import-helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/published/', import.meta.url));
const NAMES = [
  'bayannur-gxj-2021.txt',
  'hanyang-office-2022-pipe-cells.partial.txt',
  'hongze-gov-2023-pdf-text.txt',
  'hongze-gov-2024-pdf-text.txt',
  'huaian-gov-2024-pdf-text.txt',
  'longgang-dept-2024-pipe-rows.partial.txt',
  'pingtan-2019-glued.txt',
  'xinghua-town-2023-blank-lines.partial.txt',
];
const TEXTS = Object.fromEntries(NAMES.map((n) => [n, readFileSync(FIXTURES + n, 'utf8')]));
const BASE = Object.fromEntries(NAMES.map((n) => [n, importReport(TEXTS[n]!).report as Json]));

/** Every cell of the report's layout with its value (absent tables: undefined). */
function cells(report: Json): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!report) return out;
  const shape = report.applications?.otherHandling && 'natural' in report.applications.otherHandling ? 'row' : 'group';
  for (const t of Object.values(getLayout(report.format, shape).tables))
    for (const g of t.grids)
      for (const c of gridCells(g))
        out.set(
          c.path,
          c.path.split('.').reduce((o: Json, k) => o?.[k], report),
        );
  return out;
}

const canon = (v: string) =>
  v
    .replace(/^0+(?=\d)/, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
/** The numbers written in a text, as canonical decimal strings; glued text: its digit runs. */
function numbersIn(text: string): { tokens: Set<string>; runs: string } {
  const t = text.normalize('NFKC').replace(/(\d),(?=\d{3})/g, '$1');
  return { tokens: new Set((t.match(/\d+(?:\.\d+)?/g) ?? []).map(canon)), runs: t.replace(/[^\d.]+/g, ' ') };
}

function check(name: string, input: string, changedOk = true, edited?: string) {
  const { report, diagnostics } = importReport(input);
  const r = report as Json;
  if (!r) return;
  const { tokens, runs } = numbersIn(input);
  const glued = r.source?.layout === 'glued';
  const now = cells(r);
  for (const [path, v] of now) {
    if (v === null || v === undefined) continue;
    const s = canon(String(typeof v === 'object' ? (v as Json).value : v));
    if (glued) expect(runs, `${path} = ${s} is in a digit run of the input`).to.include(s);
    else expect(tokens.has(s), `${path} = ${s} appears whole in the input`).to.equal(true);
  }
  if (!changedOk) return;
  const named = new Set(diagnostics.flatMap((d) => d.cells ?? []));
  const before = cells(BASE[name]);
  if (r.format !== BASE[name].format) return; // another layout: nothing to compare cell by cell
  for (const [path, v] of before) {
    const w = now.get(path);
    if (JSON.stringify(v ?? null) === JSON.stringify(w ?? null)) continue;
    // the edited cell itself, read as edited
    if (edited !== undefined && w !== null && w !== undefined && canon(String(w)) === canon(edited.normalize('NFKC')))
      continue;
    expect(
      named.has(path),
      `${name}: ${path} changed (${JSON.stringify(v)} → ${JSON.stringify(w)}) without a diagnostic naming it`,
    ).to.equal(true);
  }
}

// (a number inserted among the cells is a cell of the text: the random cell edits cover numbers)
const JUNK = ['lorem ipsum', '说明', '（注）', '|', '', '第 3 页', '二、', '合计', 'x', '- 2 -'];

describe('importReport property: never a number that is not in the input; every change named', function () {
  this.timeout(120000);

  it('the fixtures as published: every number is in the input', () => {
    for (const n of NAMES) check(n, TEXTS[n]!, false);
  });

  it('random cuts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.double({ min: 0.2, max: 1, noNaN: true }), (name, f) => {
        const text = TEXTS[name]!;
        check(name, text.slice(0, Math.floor(text.length * f)), false);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('random line insertions', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.nat(), fc.constantFrom(...JUNK), (name, at, junk) => {
        const lines = TEXTS[name]!.split('\n');
        const k = at % (lines.length + 1);
        check(name, [...lines.slice(0, k), junk, ...lines.slice(k)].join('\n'));
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('random cell edits (a number replaced by another, a blank, a marker or text)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.nat(),
        fc.constantFrom('7', '', '-', '12 3', 'x', '１２', '4.5', '99999'),
        (name, at, by) => {
          const text = TEXTS[name]!;
          const nums = [...text.matchAll(/(?<![\d.])\d+(?![\d.])/g)];
          const m = nums[at % nums.length]!;
          check(name, text.slice(0, m.index) + by + text.slice(m.index! + m[0].length), true, by);
        },
      ),
      { numRuns: 200, seed: 13 },
    );
  });
});
