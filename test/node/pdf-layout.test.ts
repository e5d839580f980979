/**
 * Rebuilding tables and paragraphs from PDF pages (src/import/pdf-layout.ts), on pages built by
 * hand: the grid kinds publishers draw (merged cells, missing outer borders, text slightly outside
 * its box, tables continued on the next page, page numbers and running headers), without pdf.js.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { findTables, layoutPages } from '../../src/import/pdf-layout.js';
import { importReport } from '../../src/import/index.js';
import { column, grid, hline, justified, page, paragraphsOf, tablesOf, text, vline } from './pdf-helpers.js';

describe('PDF layout: tables from drawn borders', () => {
  it('a plain ruled grid gives one row per band, cells left to right', () => {
    const xs = [50, 200, 260, 320, 380];
    const ys = [100, 120, 140];
    const glyphs = [
      ...text('行政许可', 55, 114),
      ...text('550', 210, 114),
      ...text('3', 270, 114),
      ...text('7', 330, 114),
      ...text('行政处罚', 55, 134),
      ...text('4119', 205, 134),
      ...text('0', 270, 134),
    ];
    const { html, tables } = layoutPages([page(glyphs, grid(xs, ys))]);
    expect(tables).to.equal(1);
    expect(tablesOf(html)).to.deep.equal([
      [
        ['行政许可', '550', '3', '7'],
        ['行政处罚', '4119', '0', ''],
      ],
    ]);
  });

  it('merged cells: a group label over several rows once, in its first row; a header over two columns once', () => {
    const xs = [50, 80, 200, 260, 320];
    const ys = [100, 120, 140, 160, 180];
    // Row 0: header "申请人情况" over the two value columns; column 0 rows 1–3 one merged cell.
    const segs = grid(xs, ys, ['v:0,2', 'h:1,0', 'h:2,0', 'v:0,0']);
    const glyphs = [
      ...text('申请人情况', 215, 114),
      ...column('三、本年度', 60, 130, 8),
      ...text('（一）予以公开', 85, 134),
      ...text('5', 230, 134),
      ...text('6', 290, 134),
      ...text('（二）部分公开', 85, 154),
      ...text('7', 230, 154),
      ...text('8', 290, 154),
      ...text('（三）不予公开', 85, 174),
      ...text('9', 230, 174),
      ...text('10', 290, 174),
    ];
    const rows = tablesOf(layoutPages([page(glyphs, segs)]).html)[0]!;
    expect(rows).to.deep.equal([
      ['申请人情况'],
      ['三、本年度', '（一）予以公开', '5', '6'],
      ['（二）部分公开', '7', '8'],
      ['（三）不予公开', '9', '10'],
    ]);
  });

  it('a wrapped row label and a one-character-per-line group label are joined into their cells', () => {
    const xs = [50, 70, 200, 260];
    const ys = [100, 150];
    const glyphs = [
      ...column('三、本年度办理结果', 55, 105, 5),
      ...text('（二）部分公开（区分处理的，只计这一情', 72, 115, 6),
      ...text('形，不计其他情形）', 72, 125, 6),
      ...text('4', 230, 120),
    ];
    expect(tablesOf(layoutPages([page(glyphs, grid(xs, ys))]).html)).to.deep.equal([
      [['三、本年度办理结果', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '4']],
    ]);
  });

  it('vertical writing (a vertical font) reads top to bottom', () => {
    const xs = [50, 70, 130];
    const ys = [100, 220];
    const glyphs = [...column('三、本年度办理结果', 55, 110, 10, true), ...text('21', 100, 160)];
    expect(tablesOf(layoutPages([page(glyphs, grid(xs, ys))]).html)).to.deep.equal([[['三、本年度办理结果', '21']]]);
  });

  it('outer borders left out (no left/right rule, no rule under the last row at a page break) are taken from the other lines', () => {
    const xs = [50, 200, 260, 320];
    const ys = [100, 120, 140];
    // Only the inner vertical rules and the horizontal rules above rows: a table "open" on three sides.
    const segs = [hline(50, 320, 100), hline(50, 320, 120), vline(200, 100, 140), vline(260, 100, 140)];
    const glyphs = [...text('行政许可', 55, 114), ...text('1', 230, 114), ...text('2', 290, 114)];
    glyphs.push(...text('行政处罚', 55, 134), ...text('3', 230, 134), ...text('4', 290, 134));
    const tables = findTables(segs);
    expect(tables).to.have.length(1);
    expect(tables[0]!.xs.map(Math.round)).to.deep.equal([50, 200, 260, 320]);
    expect(tables[0]!.ys.map(Math.round)).to.deep.equal([100, 120, 140]);
    expect(tablesOf(layoutPages([page(glyphs, segs)]).html)).to.deep.equal([
      [
        ['行政许可', '1', '2'],
        ['行政处罚', '3', '4'],
      ],
    ]);
    void xs;
    void ys;
  });

  it('text slightly outside its cell box (over the rule, past the table edge) goes to the nearest cell', () => {
    const xs = [50, 200, 260];
    const ys = [100, 120];
    // "12" starts 1 pt left of its cell; "行政许可" baseline sits on the bottom rule.
    const glyphs = [...text('行政许可', 55, 121.5), ...text('12', 199, 114)];
    expect(tablesOf(layoutPages([page(glyphs, grid(xs, ys))]).html)).to.deep.equal([[['行政许可', '12']]]);
  });

  it('rules drawn in pieces (one per cell), slightly misaligned, and doubled are one grid', () => {
    const segs = [
      hline(50, 120, 100),
      hline(120.4, 200, 100.6),
      hline(50, 200, 119.2),
      hline(50, 200, 120.3),
      hline(50, 120, 140),
      hline(121, 200, 140),
      vline(50, 100, 140),
      vline(120.5, 100, 120.2),
      vline(119.8, 120.2, 140),
      vline(200, 100, 140),
    ];
    const t = findTables(segs);
    expect(t).to.have.length(1);
    expect(t[0]!.cells).to.have.length(4);
  });

  it('a frame around text (one cell) is not a table, and two separate tables stay two', () => {
    const frame = grid([50, 500], [100, 160]);
    expect(findTables(frame)).to.deep.equal([]);
    const two = [...grid([50, 100, 150], [100, 120]), ...grid([50, 100, 150], [200, 220, 240])];
    expect(findTables(two)).to.have.length(2);
  });

  it('a table continued on the next page: rows in order, the repeated empty group cell left out', () => {
    const xs = [50, 80, 200, 260];
    const p1 = page(
      [
        ...text('三、收到和处理政府信息公开申请情况', 50, 80),
        ...column('三、本年', 60, 715, 8),
        ...text('1.属于国家秘密', 85, 714),
        ...text('1', 230, 714),
        ...text('2.其他法律行政法规禁止公开', 85, 734, 6),
        ...text('0', 230, 734),
        ...text('- 3 -', 280, 800),
      ],
      // No rule under the last row: the table goes on.
      [hline(50, 260, 700), hline(80, 260, 720), vline(50, 700, 740), vline(80, 700, 740)].concat(
        [200, 260].map((x) => vline(x, 700, 740)),
      ),
    );
    const p2 = page(
      [
        ...text('度办理结果', 52, 60, 5),
        ...text('3.危及“三安全一稳定”', 85, 64),
        ...text('2', 230, 64),
        ...text('- 4 -', 280, 800),
      ],
      [hline(50, 260, 70), ...[50, 80, 200, 260].map((x) => vline(x, 50, 70))],
    );
    const { html, linePages } = layoutPages([p1, p2]);
    expect(tablesOf(html)).to.deep.equal([
      [
        ['三、本年', '1.属于国家秘密', '1'],
        ['2.其他法律行政法规禁止公开', '0'],
      ],
      [['度办理结果', '3.危及“三安全一稳定”', '2']],
    ]);
    expect(html).to.not.match(/- [34] -/);
    // Every line of the HTML knows its page.
    expect(linePages[0]).to.equal(1);
    expect(linePages[linePages.length - 1]).to.equal(2);
    void xs;
  });

  it('an empty label-area cell between a row label and its numbers is no data cell (a blank data column is)', () => {
    const xs = [50, 130, 200, 260, 320];
    const ys = [100, 120, 140];
    const segs = grid(xs, ys, ['v:0,0']);
    const glyphs = [
      ...text('（一）予以公开', 55, 114),
      ...text('5', 230, 114),
      ...text('6', 290, 114),
      ...text('（六）其他处理', 55, 134),
      ...text('0', 230, 134),
      // column 3 blank in this row: a blank data cell, kept
    ];
    expect(tablesOf(layoutPages([page(glyphs, segs)]).html)).to.deep.equal([
      [
        ['（一）予以公开', '5', '6'],
        ['（六）其他处理', '0', ''],
      ],
    ]);
  });
});

describe('PDF layout: a table row cut by a page break', () => {
  const xs = [50, 200, 260, 320];
  /**
   * Two pages: a table whose last row (label, two numbers) is `a`, at the foot of page 1, open below,
   * and on page 2 a table whose first row is `b`, then a row "3.其他 | 8 | 9". Both pages carry the
   * header "某某局年报" and a page number; `between` adds a line at the top of page 2.
   */
  function pages(a: string[], b: string[], { between = '' } = {}) {
    const row = (cells: string[], y: number) =>
      cells.flatMap((t, i) => (t ? text(t, i === 0 ? xs[0]! + 3 : xs[i]! + 20, y) : []));
    const p1 = page(
      [
        ...text('某某局年报', 260, 40, 9),
        ...row(['项目', '甲', '乙'], 614),
        ...row(a, 654),
        ...text('- 1 -', 280, 815),
      ],
      [hline(50, 320, 600), hline(50, 320, 620), ...xs.map((x) => vline(x, 600, 760))],
    );
    const p2 = page(
      [
        ...text('某某局年报', 260, 40, 9),
        ...(between ? text(between, 50, 58) : []),
        ...row(b, 84),
        ...row(['3.其他', '8', '9'], 104),
        ...text('- 2 -', 280, 815),
      ],
      [hline(50, 320, 90), hline(50, 320, 110), ...xs.map((x) => vline(x, 70, 110))],
    );
    return tablesOf(layoutPages([p1, p2]).html);
  }

  it('the label goes on at the top of the next page (after the header): one row, the label joined', () => {
    expect(pages(['1.属于国家秘密的信', '5', '6'], ['息', '', ''])).to.deep.equal([
      [
        ['项目', '甲', '乙'],
        ['1.属于国家秘密的信息', '5', '6'],
      ],
      [['3.其他', '8', '9']],
    ]);
  });

  it('the numbers (and the rest of the label) go on after the break: one row', () => {
    expect(pages(['1.属于国家秘密的信息', '', ''], ['', '5', '6'])[0]).to.deep.equal([
      ['项目', '甲', '乙'],
      ['1.属于国家秘密的信息', '5', '6'],
    ]);
    expect(pages(['1.属于国家秘密的信', '', '6'], ['息', '5', ''])[0]![1]).to.deep.equal([
      '1.属于国家秘密的信息',
      '5',
      '6',
    ]);
  });

  it('the rest of a group label begun higher up stays before the row it is joined to', () => {
    const a = [...text('（三）不予', 52, 634, 5), ...text('1.属于国家秘', 83, 654), ...text('5', 280, 654)];
    const b = [...text('公开', 52, 84, 5), ...text('密', 83, 84)];
    const segs = (ys: number[]) => [
      ...ys.map((y) => hline(50, 320, y)),
      ...[50, 80, 260, 320].map((x) => vline(x, ys[0]!, ys[ys.length - 1]!)),
      vline(200, ys[0]!, ys[ys.length - 1]!),
    ];
    const p1 = page(
      [...text('- 1 -', 280, 815), ...a, ...text('（二）部分公开', 83, 634), ...text('7', 280, 634)],
      [...segs([620, 640, 760]).filter((l) => !(l.y0 === 640 && l.x0 === 50)), hline(80, 320, 640)],
    );
    const p2 = page([...text('- 2 -', 280, 815), ...b], segs([70, 90]));
    const t = tablesOf(layoutPages([p1, p2]).html);
    expect(t.flat().find((r) => r.includes('1.属于国家秘密'))).to.deep.equal(['公开', '1.属于国家秘密', '', '5']);
  });

  it('negative: a row of its own stays one, and numbers are never joined', () => {
    const own = (a: string[], b: string[]) => pages(a, b)[1]![0];
    // a numbered label, or a whole official label, with blank cells: the next row, blank
    expect(own(['1.属于国家秘密', '5', '6'], ['2.其他法律', '', ''])).to.deep.equal(['2.其他法律', '', '']);
    expect(own(['规章', '5', '6'], ['规范性文件', '', ''])).to.deep.equal(['规范性文件', '', '']);
    // a number under a number (no "57"), a number under text, text under a number
    expect(own(['1.属于国家秘密的信', '5', '6'], ['', '7', ''])).to.deep.equal(['7', '']); // (an empty label cell is left out)
    expect(own(['1.属于国家秘密的信', '5', '6'], ['息', '7', ''])).to.deep.equal(['息', '7', '']);
    expect(own(['1.属于国家秘密的信', '5', ''], ['息', '', '是'])).to.deep.equal(['息', '', '是']);
    // numbers under a header row; numbers under a row whose first cell has no label
    expect(own(['结果', '维持', '纠正'], ['', '3', '4'])).to.deep.equal(['3', '4']);
    expect(own(['', '', '甲'], ['', '6', ''])).to.deep.equal(['6', '']);
    // something else between the two (a line at the top of page 2 that page 1 does not repeat)
    expect(pages(['1.属于国家秘密的信', '5', '6'], ['息', '', ''], { between: '续表' })[1]![0]).to.deep.equal([
      '息',
      '',
      '',
    ]);
  });
});

