/** decodeText (src/model/decode.ts): the one decoding of report files, used by the CLI and the element's `src`. */
import { expect } from 'chai';
import { decodeText } from '../../src/model/decode.js';
import { decode } from '../../src/cli/main.js';

const text = '{"agency":{"name":"巴彦淖尔市工业和信息化局"},"n":1}';

describe('decodeText', () => {
  it('UTF-16LE and UTF-16BE with a byte-order mark, UTF-8 with and without one', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(le)).to.equal(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))).to.equal(
      text,
    );
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).to.equal(text);
    expect(decodeText(Buffer.from(text))).to.equal(text);
  });
  it('bytes that are not UTF-8 are read as GB18030; the CLI decodes with the same function', () => {
    const gbk = Buffer.from([0xb0, 0xcd, 0xd1, 0xe5]); // 巴彦 in GB18030
    expect(decodeText(gbk)).to.equal('巴彦');
    expect(decode).to.equal(decodeText);
  });
});
