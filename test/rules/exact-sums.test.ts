import { expect } from 'chai';
import { explainCell, validate } from '../../src/rules/index.js';
import { consistentReport } from '../helpers/reports.js';

const M = Number.MAX_SAFE_INTEGER;

describe('equations near the safe-integer limit (exact, and the same as explainCell)', () => {
  it('X-INFORCE: last year MAX + 2 issued − 2 repealed = MAX holds', async () => {
    const previous = consistentReport({ seed: 4, year: 2022 });
    previous.proactive.normativeDocuments.inForce = M;
    const rep = consistentReport({ seed: 5 });
    Object.assign(rep.proactive.normativeDocuments, { issued: 2, repealed: 2, inForce: M });
    const r = await validate(rep, { previous });
    expect(r.findings.filter((f) => f.rule === 'X-INFORCE')).to.deep.equal([]);
    const [ex] = explainCell(rep, 'proactive.normativeDocuments.inForce', { previous }).filter(
      (e) => e.rule === 'X-INFORCE',
    );
    expect(ex).to.include({ status: 'holds', expected: String(M), actual: String(M) });
  });

  it('X-INFORCE: MAX + 2 − 1 against MAX fails with the exact expected value', async () => {
    const previous = consistentReport({ seed: 4, year: 2022 });
    previous.proactive.normativeDocuments.inForce = M;
    const rep = consistentReport({ seed: 5 });
    Object.assign(rep.proactive.normativeDocuments, { issued: 2, repealed: 1, inForce: M });
    const [f] = (await validate(rep, { previous })).findings.filter((x) => x.rule === 'X-INFORCE');
    expect(f).to.include({ expected: '9007199254740992', actual: String(M) });
  });

  it('T3-TOTAL: result rows MAX, 2, −2 against a total of MAX is checked exactly (no false sum)', async () => {
    const rep = consistentReport({ seed: 6 });
    const set = (row: string, v: number) => {
      const o = row.split('.').reduce((x, k) => x[k], rep.applications);
      o.natural = v;
    };
    // every natural cell 0, then the column is MAX + 2 − 2 against a total of MAX
    const zero = (o: any) => {
      for (const k of Object.keys(o)) if (typeof o[k] === 'object') 'natural' in o[k] ? (o[k].natural = 0) : zero(o[k]);
    };
    zero(rep.applications);
    set('granted', M);
    set('partiallyGranted', 2);
    set('denied.stateSecret', -2);
    set('total', M);
    const r = await validate(rep);
    const total = r.findings.filter((f) => f.rule === 'T3-TOTAL' && f.cells.includes('applications.total.natural'));
    expect(total, JSON.stringify(total)).to.deep.equal([]);
    const [ex] = explainCell(rep, 'applications.total.natural').filter((e) => e.rule === 'T3-TOTAL');
    expect(ex).to.include({ status: 'holds', expected: String(M) });
  });
});