describe('PDF layout: text outside tables', () => {
  it('paragraphs by indentation; wrapped lines joined; headings, title and signature apart', () => {
    const L = 70;
    const R = 520;
    const glyphs = [
      ...text('某某市人民政府', 230, 60, 20),
      ...text('2023年政府信息公开工作年度报告', 140, 90, 20),
      ...text('一、总体情况', L + 32, 140, 16),
      ...justified('2023年，本机关认真贯彻落实《条例》，持续推进', L + 32, R, 170),
      ...justified('政务公开。全年主动公开政府信息1136条，受理', L, R, 195),
      ...text('申请21件。', L, 220, 16),
      ...text('（一）主动公开情况。主要通过政府门户网站。', L + 32, 245, 16),
      ...text('某某市人民政府', 380, 300, 16),
      ...text('2024年1月20日', 380, 325, 16),
      ...text('- 1 -', 280, 815, 12),
    ];
    const paras = paragraphsOf(layoutPages([page(glyphs)]).html);
    expect(paras).to.deep.equal([
      '某某市人民政府',
      '2023年政府信息公开工作年度报告',
      '一、总体情况',
      '2023年，本机关认真贯彻落实《条例》，持续推进政务公开。全年主动公开政府信息1136条，受理申请21件。',
      '（一）主动公开情况。主要通过政府门户网站。',
      '某某市人民政府',
      '2024年1月20日',
    ]);
  });

  it('a paragraph goes on across a page break; page numbers and a running header are dropped', () => {
    const header = (n: number) => text(`某某市人民政府办公室 第${n}页`, 200, 30, 9);
    const body = (s: string, y: number, indent = false) => justified(s, indent ? 102 : 70, 520, y);
    const pages = [1, 2, 3].map((n) =>
      page([
        ...header(n),
        ...body(`第${n}页的第一行文字，这一行排满了整行的宽度不留空白`, 100, n === 1),
        ...body('这一行也排满了整行的宽度，不留下任何空白的位置', 125),
        ...text(`${n}`, 290, 815, 12),
      ]),
    );
    const paras = paragraphsOf(layoutPages(pages).html);
    expect(paras).to.have.length(1);
    expect(paras[0]).to.not.match(/某某市人民政府办公室|第\d页的第一行文字.*\d$/);
    expect(paras[0]).to.include('第2页的第一行文字');
  });

  it('a row drawn without borders (label and numbers set apart by wide gaps) becomes a row of cells', () => {
    const glyphs = [...text('行政许可', 70, 100), ...text('550', 250, 100), ...text('12', 330, 100)];
    expect(tablesOf(layoutPages([page(glyphs)]).html)).to.deep.equal([[['行政许可', '550', '12']]]);
  });

  it('pages with images and no text are listed', () => {
    const l = layoutPages([page(text('一、总体情况', 70, 100)), page([], grid([50, 500], [50, 800]), 1)]);
    expect(l.imageOnlyPages).to.deep.equal([2]);
  });
});

