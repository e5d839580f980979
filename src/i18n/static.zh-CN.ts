/** renderStaticHtml strings, zh-CN. */
import type { StaticStrings } from './static.js';

export const zhCN: StaticStrings = {
  extrasOmitted: (omitted, total) => `共 ${total} 行，另有 ${omitted} 行未列出（见报告 JSON）`,
};
