/**
 * Issue 11.5: the agency from the title or the signature at the end (机关名称 and date), never from
 * a phrase in the prose or from a CMS metadata cell that names a sub-office.
 */
import { expect } from 'chai';
import { importReport } from '../../src/import/index.js';
import { flatten, randomReport, type Json } from './import-helpers.js';

const r = randomReport({ format: '2019', shape: 'row', seed: 3, blanks: 0, consistent: true });
const base = flatten(r, 'lines');
const body = base.slice(base.indexOf('一、总体情况'));
const NOTICE =
  '根据《平潭综合实验区管委会办公室关于做好2019年政府信息公开工作年度报告编制和发布工作的通知》要求，编制本报告。';
const meta = (text: string) => {
  const { report } = importReport(text);
  return report as Json;
};

describe('importReport: agency and title', () => {
  it('a report title quoted in the prose (…管委会办公室关于做好2019年…的通知) is neither the title nor the agency', () => {
    const rep = meta(`${NOTICE}\n${body}`);
    expect(rep.agency).to.equal(undefined);
    expect(rep.title).to.equal(undefined);
    expect(JSON.stringify(rep)).to.not.include('关于做好');
  });

  it('the title without an agency: the agency from the signature at the end (name line, then the date)', () => {
    const rep = meta(
      `2019年政府信息公开工作年度报告\n${body.replace('一、总体情况\n', `一、总体情况\n${NOTICE}\n`)}\n平潭综合实验区管委会办公室\n2020年1月20日\n`,
    );
    expect(rep.agency).to.deep.equal({ name: '平潭综合实验区管委会办公室' });
    expect(rep.title).to.equal('2019年政府信息公开工作年度报告');
    expect(rep.publishedOn).to.equal('2020-01-20');
    // the signature is not part of the prose of section 六
    expect(rep.sections.other).to.not.include('管委会办公室');
  });

  it('the signature on one line (机关名称 and date), followed by site chrome', () => {
    const rep = meta(
      `2019年政府信息公开工作年度报告\n${body}\n某某县交通运输局    2020年1月15日\n打印本页 关闭窗口\n主办单位：某某县人民政府办公室\n`,
    );
    expect(rep.agency).to.deep.equal({ name: '某某县交通运输局' });
  });

  it('a CMS metadata cell naming a sub-office is not taken for the agency', () => {
    const rep = meta(`2019年政府信息公开工作年度报告\n信息来源：某某市生态环境局办公室 发布日期：2020-01-20\n${body}`);
    expect(rep.agency).to.equal(undefined);
    const sig = meta(
      `2019年政府信息公开工作年度报告\n信息来源：某某市生态环境局办公室 发布日期：2020-01-20\n${body}\n某某市生态环境局\n2020年1月18日\n`,
    );
    expect(sig.agency).to.deep.equal({ name: '某某市生态环境局' });
  });

  it('the title’s agency comes first; a prose sentence ending in a date is no signature', () => {
    const rep = meta(`某某县交通运输局2019年政府信息公开工作年度报告\n${body}\n本报告于2020年1月15日\n`);
    expect(rep.agency).to.deep.equal({ name: '某某县交通运输局' });
    const none = meta(`2019年政府信息公开工作年度报告\n${body}\n本报告经审核后发布于2020年1月15日\n`);
    expect(none.agency).to.equal(undefined);
  });
});