describe('PDF layout: properties', () => {
  it('every character of every cell appears once in the HTML, for random ruled grids', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 99999 }), { minLength: 48, maxLength: 48 }),
        fc.array(fc.boolean(), { minLength: 96, maxLength: 96 }),
        (rows, cols, values, omit) => {
          const xs = Array.from({ length: cols + 2 }, (_, i) => 50 + i * 60);
          const ys = Array.from({ length: rows + 1 }, (_, i) => 100 + i * 20);
          // Merge some cells in the label column only (omitted rules between label cells).
          const skip = omit
            .slice(0, rows)
            .map((o, r) => (o && r + 1 < rows ? `h:${r},0` : ''))
            .filter(Boolean);
          const glyphs = [];
          for (let r = 0; r < rows; r++) {
            if (!skip.includes(`h:${r - 1},0`)) glyphs.push(...text(`第${r}行`, 55, ys[r]! + 14));
            for (let c = 0; c < cols; c++)
              glyphs.push(...text(String(values[r * cols + c]!), xs[c + 1]! + 5, ys[r]! + 14));
          }
          const t = tablesOf(layoutPages([page(glyphs, grid(xs, ys, skip))]).html);
          const flat = t.flat(2);
          const numbers = flat.filter((c) => /^\d+$/.test(c)).map(Number);
          expect(numbers).to.deep.equal(
            Array.from({ length: rows * cols }, (_, k) => values[k]!),
            'every number in its own cell, in reading order',
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on random glyphs and segments', () => {
    const glyph = fc.record({
      c: fc.constantFrom('一', '1', ' ', '、', 'a', '（'),
      x0: fc.double({ min: -50, max: 650, noNaN: true }),
      y0: fc.double({ min: -50, max: 900, noNaN: true }),
      size: fc.double({ min: 0.1, max: 40, noNaN: true }),
      v: fc.boolean(),
    });
    const seg = fc.record({
      x0: fc.double({ min: -50, max: 650, noNaN: true }),
      y0: fc.double({ min: -50, max: 900, noNaN: true }),
      len: fc.double({ min: 0, max: 600, noNaN: true }),
      h: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(glyph, { maxLength: 200 }), fc.array(seg, { maxLength: 80 }), (gs, ss) => {
        const pages = [
          page(
            gs.map((g) => ({ c: g.c, x0: g.x0, y0: g.y0, x1: g.x0 + g.size, y1: g.y0 + g.size, size: g.size, v: g.v })),
            ss.map((s) => (s.h ? hline(s.x0, s.x0 + s.len, s.y0) : vline(s.x0, s.y0, s.y0 + s.len))),
          ),
        ];
        const l = layoutPages(pages);
        expect(l.html).to.be.a('string');
        expect(() => importReport(l.html, { type: 'html' })).to.not.throw();
      }),
      { numRuns: 200 },
    );
  });
});
