import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  startNew,
  setCell,
  cellValue,
  parseCellInput,
  formatCellInput,
  moveFrom,
  pasteTargets,
  parseTsv,
  offers,
  inputGrids,
  positionOf,
} from '../../src/editor/model.js';
import { History } from '../../src/editor/history.js';
import { DraftStore, draftKey, type StorageLike } from '../../src/editor/drafts.js';
import { getLayout, layoutCells } from '../../src/model/layout.js';
import { validate } from '../../src/rules/index.js';

const seed = JSON.parse(readFileSync(new URL('../fixtures/bayannur-gxj-2021.json', import.meta.url), 'utf8'));
const L2021 = getLayout('2021');

describe('editor model: startNew', () => {
  it('a blank 2021 report: every cell present and null, nothing turned into 0', async () => {
    const r = startNew({ year: 2025, agency: '某某市某某局' });
    expect(r.format).to.equal('2021');
    expect(r.title).to.equal('某某市某某局2025年政府信息公开工作年度报告');
    const cells = layoutCells(L2021);
    expect(cells.length).to.be.greaterThan(100);
    for (const c of cells) expect(cellValue(r, c.path), c.path).to.equal(null);
    const { findings } = await validate(r);
    expect(findings.filter((f) => f.rule === 'SCHEMA')).to.deep.equal([]);
  });

  it('carries last year’s 结转下年度 into 二、上年结转 per column, only whole numbers', () => {
    const previous = setCell(
      setCell(seed, 'applications.carriedForward.natural', 3),
      'applications.carriedForward.research',
      '-',
    );
    const r = startNew({ year: 2022, agency: 'x', previous });
    expect(cellValue(r, 'applications.carriedOver.natural')).to.equal(3);
    expect(cellValue(r, 'applications.carriedOver.research')).to.equal(null);
    expect(cellValue(r, 'applications.carriedOver.total')).to.equal(
      (seed.applications.carriedForward.total as number | null) ?? null,
    );
  });
});

describe('editor model: cell input', () => {
  const cases: [string, string, unknown][] = [
    ['', 'count', null],
    ['   ', 'count', null],
    ['12', 'count', 12],
    [' １２ ', 'count', 12],
    ['1,234', 'count', 1234],
    ['0', 'count', 0],
    ['1.5', 'count', '1.5'],
    ['abc', 'count', 'abc'],
    ['24252.311082', 'money', '24252.311082'],
    ['0.30000000000000000001', 'money', '0.30000000000000000001'],
    ['12', 'money', 12],
    ['9007199254740993', 'count', '9007199254740993'],
    ['-3', 'signed', -3],
  ];
  for (const [text, kind, want] of cases)
    it(`"${text}" in a ${kind} cell → ${JSON.stringify(want)}`, () =>
      expect(parseCellInput(text, kind as 'count')).to.deep.equal(want));

  it('round trip: what is shown is read back as the same value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.constant(null), fc.constantFrom('1.25', '0.001', 'x')), (v) => {
        expect(parseCellInput(formatCellInput(v), 'money')).to.deep.equal(v);
      }),
    );
  });

  it('never throws and never produces a number that was not typed', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = parseCellInput(s);
        if (typeof v === 'number')
          expect(s.replace(/[,，\s]/g, '').replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10))).to.contain(
            String(v),
          );
      }),
    );
  });
});

describe('editor model: moving and pasting', () => {
  const p = (path: string) => positionOf(L2021, path);
  it('arrows stay in the table and continue above/below; Tab walks every cell', () => {
    expect(moveFrom(L2021, 'applications.newReceived.natural', 'right')).to.equal(
      'applications.newReceived.commercial',
    );
    expect(moveFrom(L2021, 'applications.newReceived.natural', 'left')).to.equal(undefined);
    expect(moveFrom(L2021, 'applications.newReceived.natural', 'down')).to.equal('applications.carriedOver.natural');
    expect(moveFrom(L2021, 'applications.carriedForward.natural', 'down')).to.equal('appeals.reconsideration.upheld');
    const all = layoutCells(L2021).map((c) => c.path);
    let at: string | undefined = all[0];
    const seen = [at];
    while ((at = moveFrom(L2021, at!, 'next'))) seen.push(at);
    expect(seen).to.deep.equal(all);
    expect(p('appeals.litigationAfterReconsideration.total')).to.deep.include({ row: 0 });
  });

  it('a block pasted from Excel fills right and down from the focused cell, cut at the table edge', () => {
    const block = parseTsv('1\t2\t3\r\n4\t5\t6\r\n');
    expect(block).to.deep.equal([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    const { targets, outside } = pasteTargets(L2021, 'applications.newReceived.legalService', block);
    expect(targets.map((t) => t.path)).to.deep.equal([
      'applications.newReceived.legalService',
      'applications.newReceived.otherOrg',
      'applications.newReceived.total',
      'applications.carriedOver.legalService',
      'applications.carriedOver.otherOrg',
      'applications.carriedOver.total',
    ]);
    expect(outside).to.equal(0);
    expect(pasteTargets(L2021, 'applications.newReceived.total', block).outside).to.equal(4);
  });

  it('TSV: quoted cells, empty cells, no trailing empty row', () => {
    expect(parseTsv('"a\tb"\t\t"say ""hi"""\n')).to.deep.equal([['a\tb', '', 'say "hi"']]);
    expect(parseTsv('1\t\t3')).to.deep.equal([['1', '', '3']]);
    expect(parseTsv('')).to.deep.equal([]);
    expect(parseTsv('"unclosed\t1')).to.deep.equal([['"unclosed', '1']]);
  });

  it('TSV parsing never throws and keeps every character outside quotes', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const rows = parseTsv(s);
        if (!s.includes('"'))
          expect(rows.map((r) => r.join('\t')).join('\n')).to.equal(s.replace(/\r\n?/g, '\n').replace(/\n$/, ''));
      }),
    );
  });

  it('input grids are rectangles of the layout cells', () => {
    const n = inputGrids(L2021).reduce((a, g) => a + g.cells.flat().length, 0);
    expect(n).to.equal(layoutCells(L2021).length);
  });
});

