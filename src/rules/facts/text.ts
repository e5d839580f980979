/**
 * `textClaims` (rule TEXT): numbers stated in the prose sections agree with the tables.
 *
 * The prose is read count by count: a count is a number (Arabic digits, with or without thousands
 * separators, or Chinese numerals) followed by a measure word (`units`: 件、条、次…). Percentages,
 * years, dates, 第X条, decimals and approximations (5500余条, 约300件, 300件左右) are not counts. Each
 * count is attributed only to the noun phrase that governs it in its own clause: the text between
 * the previous count or punctuation mark and the number (受理政府信息公开申请 | 3119件), or the words
 * right after the measure word (4件 | 申请的内容予以公开). A keyword further back in the sentence
 * says nothing about this number, so 较上年增加5件 is not a count of anything.
 *
 * The claims are declared in rules/TEXT.json: each has patterns (regular expressions in which `{n}`
 * stands for the number and `{name}` for `words[name]`; `{u}` is a measure word). The part before
 * `{n}` must end where the number starts, the part after must start where it ends. When several
 * claims match, the longest match wins (同意公开答复 is 同意公开, not 答复); a tie between claims is
 * not attributed. A `strict` claim's noun phrase must be all of its clause bar the `frame` words
 * (其中, 全年, 已…): 延期答复3件 is not 答复, 属于国家秘密不予公开2件 is not all of 不予公开.
 * Compound nouns are read as compounds: 予以公开及部分公开42件 (及、和、与、以及、“、”) is compared
 * with the sum of both claims' cells, and 行政复议、行政诉讼各0件 with each; a compound with a member
 * that is not a claim, or 分别 (respectively), is not attributed. What cannot be attributed is skipped.
 *
 * A claim compares its number with the sum of `cells` (`*` stands for any keys:
 * `applications.denied.*.total`), named in messages by `source` or the cells' labels; `rows`: a stated
 * total that agrees with its cell (or whose cell is blank) is also compared with the rows it totals.
 * `carriedOver`: the sentence says the count includes last year's carried-over requests (compare
 * with 新收 + 上年结转). `parts`: a breakdown that follows in the same clause (其中结果维持N件…), each
 * part compared with its own cells. A claim of kind `sum` checks that the breakdown after a total
 * (主动公开信息N条，其中…a条，…b条) adds up to the total. Blank cells make a claim `skipped`, never a 0.
 */
import { cellLabel, isObject, layoutCells, type ReportLayout, type Text } from '../../model/layout.js';
import { compare, sum, toDecimalString, type Exact } from '../../model/decimal.js';
import { runContexts, skipReason } from './core.js';
import { NOT_APPLICABLE, type AlmanacLike, type FactResult } from './types.js';

export interface ClaimPart {
  pattern: string;
  cells: string[];
  what: Text;
}

export interface Claim {
  id: string;
  kind?: 'cells' | 'sum';
  what: Text;
  patterns: string[];
  /** Cell paths whose sum the number should equal; `*` stands for any keys. */
  cells?: string[];
  /** How the table side is named in messages (default: the cells' labels). */
  source?: Text;
  /** The noun phrase must be all of the clause before the number, bar the `frame` words. */
  strict?: boolean;
  /** Not this claim when the clause before the number matches (截至…累计制发: not this year's). */
  not?: string;
  /** A stated total: also compared with the sum of the rows it totals. */
  rows?: { cells: string[]; source: Text };
  /** When the text near the number matches `when`, compare with these cells instead. */
  carriedOver?: { when: string; cells: string[] };
  parts?: ClaimPart[];
  /** Where the clause of a claim ends (for parts and sums). Default: 。；. */
  clauseEnd?: string;
}

export interface TextParams {
  sections: string[];
  /** Measure words: a number followed by one of these characters is a count. */
  units: string;
  /** `{name}` in a pattern stands for `words[name]`. */
  words?: Record<string, string>;
  /** Words that may come before a strict claim's noun phrase in its clause (a regular expression). */
  frame?: string;
  claims: Claim[];
}

const NUM = '(\\d{1,3}(?:[,，]\\d{3})+(?!\\d)|\\d+|[零〇一二两三四五六七八九十百千万]+)';

