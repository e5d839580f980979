/**
 * The statutory layouts of 政府信息公开工作年度报告, both formats, as data.
 *
 * This is the one description of the table structure in the project: the renderer builds its
 * header rows and row spans from it, the importer matches labels against it, the schema and the
 * rules derive their cell lists from it. Labels are verbatim from the notices
 * (国办公开办函〔2019〕60号 and 〔2021〕30号, see docs/format.md); English renderings follow docs/glossary.md.
 *
 * A cell is addressed by its REPORT-JSON path: the table's `base`, the keys along the row tree and
 * the keys along the column tree, joined by dots (`applications.denied.stateSecret.natural`).
 */

export type Format = '2019' | '2021';
export const FORMATS: readonly Format[] = ['2019', '2021'];

/** A label in both locales. `zh` is the source of truth. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

/**
 * What a cell holds.
 * - `count`: a whole number ≥ 0
 * - `signed`: a whole number, may be negative (2019 本年增/减)
 * - `money`: an exact decimal ≥ 0 (JSON number or decimal string)
 * - `amount`: like `money`, or `{ value, unit }` (2019 采购总金额 has no unit in its header)
 */
export type ValueKind = 'count' | 'signed' | 'money' | 'amount';

/** A header cell. Leaves are value columns; `key`s along the path form the column part of a cell path. */
export interface ColumnNode {
  readonly key?: string;
  readonly label: Text;
  readonly kind?: ValueKind;
  readonly children?: readonly ColumnNode[];
}

/** A row label. Leaves are data rows; group rows have no cells of their own. */
export interface RowNode {
  readonly key?: string;
  readonly label: Text;
  readonly children?: readonly RowNode[];
}

/** One rectangular table: a caption row (optional), header rows from `columns`, data rows from `rows`. */
export interface Grid {
  /** Stable id, also used as a DOM id fragment. */
  readonly id: string;
  /** REPORT-JSON path of the table object. */
  readonly base: 'proactive' | 'applications' | 'appeals';
  readonly caption?: Text;
  /** The top-left header cell (信息内容, or the 勾稽关系 note of table 三). */
  readonly corner?: Text;
  readonly columns: readonly ColumnNode[];
  /** `null`: a single data row without a label (table 四). */
  readonly rows: readonly RowNode[] | null;
}

export type SectionId = 'overview' | 'proactive' | 'applications' | 'appeals' | 'problems' | 'other';
/** The three tables (二、三、四), in report order: the one list every module iterates. */
export const TABLE_IDS = ['proactive', 'applications', 'appeals'] as const;
export type TableId = (typeof TABLE_IDS)[number];
export type ProseId = 'overview' | 'problems' | 'other';

export interface SectionLayout {
  readonly id: SectionId;
  readonly number: string;
  readonly heading: Text;
  readonly kind: 'prose' | 'table';
}

const t = (zh: string, en: string): Text => ({ zh, en });

export const REPORT_TITLE = t('政府信息公开工作年度报告', 'Annual Report on Government Information Disclosure');

export const SECTIONS: readonly SectionLayout[] = [
  { id: 'overview', number: '一', heading: t('一、总体情况', 'I. Overview'), kind: 'prose' },
  {
    id: 'proactive',
    number: '二',
    heading: t('二、主动公开政府信息情况', 'II. Proactive Disclosure of Government Information'),
    kind: 'table',
  },
  {
    id: 'applications',
    number: '三',
    heading: t('三、收到和处理政府信息公开申请情况', 'III. Disclosure Requests Received and Handled'),
    kind: 'table',
  },
  {
    id: 'appeals',
    number: '四',
    heading: t(
      '四、政府信息公开行政复议、行政诉讼情况',
      'IV. Administrative Reconsideration and Litigation Concerning Disclosure',
    ),
    kind: 'table',
  },
  {
    id: 'problems',
    number: '五',
    heading: t('五、存在的主要问题及改进情况', 'V. Main Problems and Improvements'),
    kind: 'prose',
  },
  { id: 'other', number: '六', heading: t('六、其他需要报告的事项', 'VI. Other Matters to Report'), kind: 'prose' },
];

// ---------------------------------------------------------------- table 二

