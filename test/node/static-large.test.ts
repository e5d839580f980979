/** Issue 12 item 2: renderStaticHtml of a 5 MB report lists a bounded number of extra rows, with a count. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { renderStaticHtml } from '../../src/render/static.js';

const seed = JSON.parse(readFileSync(new URL('../fixtures/bayannur-gxj-2021.json', import.meta.url), 'utf8'));

const withExtras = (n: number) => {
  const r = structuredClone(seed);
  r.applications.extras = Array.from({ length: n }, (_, i) => ({ label: `其他情况第${i + 1}项`, values: [i, null] }));
  return r;
};
const rowsOf = (html: string) => {
  const table = html.slice(html.indexOf('data-extras'));
  return (table.slice(0, table.indexOf('</table>')).match(/<tr>/g) ?? []).length;
};

describe('renderStaticHtml with many rows outside the template', () => {
  it('96,000 rows: the first 1,000 listed, a line says how many more are in the JSON, which keeps them all', () => {
    const r = withExtras(96000);
    const html = renderStaticHtml(r);
    expect(rowsOf(html)).to.equal(1000);
    expect(html).to.contain('<p class="extras-omitted">共 96000 行，另有 95000 行未列出（见报告 JSON）</p>');
    expect(html).to.contain('其他情况第1000项').and.not.to.contain('其他情况第1001项<');
    const json = html.slice(html.indexOf('>', html.indexOf('<script')) + 1, html.indexOf('</script>'));
    expect(JSON.parse(json).applications.extras).to.have.length(96000);
    const bare = renderStaticHtml(r, { tagName: false, locale: 'en' });
    expect(bare.length).to.be.lessThan(200_000);
    expect(bare).to.contain('96000 rows; 95000 more are not listed (see the report JSON)');
  });

  it('extrasLimit: all rows (Infinity), none (0), and no line when nothing is left out', () => {
    const r = withExtras(30);
    expect(rowsOf(renderStaticHtml(r))).to.equal(30);
    expect(renderStaticHtml(r)).not.to.contain('extras-omitted');
    expect(rowsOf(renderStaticHtml(withExtras(1500), { extrasLimit: Infinity }))).to.equal(1500);
    const none = renderStaticHtml(r, { extrasLimit: 0 });
    expect(rowsOf(none)).to.equal(0);
    expect(none).to.contain('共 30 行，另有 30 行未列出');
  });
});
