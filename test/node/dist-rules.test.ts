// The built ./rules entry (json-rules-engine bundled with the vendor stand-ins) must give exactly
// the findings the sources give, on random reports good and bad.
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validate } from '../../src/rules/index.js';
import { consistentReport, setPath, rng, COLS, allRows, clone } from '../helpers/reports.js';

const dist = fileURLToPath(new URL('../../dist/rules.js', import.meta.url));

describe('dist/rules.js agrees with the sources', () => {
  it('on 400 random reports, with and without last year', async function () {
    if (!existsSync(dist)) this.skip();
    const built = await import(dist);
    const r = rng(99);
    for (let i = 0; i < 400; i++) {
      const format = r() < 0.5 ? '2019' : '2021';
      const rep = consistentReport({ format, seed: i + 1, scale: 1 + Math.floor(r() * 500) });
      const rows = allRows(format === '2019' ? 'row' : 'group');
      for (let k = Math.floor(r() * 4); k > 0; k--) {
        const v = [null, -1, 1.5, 7, '-', 'x', 1e20][Math.floor(r() * 7)];
        setPath(rep, `applications.${rows[Math.floor(r() * rows.length)]}.${COLS[Math.floor(r() * 7)]}`, v);
      }
      const previous = r() < 0.3 ? clone(consistentReport({ format, seed: i + 1000, year: rep.year - 1 })) : undefined;
      for (const locale of ['zh-CN', 'en'] as const) {
        const opts = { previous, locale };
        const a = await validate(rep, opts);
        const b = await built.validate(rep, opts);
        expect(b.findings, `report ${i}`).to.deep.equal(a.findings);
        expect(b.summary).to.deep.equal(a.summary);
      }
    }
  });
});