const INFO = t('信息内容', 'Information');
const art20 = (n: string, en: string) => t(`第二十条第（${n}）项`, `Article 20, item (${en})`);
const col = (key: string, zh: string, en: string, kind: ValueKind = 'count'): ColumnNode => ({
  key,
  label: t(zh, en),
  kind,
});
const row = (key: string, zh: string, en: string, children?: RowNode[]): RowNode =>
  children ? { key, label: t(zh, en), children } : { key, label: t(zh, en) };
const group = (zh: string, en: string, children: RowNode[], key?: string): RowNode =>
  key ? { key, label: t(zh, en), children } : { label: t(zh, en), children };

const DECISIONS_2021 = col('decisions', '本年处理决定数量', 'Decisions made this year');
const PROACTIVE_2021: readonly Grid[] = [
  {
    id: 'proactive-1',
    base: 'proactive',
    caption: art20('一', '1'),
    corner: INFO,
    columns: [
      col('issued', '本年制发件数', 'Issued this year'),
      col('repealed', '本年废止件数', 'Repealed this year'),
      col('inForce', '现行有效件数', 'Currently in force'),
    ],
    rows: [
      row('regulations', '规章', 'Government rules'),
      row('normativeDocuments', '行政规范性文件', 'Administrative normative documents'),
    ],
  },
  {
    id: 'proactive-5',
    base: 'proactive',
    caption: art20('五', '5'),
    corner: INFO,
    columns: [DECISIONS_2021],
    rows: [row('licensing', '行政许可', 'Administrative licensing')],
  },
  {
    id: 'proactive-6',
    base: 'proactive',
    caption: art20('六', '6'),
    corner: INFO,
    columns: [DECISIONS_2021],
    rows: [
      row('penalties', '行政处罚', 'Administrative penalties'),
      row('coercion', '行政强制', 'Administrative coercion'),
    ],
  },
  {
    id: 'proactive-8',
    base: 'proactive',
    caption: art20('八', '8'),
    corner: INFO,
    columns: [col('amount', '本年收费金额（单位：万元）', 'Fees collected this year (10,000 yuan)', 'money')],
    rows: [row('fees', '行政事业性收费', 'Administrative fees')],
  },
];

const PREVIOUS = col('previous', '上一年项目数量', 'Items last year');
const CHANGE = col('change', '本年增/减', 'Change this year (+/−)', 'signed');
const DECISIONS_2019 = col('decisions', '处理决定数量', 'Decisions made');
const PROACTIVE_2019: readonly Grid[] = [
  {
    id: 'proactive-1',
    base: 'proactive',
    caption: art20('一', '1'),
    corner: INFO,
    columns: [
      col('made', '本年新制作数量', 'Newly made this year'),
      col('published', '本年新公开数量', 'Newly disclosed this year'),
      col('totalPublished', '对外公开总数量', 'Total disclosed'),
    ],
    rows: [
      row('regulations', '规章', 'Government rules'),
      row('normativeDocuments', '规范性文件', 'Normative documents'),
    ],
  },
  {
    id: 'proactive-5',
    base: 'proactive',
    caption: art20('五', '5'),
    corner: INFO,
    columns: [PREVIOUS, CHANGE, DECISIONS_2019],
    rows: [
      row('licensing', '行政许可', 'Administrative licensing'),
      row('otherServices', '其他对外管理服务事项', 'Other external management services'),
    ],
  },
  {
    id: 'proactive-6',
    base: 'proactive',
    caption: art20('六', '6'),
    corner: INFO,
    columns: [PREVIOUS, CHANGE, DECISIONS_2019],
    rows: [
      row('penalties', '行政处罚', 'Administrative penalties'),
      row('coercion', '行政强制', 'Administrative coercion'),
    ],
  },
  {
    id: 'proactive-8',
    base: 'proactive',
    caption: art20('八', '8'),
    corner: INFO,
    columns: [PREVIOUS, CHANGE],
    rows: [row('fees', '行政事业性收费', 'Administrative fees')],
  },
  {
    id: 'proactive-9',
    base: 'proactive',
    caption: art20('九', '9'),
    corner: INFO,
    columns: [col('projects', '采购项目数量', 'Projects'), col('amount', '采购总金额', 'Total amount', 'amount')],
    rows: [row('procurement', '政府集中采购', 'Centralized government procurement')],
  },
];

// ---------------------------------------------------------------- table 三

/** The 7 value columns of table 三, in order; `total` is last. */
export const APPLICANT_COLUMNS = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
  'total',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

