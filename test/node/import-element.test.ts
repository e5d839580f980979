/**
 * The light-DOM importer of the element bundle (src/import/element-importer.ts), without a browser:
 * a host is anything with `innerHTML` and `getAttribute`.
 */
import { expect } from 'chai';
import { importFromElement, registerWith } from '../../src/import/element-importer.js';
import { renderStaticHtml } from '../../src/render/static.js';
import { randomReport, type Json } from './import-helpers.js';

const host = (innerHTML: string, lang?: string) =>
  ({ innerHTML, getAttribute: (n: string) => (n === 'lang' ? (lang ?? null) : null) }) as unknown as HTMLElement;

describe('element importer (light DOM)', () => {
  it('reads the article inside the element: its tables and text', async () => {
    const report = randomReport({ format: '2021', shape: 'group', seed: 5, blanks: 0.05 });
    const article = renderStaticHtml(report, { tagName: false });
    const { report: got } = await importFromElement(
      host(`<p>首页 &gt; 政务公开</p>${article}<p>打印本页 关闭窗口</p>`),
    );
    const { source, ...rest } = got as Json;
    expect(source.layout).to.equal('html');
    expect(rest).to.deep.equal(report);
  });

  it('diagnostics follow the element language', async () => {
    const report = randomReport({ format: '2019', shape: 'row', seed: 9, blanks: 0.3 });
    const article = renderStaticHtml(report, { tagName: false });
    const zh = await importFromElement(host(article));
    const en = await importFromElement(host(article, 'en'));
    expect(zh.diagnostics.find((d) => d.code === 'blank-cells')!.message).to.include('不视为 0');
    expect(en.diagnostics.find((d) => d.code === 'blank-cells')!.message).to.include('not read as 0');
  });

  it('an element without a report in it: the importer fails with the reason', async () => {
    let err: Error | undefined;
    try {
      await importFromElement(host('<p>这里还没有内容</p>'));
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).to.include('没有找到');
  });

  it('registers with an element class through its static registerImporter hook', () => {
    let registered: unknown;
    class Fake {
      static registerImporter(fn: unknown) {
        registered = fn;
      }
    }
    expect(registerWith(Fake)).to.equal(true);
    expect(registered).to.equal(importFromElement);
    expect(registerWith(undefined)).to.equal(false);
    expect(registerWith(class {})).to.equal(false);
  });
});
