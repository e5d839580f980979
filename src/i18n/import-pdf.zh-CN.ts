/** Diagnostics of the PDF reader, zh-CN. */
import type { PdfStrings } from './import-pdf.js';

export const zhCN: PdfStrings = {
  'pdf-not-pdf': () => '输入不是 PDF 文件（没有 %PDF- 文件头），无法导入',
  'pdf-invalid': (p) => `PDF 文件已损坏或无法解析（${p.detail}），无法导入`,
  'pdf-password': () => 'PDF 文件有打开密码（已加密），无法导入；请提供未加密的文件',
  'pdf-timeout': (p) => `读取 PDF 超过 ${p.seconds} 秒，已放弃，无法导入`,
  'pdf-no-text': (p) =>
    `PDF 没有文字层（${p.pages} 页${p.images ? '只有图像，可能是扫描件' : '没有文字'}），无法导入；请先做文字识别（OCR）或使用原始电子版`,
  'pdf-no-unicode': (p) => `PDF 的文字无法解码（${p.share}% 的字符没有 Unicode 映射，字体缺少 ToUnicode 表），无法导入`,
  'pdf-pages-without-text': (p) =>
    `第 ${p.pages.join('、')} 页只有图像、没有文字层（可能是扫描页），这些页上的内容没有导入`,
  'pdf-pages-cut': (p) => `PDF 有 ${p.total} 页，只读取了前 ${p.limit} 页`,
  'pdf-no-tables': () => 'PDF 中没有找到画线的表格，表格按文字位置读取',
};