describe('editor model: offers for total cells', () => {
  it('offers the sum of a row for its 总计 only when every part is a number, and not when it already holds', () => {
    let r = startNew({ year: 2025 });
    expect(offers(r)).to.deep.equal([]);
    for (const c of ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'])
      r = setCell(r, `applications.newReceived.${c}`, 1);
    const o = offers(r).find((x) => x.path === 'applications.newReceived.total');
    expect(o).to.deep.equal({ path: 'applications.newReceived.total', value: '6', rule: 'T3-COL' });
    r = setCell(r, 'applications.newReceived.total', 6);
    expect(offers(r).find((x) => x.path === 'applications.newReceived.total')).to.equal(undefined);
    r = setCell(r, 'applications.newReceived.total', 7); // typed by the user: offered, never written
    expect(offers(r).find((x) => x.path === 'applications.newReceived.total')?.value).to.equal('6');
    expect(cellValue(r, 'applications.newReceived.total')).to.equal(7);
  });

  it('with last year’s report, 现行有效 is offered as last year’s + 制发 − 废止 (X-INFORCE)', () => {
    const previous = setCell(seed, 'proactive.regulations.inForce', 10);
    let r = startNew({ year: 2022, previous });
    r = setCell(setCell(r, 'proactive.regulations.issued', 2), 'proactive.regulations.repealed', 1);
    const o = offers(r, previous).find((x) => x.path === 'proactive.regulations.inForce');
    expect(o).to.deep.equal({ path: 'proactive.regulations.inForce', value: '11', rule: 'X-INFORCE' });
    expect(offers(r).find((x) => x.path === 'proactive.regulations.inForce')).to.equal(undefined);
  });

  it('table 四 totals (T4-SUM)', () => {
    let r = startNew({ year: 2025 });
    for (const c of ['upheld', 'corrected', 'other', 'pending']) r = setCell(r, `appeals.reconsideration.${c}`, 2);
    expect(offers(r).find((x) => x.path === 'appeals.reconsideration.total')?.value).to.equal('8');
  });
});

describe('editor: history', () => {
  it('undoes and redoes whole steps; a new change clears redo', () => {
    const h = new History();
    h.push([{ path: 'a', before: null, after: 1 }]);
    h.push([
      { path: 'b', before: null, after: 2 },
      { path: 'c', before: 5, after: 5 },
    ]);
    expect(h.undo()).to.deep.equal([{ path: 'b', before: 2, after: null }]);
    expect(h.redo()).to.deep.equal([{ path: 'b', before: null, after: 2 }]);
    h.undo();
    h.push([{ path: 'd', before: null, after: 4 }]);
    expect(h.canRedo).to.equal(false);
    expect(h.undo()).to.deep.equal([{ path: 'd', before: 4, after: null }]);
    expect(h.undo()).to.deep.equal([{ path: 'a', before: 1, after: null }]);
    expect(h.undo()).to.equal(undefined);
  });
});

describe('editor: drafts', () => {
  const memory = (): StorageLike & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
  };
  it('saves, loads and discards a draft by key', () => {
    const m = memory();
    const store = new DraftStore(m);
    const r = startNew({ year: 2025, agency: 'A' });
    expect(draftKey(r)).to.equal('A|2025');
    expect(store.save('k', r, new Date('2026-01-05T08:00:00Z'))).to.equal(true);
    expect(store.load('k')).to.deep.equal({ report: r, savedAt: '2026-01-05T08:00:00.000Z' });
    store.discard('k');
    expect(store.load('k')).to.equal(undefined);
  });
  it('a scope keeps the drafts and the last key of one editor apart from every other', () => {
    const m = memory();
    let scope: string | undefined = '/admin#0';
    const store = new DraftStore(m, () => scope);
    expect(store.save('|2025', { a: 1 })).to.equal(true);
    scope = '/admin#1';
    expect(store.lastKey()).to.equal(undefined);
    expect(store.load('|2025')).to.equal(undefined);
    store.save('|2025', { b: 2 });
    expect(store.load('|2025')!.report).to.deep.equal({ b: 2 });
    scope = '/admin#0';
    expect(store.lastKey()).to.equal('|2025');
    expect(store.load('|2025')!.report).to.deep.equal({ a: 1 });
    store.discard('|2025');
    expect(store.lastKey()).to.equal(undefined);
    scope = '/admin#1';
    expect(store.lastKey()).to.equal('|2025');
    // no scope: the host's own key (storage-key), as written
    scope = undefined;
    store.save('k', { c: 3 });
    expect(m.data.has('disclosure-report-editor:k')).to.equal(true);
    expect([...m.data.keys()].sort()).to.deep.equal([
      'disclosure-report-editor:/admin#1 |2025',
      'disclosure-report-editor:k',
      'disclosure-report-editor:~last',
      'disclosure-report-editor:~last /admin#1',
    ]);
  });
  it('storage that throws or is corrupted is reported, never thrown', () => {
    const full: StorageLike = {
      getItem: () => '{not json',
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    const store = new DraftStore(full);
    expect(store.save('k', {})).to.equal(false);
    expect(store.load('k')).to.equal(undefined);
    expect(new DraftStore(undefined).save('k', {})).to.equal(false);
  });
});