const APPLICATIONS_COLUMNS: readonly ColumnNode[] = [
  {
    label: t('申请人情况', 'Applicants'),
    children: [
      col('natural', '自然人', 'Natural persons'),
      {
        label: t('法人或其他组织', 'Legal persons or other organizations'),
        children: [
          col('commercial', '商业企业', 'Businesses'),
          col('research', '科研机构', 'Research institutions'),
          col('publicInterest', '社会公益组织', 'Public-interest organizations'),
          col('legalService', '法律服务机构', 'Legal service providers'),
          col('otherOrg', '其他', 'Other'),
        ],
      },
      col('total', '总计', 'Total'),
    ],
  },
];

/** The 勾稽关系 note printed in the top-left header cell of table 三. */
export const APPLICATIONS_NOTE = t(
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '(Cross-footing of each column: item 1 plus item 2 equals item 3 plus item 4)',
);

/** Shape of the （六）其他处理 row: one row (2019) or a group of three (2021). */
export type OtherHandlingShape = 'row' | 'group';

const OTHER_HANDLING_ROW = row('otherHandling', '（六）其他处理', '(6) Other handling');
const OTHER_HANDLING_GROUP = group(
  '（六）其他处理',
  '(6) Other handling',
  [
    row(
      'noCorrection',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '1. Applicant did not correct the request in time without good reason; no longer processed',
    ),
    row(
      'feeUnpaid',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '2. Applicant did not pay the notified fee in time; no longer processed',
    ),
    row('other', '3.其他', '3. Other'),
  ],
  'otherHandling',
);

function applicationsRows(otherHandling: OtherHandlingShape): RowNode[] {
  return [
    row('newReceived', '一、本年新收政府信息公开申请数量', '1. New requests received this year'),
    row('carriedOver', '二、上年结转政府信息公开申请数量', '2. Requests carried over from last year'),
    group('三、本年度办理结果', '3. Outcomes this year', [
      row('granted', '（一）予以公开', '(1) Granted'),
      row(
        'partiallyGranted',
        '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
        '(2) Partially granted (count separable requests here only)',
      ),
      group(
        '（三）不予公开',
        '(3) Refused',
        [
          row('stateSecret', '1.属于国家秘密', '1. State secrets'),
          row(
            'lawProhibited',
            '2.其他法律行政法规禁止公开',
            '2. Disclosure prohibited by other laws or administrative regulations',
          ),
          row(
            'threeSecurities',
            '3.危及“三安全一稳定”',
            '3. Would endanger national, public, economic security or social stability',
          ),
          row('thirdParty', '4.保护第三方合法权益', '4. Protection of third-party rights'),
          row('internalAffairs', '5.属于三类内部事务信息', '5. Internal affairs information'),
          row('processInformation', '6.属于四类过程性信息', '6. Process information'),
          row('enforcementFiles', '7.属于行政执法案卷', '7. Administrative enforcement case files'),
          row('queryMatters', '8.属于行政查询事项', '8. Matters for administrative inquiry'),
        ],
        'denied',
      ),
      group(
        '（四）无法提供',
        '(4) Unable to provide',
        [
          row('notHeld', '1.本机关不掌握相关政府信息', '1. Information not held by this agency'),
          row('needsCreation', '2.没有现成信息需要另行制作', '2. Would require creating new information'),
          row('unclearAfterCorrection', '3.补正后申请内容仍不明确', '3. Request still unclear after correction'),
        ],
        'unavailable',
      ),
      group(
        '（五）不予处理',
        '(5) Not processed',
        [
          row('petitionComplaint', '1.信访举报投诉类申请', '1. Petitions, reports or complaints'),
          row('repeated', '2.重复申请', '2. Repeated requests'),
          row('publications', '3.要求提供公开出版物', '3. Requests for published materials'),
          row('massRepeated', '4.无正当理由大量反复申请', '4. Large numbers of repeated requests without good reason'),
          row(
            'confirmation',
            '5.要求行政机关确认或重新出具已获取信息',
            '5. Requests to confirm or re-issue information already obtained',
          ),
        ],
        'notProcessed',
      ),
      otherHandling === 'row' ? OTHER_HANDLING_ROW : OTHER_HANDLING_GROUP,
      row('total', '（七）总计', '(7) Total'),
    ]),
    row('carriedForward', '四、结转下年度继续办理', '4. Carried over to next year'),
  ];
}

