import { fixture, html, expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { busyReport, zeroReport, clone } from './reports.js';

/** Every object path of a value (for replacing one subtree). */
function paths(v: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push([...prefix, k]);
      paths(x, [...prefix, k], out);
    }
  }
  return out;
}

describe('robustness', () => {
  it('any one subtree of a report replaced by arbitrary JSON: renders (or shows findings), never throws', async () => {
    const el = await fixture<DisclosureReport>(html`<disclosure-report></disclosure-report>`);
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
    window.addEventListener('error', onError);
    const bases = [busyReport(), zeroReport('2019')];
    try {
      await fc.assert(
        fc.asyncProperty(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 3 }), async (b, i, value) => {
          const r = clone(bases[b % bases.length]!);
          const all = paths(r);
          const path = all[i % all.length]!;
          let o: any = r;
          for (const k of path.slice(0, -1)) o = o[k];
          o[path[path.length - 1]!] = value;
          el.report = r;
          const status = await el.whenReady();
          expect(['ready', 'error']).to.include(status);
          if (status === 'ready') expect(el.shadowRoot!.querySelector('[part="summary"]')).to.exist;
        }),
        { numRuns: 150, seed: 20261126 },
      );
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('arbitrary JSON as the whole report: a finding or an error state, never a blank widget', async () => {
    const el = await fixture<DisclosureReport>(html`<disclosure-report></disclosure-report>`);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 2 }), async (value) => {
        el.report = { wrapped: value }; // a new object each time (null/undefined would mean "no report")
        const status = await el.whenReady();
        expect(status).to.equal('ready');
        expect(el.shadowRoot!.querySelectorAll('[part="summary"] li').length).to.be.greaterThan(0);
      }),
      { numRuns: 40, seed: 20261126 },
    );
  });
});
