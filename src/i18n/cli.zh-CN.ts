/** Text of the `disclosure-report` command, zh-CN. */
import type { CliStrings } from './cli.js';

export const zhCN: CliStrings = {
  usage: (inputs) => `用法：
  disclosure-report validate <文件或文件夹...> [选项]
      检查报告（${inputs}）。文件夹只读一层。未检查的文件和文件夹逐一列出并说明原因；
      最后列出有错误的文件。
      --format text|json|csv  输出格式（默认 text；--json 即 --format json；csv：每条结果一行，
                              UTF-8 带 BOM 以便 Excel 打开，--no-bom 不带）
      --errors-only           只显示错误（警告和提示只计数，不显示）
      --previous <文件>       上一年度报告：启用跨年度规则
      --recursive             也检查子文件夹
      --jobs N, -j N          同时检查 N 个文件，各在一个工作线程中（默认：可用的 CPU 核数，最多 4；
                              --jobs 1：逐个检查）。无论 N 为多少，输出都相同：按给出的顺序列出文件。
      --verbose               显示全部结果和导入提示（默认将同一规则的长串结果缩短）
      退出码 0：没有错误；1：有错误；2：有输入无法读取、结果无法写出，或用法错误。
  disclosure-report import <文件>
      导入已发布的报告（HTML、文本、PDF）：REPORT-JSON 输出到 stdout，导入提示输出到 stderr。
  disclosure-report render <文件> [-o out.html] [--fragment]
      生成独立的 HTML 页面（或用 --fragment 生成可粘贴到 CMS 的片段），含静态表格和内嵌 JSON。
  disclosure-report --help | --version
  所有命令：--lang zh-CN|en（提示语言，默认 zh-CN）。-- 之后的参数都是文件（validate -- -x.json）。
`,
  badLang: (v) => `--lang 只接受 zh-CN 或 en（或这两种语言的标记，如 en-US；收到“${v}”）`,
  badFormat: (v) => `--format 只接受 text、json 或 csv（收到“${v}”）`,
  badJobs: (v, max) => `--jobs 只接受 1 到 ${max} 的整数（收到“${v}”）`,
  needsValue: (o) => `${o} 需要一个值`,
  unknownOption: (o) => `未知的选项 ${o}`,
  unknownCommand: (c) => `未知的命令 ${c}`,
  validateNeedsFiles: 'validate 至少需要一个文件或文件夹',
  importOneFile: 'import 只接受一个文件',
  renderOneFile: 'render 只接受一个文件',

  cannotRead: (why) => `无法读取文件（${why}）`,
  notReportJson: '不是报告 JSON（没有 format / schemaVersion）',
  noReportFound: '没有找到报告',
  errorSep: '；',
  notInput: {
    word: 'Word / WPS 文档不能直接检查：请另存为“网页”（.html）或“纯文本”（.txt）后检查',
    sheet: '表格文件（.csv / Excel）不是报告输入：请检查报告全文（.html / .txt）或报告 JSON',
    image: '图片中没有可读取的文字：需要报告的文字版（网页 .html 或 .txt）',
    archive: '压缩包：请先解压，再检查解压出的文件夹',
  },
  subfolder: '子文件夹，未进入：加 --recursive 一并检查',
  link: '指向文件夹的链接，不跟随（避免循环）：需要检查时请直接指定该文件夹',
  hidden: '隐藏的文件或文件夹（名称以 . 开头）或 node_modules：需要检查时请直接指定它',
  fileType: (inputs) => `不是可检查的文件类型（可检查 ${inputs}）`,
  notAReport: (why) => `不是报告（${why}）；若它是报告，用 disclosure-report import 单独导入可看到读出了什么`,
  checkFailed: (why) => `检查时出错（${why}）`,
  workerStopped: (code) => `检查它的工作线程已退出，退出码 ${code}`,
  previousUnreadable: '上一年度报告无法读取',
  noFiles: (inputs) => `没有找到可检查的文件（${inputs}）`,
  cannotWrite: '无法写出结果',

  unreadable: '无法读取',
  format: (f) => `表格格式 ${f}`,
  year: (y) => `报告年度 ${y}`,
  importTag: '导入',
  atLine: (n) => ` 第 ${n} 行`,
  atPage: (n) => ` 第 ${n} 页`,
  moreNotes: (n) => `另有 ${n} 条导入提示（--verbose 显示全部）`,
  unreadHead: (n) => `${n} 个单元格未能从发布文本中读出（不是发布者留空，未作核对）：`,
  line: (n) => `第 ${n} 行`,
  page: (n) => `第 ${n} 页`,
  unreadWhy: {
    'glued-ambiguous': '连写的数字串有多种拆分',
    'glued-unsplittable': '连写的数字串无法拆分',
    'missing-cells': '该行的数字不全',
    'rows-missing': '该行没有找到',
    'extra-row': '行标签未能识别',
    partial: '文本在此之前已结束',
    'not-a-number': '不是数字',
    'several-numbers': '单元格中有不止一个数字',
    'hidden-content': '单元格含有隐藏、删除线或表单中的内容',
    'cut-number': '文本在该数字处结束，数字可能不完整',
    'unsafe-number': '数字过大，无法精确读取',
  },
  unreadCsv: (why) => `未能从发布文本中读出（${why}）`,
  moreGroups: (n) => `另有 ${n} 组（--verbose 显示全部）`,
  moreOfRule: (n, rule) => `另有 ${n} 条 ${rule}（--verbose 显示全部）`,
  expectedActual: (e, a) => `应为 ${e}，实为 ${a}`,
  errors: (n) => `${n} 个错误`,
  warnings: (n) => `${n} 个警告`,
  infos: (n) => `${n} 个提示`,
  skipped: (n) => `${n} 项无法核对`,
  othersHidden: '（警告和提示未显示）',
  sep: '，',
  colon: '：',

  notCheckedHead: (n) => `未检查（${n} 项）：`,
  unreadableHead: (n) => `无法读取的文件（${n} 个）：`,
  withErrorsHead: (n) => `有错误的文件（${n} 个；错误数、第一个错误的规则、文件）：`,
  summary: (t) =>
    `共检查 ${t.files} 份报告：${t.withErrors} 份有错误，${t.withWarnings} 份仅有警告；错误 ${t.errors} 个，警告 ${t.warnings} 个` +
    (t.unreadable ? `；${t.unreadable} 个文件无法读取` : '') +
    (t.notChecked ? `；${t.notChecked} 项未检查（见上）` : ''),
};