const applicationsGrid = (otherHandling: OtherHandlingShape): Grid => ({
  id: 'applications',
  base: 'applications',
  corner: APPLICATIONS_NOTE,
  columns: APPLICATIONS_COLUMNS,
  rows: applicationsRows(otherHandling),
});

// ---------------------------------------------------------------- table 四

export const APPEAL_GROUPS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export const APPEAL_OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
const outcomes = (): ColumnNode[] => [
  col('upheld', '结果维持', 'Upheld'),
  col('corrected', '结果纠正', 'Corrected'),
  col('other', '其他结果', 'Other outcome'),
  col('pending', '尚未审结', 'Pending'),
  col('total', '总计', 'Total'),
];
const APPEALS_GRID: Grid = {
  id: 'appeals',
  base: 'appeals',
  rows: null,
  columns: [
    { key: 'reconsideration', label: t('行政复议', 'Administrative reconsideration'), children: outcomes() },
    {
      label: t('行政诉讼', 'Administrative litigation'),
      children: [
        { key: 'litigationDirect', label: t('未经复议直接起诉', 'Filed directly'), children: outcomes() },
        {
          key: 'litigationAfterReconsideration',
          label: t('复议后起诉', 'Filed after reconsideration'),
          children: outcomes(),
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------- layouts

export interface TableLayout {
  readonly id: TableId;
  readonly grids: readonly Grid[];
}

/** The tables of a report as found: the format's layout, with （六） in the shape the report has. */
export interface ReportLayout {
  readonly format: Format;
  readonly otherHandling: OtherHandlingShape;
  readonly tables: Readonly<Record<TableId, TableLayout>>;
}

const layoutCache = new Map<string, ReportLayout>();

/**
 * The layout of a report in `format`. `otherHandling` defaults to the format's own shape; pass the
 * other one for a mixed report (kept as found, see docs/report-json.md).
 */
export function getLayout(
  format: Format,
  otherHandling: OtherHandlingShape = format === '2019' ? 'row' : 'group',
): ReportLayout {
  const id = format + otherHandling;
  let layout = layoutCache.get(id);
  if (!layout) {
    layout = {
      format,
      otherHandling,
      tables: {
        proactive: { id: 'proactive', grids: format === '2019' ? PROACTIVE_2019 : PROACTIVE_2021 },
        applications: { id: 'applications', grids: [applicationsGrid(otherHandling)] },
        appeals: { id: 'appeals', grids: [APPEALS_GRID] },
      },
    };
    layoutCache.set(id, layout);
  }
  return layout;
}

/** The shape of （六）其他处理 in report data: a row has column keys, a group has sub-row keys. */
export function otherHandlingShapeOf(applications: unknown, format: Format): OtherHandlingShape {
  const oh = isObject(applications) ? applications['otherHandling'] : undefined;
  if (isObject(oh)) {
    for (const k of Object.keys(oh)) {
      if ((APPLICANT_COLUMNS as readonly string[]).includes(k)) return 'row';
      if (k === 'noCorrection' || k === 'feeUnpaid' || k === 'other') return 'group';
    }
  }
  return format === '2019' ? 'row' : 'group';
}

/** The layout that fits a report object (its `format`, and its （六） shape as found). */
export function layoutOf(report: { format: Format; applications?: unknown }): ReportLayout {
  return getLayout(report.format, otherHandlingShapeOf(report.applications, report.format));
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// ---------------------------------------------------------------- derived views

/** A value column with its cell-path suffix, its label chain (outermost first) and its kind. */
export interface LeafColumn {
  readonly key: string;
  readonly label: Text;
  readonly labels: readonly Text[];
  readonly kind: ValueKind;
}

/** A data row with its path suffix and its label chain (outermost group first). */
export interface LeafRow {
  readonly key: string;
  readonly label: Text;
  readonly labels: readonly Text[];
}

const joinKey = (a: string | undefined, b: string | undefined) => (a && b ? `${a}.${b}` : a || b || '');

export function leafColumns(columns: readonly ColumnNode[]): LeafColumn[] {
  const out: LeafColumn[] = [];
  const walk = (nodes: readonly ColumnNode[], prefix: string, labels: readonly Text[]) => {
    for (const n of nodes) {
      const key = joinKey(prefix, n.key);
      const chain = [...labels, n.label];
      if (n.children) walk(n.children, key, chain);
      else out.push({ key, label: n.label, labels: chain, kind: n.kind ?? 'count' });
    }
  };
  walk(columns, '', []);
  return out;
}

export function leafRows(rows: readonly RowNode[] | null): LeafRow[] {
  if (!rows) return [{ key: '', label: t('', ''), labels: [] }];
  const out: LeafRow[] = [];
  const walk = (nodes: readonly RowNode[], prefix: string, labels: readonly Text[]) => {
    for (const n of nodes) {
      const key = joinKey(prefix, n.key);
      const chain = [...labels, n.label];
      if (n.children) walk(n.children, key, chain);
      else out.push({ key, label: n.label, labels: chain });
    }
  };
  walk(rows, '', []);
  return out;
}

/** One cell of a layout: its REPORT-JSON path, the row and column it sits in, and its value kind. */
export interface CellLayout {
  readonly path: string;
  /** `path` split at the dots. */
  readonly keys: readonly string[];
  /** The path of the object that holds the cell (`applications.denied.stateSecret`). */
  readonly parent: string;
  readonly table: TableId;
  readonly grid: Grid;
  readonly row: LeafRow;
  readonly column: LeafColumn;
  readonly kind: ValueKind;
}

export const cellPath = (grid: Grid, rowKey: string, colKey: string): string =>
  [grid.base, rowKey, colKey].filter(Boolean).join('.');

export function gridCells(grid: Grid): CellLayout[] {
  const cols = leafColumns(grid.columns);
  const out: CellLayout[] = [];
  for (const r of leafRows(grid.rows)) {
    for (const c of cols) {
      const path = cellPath(grid, r.key, c.key);
      const keys = path.split('.');
      out.push({
        path,
        keys,
        parent: keys.slice(0, -1).join('.'),
        table: grid.base,
        grid,
        row: r,
        column: c,
        kind: c.kind,
      });
    }
  }
  return out;
}

const cellsCache = new WeakMap<ReportLayout, CellLayout[]>();
/** Every value cell of a layout, in reading order (table 二, 三, 四; rows, then columns). */
export function layoutCells(layout: ReportLayout): CellLayout[] {
  let cells = cellsCache.get(layout);
  if (!cells) {
    cells = [];
    for (const id of TABLE_IDS) for (const g of layout.tables[id].grids) cells.push(...gridCells(g));
    cellsCache.set(layout, cells);
  }
  return cells;
}

const indexCache = new WeakMap<ReportLayout, Map<string, CellLayout>>();
/** The cell at a path, or undefined when the layout has no such cell. */
export function cellAt(layout: ReportLayout, path: string): CellLayout | undefined {
  let index = indexCache.get(layout);
  if (!index) {
    index = new Map(layoutCells(layout).map((c) => [c.path, c]));
    indexCache.set(layout, index);
  }
  return index.get(path);
}

/** Read the value at a dotted path of a plain object (no JSONPath). */
export function getPath(obj: unknown, path: string | readonly string[]): unknown {
  let o: unknown = obj;
  for (const k of typeof path === 'string' ? path.split('.') : path) {
    if (!isObject(o)) return undefined;
    o = o[k];
  }
  return o;
}

/** What `readPath` gives when a value on the way is there but not an object (a row given as `5`). */
export const NOT_AN_OBJECT: unique symbol = Symbol('not an object');

/**
 * The value at a key path, like `getPath`, but telling a part that is missing or null (undefined: a
 * blank) from one that is there and not an object (`NOT_AN_OBJECT`: unreadable, a SCHEMA error).
 */
export function readPath(obj: unknown, path: string | readonly string[]): unknown {
  let o: unknown = obj;
  for (const k of typeof path === 'string' ? path.split('.') : path) {
    if (o === undefined || o === null) return undefined;
    if (!isObject(o)) return NOT_AN_OBJECT;
    o = o[k];
  }
  return o;
}

/**
 * A human label of a cell: row label and column label, e.g. "（七）总计 · 自然人". For table 四 the
 * column chain is used ("行政复议 · 总计").
 */
export function cellLabel(cell: CellLayout, locale: 'zh' | 'en' = 'zh'): string {
  const parts = cell.grid.rows
    ? [cell.row.label[locale], cell.column.label[locale]]
    : cell.column.labels.map((l) => l[locale]);
  return parts.filter(Boolean).join(' · ');
}
