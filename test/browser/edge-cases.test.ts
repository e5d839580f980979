/**
 * Issue 12 item 6, element edge cases: a `src` that never answers times out with the network error;
 * a UTF-16 file with a byte-order mark is read (decoded as the CLI decodes files); markup nested too
 * deep inside `<disclosure-report import>` gives a clear, located error. The fallback stays each time.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/import/element-importer.js';
import type { DisclosureReport, LoadError } from '../../src/elements/disclosure-report.js';
import { MAX_MARKUP_DEPTH } from '../../src/elements/controllers/report-loader.js';
import { SEED } from './reports.js';

/** An element with a fallback article, attached after `setup`, and the error events it fires. */
async function load(
  setup: (el: DisclosureReport) => void,
  html = '<article class="disclosure-report-static">原文</article>',
) {
  const host = document.createElement('div');
  host.innerHTML = `<disclosure-report>${html}</disclosure-report>`;
  const el = host.firstElementChild as DisclosureReport;
  const errors: LoadError[] = [];
  el.addEventListener('disclosure-report-error', (e) => errors.push(e.detail));
  setup(el);
  document.body.append(host);
  const status = await el.whenReady();
  return { el, status, errors, done: () => host.remove() };
}

function utf16(text: string, endian: 'le' | 'be'): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [hi, lo] = [c >> 8, c & 0xff];
    bytes.set(endian === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return bytes;
}

describe('<disclosure-report> edge cases', () => {
  it('a src that never answers: the network error after `timeout` ms, the fallback kept', async () => {
    const { el, status, errors, done } = await load((el) => {
      el.setAttribute('timeout', '300');
      el.src = '/test/fixtures/bayannur-gxj-2021.json?raw&delay=5000';
    });
    expect(el.timeout).to.equal(300);
    expect(status).to.equal('error');
    expect(el.error!.kind).to.equal('network');
    expect(el.error!.message).to.contain('0.3 秒内没有响应');
    expect(errors.map((e) => e.kind)).to.deep.equal(['network']);
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
    expect(el.querySelector('article')!.textContent).to.equal('原文');
    done();
  });

  it('the default timeout is 30 s (documented), and a slow server within it still loads', async () => {
    const { status, done } = await load((el) => {
      expect(el.timeout).to.equal(30000);
      el.timeout = 4000;
      el.src = '/test/fixtures/bayannur-gxj-2021.json?raw&delay=300';
    });
    expect(status).to.equal('ready');
    done();
  });

  for (const endian of ['le', 'be'] as const)
    it(`a UTF-16${endian.toUpperCase()} JSON file with a byte-order mark is read as the CLI reads it`, async () => {
      const url = URL.createObjectURL(new Blob([utf16(JSON.stringify(SEED, null, 2), endian)]));
      const { el, status, done } = await load((el) => (el.src = url));
      expect(status, el.error?.message).to.equal('ready');
      expect(el.shadowRoot!.textContent).to.contain('巴彦淖尔市工业和信息化局');
      URL.revokeObjectURL(url);
      done();
    });

  it('UTF-8 with a byte-order mark is read too', async () => {
    const json = JSON.stringify(SEED);
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)]);
    const url = URL.createObjectURL(new Blob([utf8]));
    const { el, status, done } = await load((el) => (el.src = url));
    expect(status, el.error?.message).to.equal('ready');
    URL.revokeObjectURL(url);
    done();
  });

  it(`10,000 nested divs inside <disclosure-report import>: "nested more than ${MAX_MARKUP_DEPTH} levels", located`, async () => {
    const deep = '<div>'.repeat(10000) + '第二十条' + '</div>'.repeat(10000);
    const { el, status, errors, done } = await load(
      (el) => el.setAttribute('import', ''),
      `<p>前言</p><section>${deep}</section>`,
    );
    expect(status).to.equal('error');
    expect(el.error!.kind).to.equal('importer');
    expect(el.error!.message).to.contain(`从页面读取报告失败：标记嵌套超过 ${MAX_MARKUP_DEPTH} 层`);
    expect(el.error!.message).to.contain('第 2 个子元素 <section>');
    expect(el.error!.message).to.contain('第二十条');
    expect(el.error!.message).not.to.contain('text ends');
    expect(errors).to.have.length(1);
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
    done();
  });

  it('markup nested deep but within the limit is handed to the importer', async () => {
    const nested = '<div>'.repeat(MAX_MARKUP_DEPTH - 2) + '<p>没有表格</p>' + '</div>'.repeat(MAX_MARKUP_DEPTH - 2);
    const { el, done } = await load((el) => el.setAttribute('import', ''), nested);
    expect(el.error?.message ?? '').not.to.contain('嵌套');
    done();
  });

  it('a number JSON.parse reads inexactly shows as written in its cell (9007199254740993, not …992), with the marks of that value', async () => {
    const text = JSON.stringify(SEED)
      .replace(/"newReceived":\{"natural":\d+/, '"newReceived":{"natural":9007199254740993')
      .replace('"fees":{"amount":0}', '"fees":{"amount":0.30000000000000000001}');
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const { el, status, done } = await load((el) => (el.src = url));
    expect(status, el.error?.message).to.equal('ready');
    const shown = (path: string) => {
      const td = el.shadowRoot!.querySelector<HTMLElement>(`td[data-path="${path}"]`)!.cloneNode(true) as HTMLElement;
      td.querySelector('.flags')?.remove();
      return td.textContent!.trim();
    };
    expect(shown('applications.newReceived.natural')).to.equal('9007199254740993');
    expect(shown('proactive.fees.amount')).to.equal('0.30000000000000000001');
    const flags = el.shadowRoot!.querySelector('td[data-path="applications.newReceived.natural"] .flags');
    expect(flags?.textContent ?? '').not.to.contain('9007199254740992');
    URL.revokeObjectURL(url);
    done();
  });
});