const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A whole number written in digits (thousands separators, full-width digits) or Chinese numerals. */
export function readClaimNumber(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  // 百、千、万 alone (上千件, 上万件) are no number.
  if (!/^[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*$/.test(t)) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of t.replace(/〇/g, '零').replace(/两/g, '二')) {
    const d = '零一二三四五六七八九'.indexOf(ch);
    if (d >= 0) digit = d;
    else if (ch === '万') {
      total = (total + section + digit) * 10000;
      section = digit = 0;
    } else {
      section += (digit || 1) * CN_UNITS[ch]!;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** A claim's pattern split at `{n}`: the part that must end at the number, the part that must start after it. */
interface Pattern {
  claim: Claim;
  before: RegExp | null;
  after: RegExp;
}
interface Compiled {
  patterns: Pattern[];
  /** The patterns that can be a member of a compound noun: a noun before the number, cells to add. */
  compounds: Pattern[];
  parts: Map<ClaimPart, Pattern>;
  frame: RegExp;
  units: string;
}

const compiledParams = new WeakMap<TextParams, Compiled>();
function compile(params: TextParams): Compiled {
  let c = compiledParams.get(params);
  if (c) return c;
  const words: Record<string, string> = { u: `[${params.units}](?!性)`, ...params.words };
  const split = (claim: Claim, pattern: string): Pattern => {
    const [b, a = ''] = pattern.replace(/\{(\w+)\}/g, (w, k: string) => (k === 'n' ? w : (words[k] ?? w))).split('{n}');
    return { claim, before: b ? new RegExp(`(?:${b})$`) : null, after: new RegExp(`^(?:${a})`) };
  };
  const parts = new Map<ClaimPart, Pattern>();
  for (const claim of params.claims) for (const p of claim.parts ?? []) parts.set(p, split(claim, p.pattern));
  const patterns = params.claims.flatMap((claim) => claim.patterns.map((p) => split(claim, p)));
  c = {
    patterns,
    compounds: patterns.filter((p) => p.before && p.claim.cells),
    parts,
    frame: new RegExp(`^(?:${params.frame ?? ''})*$`),
    units: params.units,
  };
  compiledParams.set(params, c);
  return c;
}

const BOUNDS = '，,。；;：:（）()！？!?\n';
const STOPS = '。！？；\n';
const WINDOW = 40;
const NUMBERS = new RegExp(NUM.replace(/\\d/g, '[0-9０-９]'), 'g');

/** The sentence around a position: from the previous 。！？； or line break to the next. */
function sentenceAt(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !STOPS.includes(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !STOPS.includes(text[b]!)) b++;
  let s = text.slice(a, b).trim();
  if (s.length > 140) s = s.slice(Math.max(0, start - a - 40), Math.max(0, start - a - 40) + 140).trim() + '…';
  return s;
}

/** The best match of the patterns at a number: the longest, or null when claims tie. */
function best(patterns: Iterable<Pattern>, prefix: string, suffix: string | null) {
  let found: { claim: Claim; at: number; after: number; length: number } | null = null;
  let tie = false;
  for (const p of patterns) {
    let at = prefix.length;
    if (p.before) {
      const m = p.before.exec(prefix);
      if (!m) continue;
      at = m.index;
    } else if (suffix === null) continue;
    const after = suffix === null ? 0 : p.after.exec(suffix)?.[0].length;
    if (after === undefined) continue;
    const length = prefix.length - at + after;
    if (!found || length > found.length) [found, tie] = [{ claim: p.claim, at, after, length }, false];
    else if (length === found.length && p.claim !== found.claim) tie = true;
  }
  return tie ? null : found;
}

const regexps = new Map<string, RegExp>();
const re = (source: string) => {
  let r = regexps.get(source);
  if (!r) regexps.set(source, (r = new RegExp(source)));
  return r;
};

const globs = new WeakMap<ReportLayout, Map<string, string[]>>();
/** Cell paths with `*` (any keys) expanded against the layout. */
function expandCells(layout: ReportLayout, cells: readonly string[]): string[] {
  if (!cells.some((p) => p.includes('*'))) return cells as string[];
  let cache = globs.get(layout);
  if (!cache) globs.set(layout, (cache = new Map()));
  const key = cells.join();
  let out = cache.get(key);
  if (!out) {
    const res = cells.map((p) => new RegExp(`^${p.replace(/\./g, '\\.').replace(/\*/g, '[\\w.]*')}$`));
    out = layoutCells(layout)
      .map((c) => c.path)
      .filter((p) => res.some((r) => r.test(p)));
    cache.set(key, out);
  }
  return out;
}

const joinWhat = (claims: Claim[]): Text =>
  claims.length === 1
    ? claims[0]!.what
    : {
        zh: claims.map((c) => c.what.zh).join('、') + '合计',
        en: claims.map((c) => c.what.en).join(' and ') + ' together',
      };

/** Prose as one string per section, PDF line breaks inside sentences kept as they are. */
export async function textClaims(params: TextParams, almanac: AlmanacLike): Promise<FactResult> {
  const { current } = await runContexts(almanac);
  if (!current) return NOT_APPLICABLE;
  const sections = current.report['sections'];
  if (!isObject(sections)) return NOT_APPLICABLE;
  const texts = params.sections
    .map((s) => sections[s])
    .filter((s): s is string => typeof s === 'string' && s.length > 0);
  if (!texts.length) return NOT_APPLICABLE;
  const result: FactResult = { applicable: true, held: 0, outcomes: [] };
  const { patterns, compounds, parts, frame, units } = compile(params);

  /** The table's value for the cells, or null with the cells that are blank, not numbers, or unreadable. */
  const tableValue = (cells: string[]) => {
    const values: Exact[] = [];
    const blank: string[] = [];
    const invalid: string[] = [];
    const unreadable: string[] = [];
    for (const p of cells) {
      const s = current.cell(p);
      if (s && s.state === 'value') values.push(s.value);
      else (!s || s.state === 'blank' ? blank : s.unreadable ? unreadable : invalid).push(p);
    }
    return {
      value: blank.length || invalid.length || unreadable.length ? null : sum(values),
      blank,
      invalid,
      unreadable,
    };
  };
  const labelOf = (cells: string[]): Text => {
    const parts = cells.map((p) => current.cellLayout(p));
    return {
      zh: parts.map((c, i) => (c ? cellLabel(c, 'zh') : cells[i])).join(' + '),
      en: parts.map((c, i) => (c ? cellLabel(c, 'en') : cells[i])).join(' + '),
    };
  };
  const cellsOf = (cells: readonly string[]) => {
    const out = expandCells(current.layout, cells);
    // A claim about cells the report's layout does not have is not checked: 本年制发 (2021) is not
    // the 2019 format's 本年新制作, so a 2019 report's prose about 制发 has nothing to compare with.
    return out.length && out.every((p) => current.cellLayout(p)) ? out : null;
  };
  const check = (
    claimed: number,
    what: Text,
    terms: [cells: readonly string[], source?: Text][],
    sentence: () => string,
    rows?: Claim['rows'],
  ) => {
    const lists = terms.map((t) => cellsOf(t[0]));
    if (lists.some((l) => !l)) return;
    const cells = lists.flat() as string[];
    const names = lists.map((l, i) => terms[i]![1] ?? labelOf(l!));
    const source = { zh: names.map((n) => n.zh).join(' + '), en: names.map((n) => n.en).join(' + ') };
    const { value, blank, invalid, unreadable } = tableValue(cells);
    const total = rows && cellsOf(rows.cells);
    const byRows = total && tableValue(total).value;
    const fail = (expected: Exact, cells: string[], source: Text) =>
      result.outcomes.push({
        status: 'fail',
        cells,
        expected: toDecimalString(expected),
        actual: String(claimed),
        vars: { what, sentence: sentence(), source },
      });
    if (value !== null && compare(value, claimed) !== 0) fail(value, cells, source);
    // A stated total that agrees with its cell (or whose cell is blank) and not with the rows it totals.
    else if (byRows != null && compare(byRows, claimed) !== 0) fail(byRows, total!, rows!.source);
    else if (value !== null || byRows != null) result.held++;
    else {
      const labels = (ps: string[]) => ps.map((p) => labelOf([p]));
      result.outcomes.push({
        status: 'skipped',
        cells,
        variant: 'skipped',
        actual: String(claimed),
        vars: {
          what,
          sentence: sentence(),
          source: labelOf([...blank, ...invalid, ...unreadable]),
          reason: skipReason(labels(blank), labels(invalid), labels(unreadable)),
        },
      });
    }
  };

  for (const text of texts) {
    // Spaces around numbers (PDF text: "受理政府信息公开申请 21 件") are layout noise.
    const flat = text.replace(/[ \t\u00a0\u3000]+/g, '');
    let previousEnd = 0;
    /** The claim whose breakdown (parts) may follow, and where its clause ends. */
    let parent: { claim: Claim; end: number } | null = null;
    for (const m of flat.matchAll(NUMBERS)) {
      const start = m.index;
      const end = start + m[0].length;
      const before = flat[start - 1];
      let unit = end;
      if (flat[unit] === '余' || flat[unit] === '多') unit++;
      // Not a count: no measure word (years, dates, percentages), 第X条, a decimal, 一次性.
      if (!units.includes(flat[unit]!) || '第.．'.includes(before!) || flat[unit + 1] === '性') continue;
      const claimed = readClaimNumber(m[0]);
      let from = start;
      const limit = Math.max(previousEnd, start - WINDOW);
      while (from > limit && !BOUNDS.includes(flat[from - 1]!)) from--;
      previousEnd = unit + 1;
      // A list goes on after 、: 行政复议0件、行政诉讼0件.
      let prefix = flat.slice(from, start).replace(/^、/, '');
      // Approximations are not counts to compare: 5500余条, 约300件, 300件左右, 数十件.
      if (claimed === null || unit > end || /(?:约|近|逾|超过|不足|不到|数|几)$/.test(prefix)) continue;
      if (/^(?:左右|以上|以下|上下)/.test(flat.slice(unit + 1, unit + 3))) continue;
      const suffix = flat.slice(end, end + WINDOW);
      const sentence = () => sentenceAt(flat, start, end);
      if (parent && start >= parent.end) parent = null;
      const part = parent?.claim.parts!.find((p) => best([parts.get(p)!], prefix, suffix));
      if (part) {
        check(claimed, part.what, [[part.cells]], sentence);
        continue;
      }
      // 各 (each): every member of a compound has this number; 分别 (respectively): not attributed.
      const each = /(?:各|均为|均是|分别为|分别是|分别)$/.exec(prefix);
      if (each) {
        if (each[0].startsWith('分')) continue;
        prefix = prefix.slice(0, each.index);
      }
      const found = best(patterns, prefix, each ? null : suffix);
      if (!found) continue;
      // A noun after the number (4件申请的内容予以公开) runs to the end of the clause: none of it is the next count's.
      if (found.at === prefix.length && !each) {
        let stop = end + found.after;
        while (stop < flat.length && !BOUNDS.includes(flat[stop]!)) stop++;
        previousEnd = stop;
      }
      // The members of a compound noun, last to first: 予以公开及部分公开, 行政复议、行政诉讼.
      const members = [found.claim];
      let at = found.at;
      let conj: RegExpExecArray | null = null;
      while (at < prefix.length && (conj = /(?:以及|及|和|与|、)$/.exec(prefix.slice(0, at)))) {
        const member = best(compounds, prefix.slice(0, conj.index), null);
        // Members count the same things: rows of one table (not 制定规章及行政复议).
        const table = (c: Claim) => c.cells?.[0]!.split('.')[0];
        if (!member || members.includes(member.claim) || table(member.claim) !== table(found.claim)) break;
        members.unshift(member.claim);
        at = member.at;
        conj = null;
      }
      if (conj || (members.length > 1 && !found.claim.cells)) continue;
      const lead = prefix.slice(0, at);
      if (members.some((c) => (c.strict && !frame.test(lead)) || (c.not && re(c.not).test(prefix)))) continue;
      if (members.length > 1) {
        const terms = members.map((c): [string[], Text?] => [c.cells!, c.source]);
        if (each) members.forEach((c, i) => check(claimed, c.what, [terms[i]!], sentence, c.rows));
        else check(claimed, joinWhat(members), terms, sentence);
        continue;
      }
      const claim = found.claim;
      const clauseEnd = flat.slice(end).search(re(claim.clauseEnd ?? '[。；]'));
      const rest = flat.slice(unit + 1, clauseEnd === -1 ? flat.length : end + clauseEnd);
      if (claim.kind === 'sum') {
        // A breakdown with approximate items (约…、…余条) cannot be added up.
        if (!/^[，,（(]*其中/.test(rest) || /约|余|多[条件]|左右/.test(rest)) continue;
        let total = 0;
        let n = 0;
        for (const pm of rest.matchAll(/(?<![第.\d])(\d+|[一二两三四五六七八九十百千]+)[条件]/g)) {
          const v = readClaimNumber(pm[1]!);
          if (v === null) continue;
          total += v;
          n++;
        }
        if (n < 2) continue;
        if (total === claimed) result.held++;
        else {
          result.outcomes.push({
            status: 'fail',
            cells: [],
            variant: 'sum',
            expected: String(claimed),
            actual: String(total),
            vars: { what: claim.what, sentence: sentence(), source: claim.what },
          });
        }
        continue;
      }
      let term: [string[], Text?] = [claim.cells ?? [], claim.source];
      if (claim.carriedOver) {
        const tail = rest.search(/[，,。；]/);
        const around = flat.slice(Math.max(0, start - 12), unit + 1 + (tail === -1 ? rest.length : tail));
        if (re(claim.carriedOver.when).test(around)) term = [claim.carriedOver.cells];
      }
      if (term[0].length) check(claimed, claim.what, [term], sentence, claim.rows);
      if (claim.parts) parent = { claim, end: end + (clauseEnd === -1 ? flat.length : clauseEnd) };
    }
  }
  return result;
}

export const OUTCOME_FACTS = { textClaims };
