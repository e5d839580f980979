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
 * with the sum of both claims' cells (members count rows of one table); a compound with a member that
 * is not a claim, 各 (each) and 分别 (respectively) are not attributed. What cannot be attributed is
 * skipped. Patterns have no capturing groups of their own.
 *
 * A claim compares its number with the sum of `cells` (`*` stands for any keys:
 * `applications.denied.*.total`), named in messages by `source` or the cells' labels; `rows`: a stated
 * total that agrees with its cell (or whose cell is blank) is also compared with the rows it totals.
 * `carriedOver`: the sentence says the count includes last year's carried-over requests (compare
 * with 新收 + 上年结转). `parts`: a breakdown that follows in the same clause (其中结果维持N件…), each
 * part compared with its claim's cells in another column (`upheld`). A claim of kind `sum` checks that the breakdown after a total
 * (主动公开信息N条，其中…a条，…b条) adds up to the total. Blank cells make a claim `skipped`, never a 0.
 */
import { cellLabel, isObject, layoutCells, type ReportLayout, type Text } from '../../model/layout.js';
import { compare, sum, toDecimalString, type Exact } from '../../model/decimal.js';
import { runContexts, skipReason } from './core.js';
import { NOT_APPLICABLE, type AlmanacLike, type FactResult, type Outcome } from './types.js';

export interface ClaimPart {
  pattern: string;
  /** The claim's cells in this column (`upheld`: `appeals.reconsideration.upheld`). */
  column: string;
}

export interface Claim {
  kind?: 'cells' | 'sum';
  patterns: string[];
  /** Cell paths whose sum the number should equal; `*` stands for any keys. */
  cells?: string[];
  /** How the table side is named in messages (default: the cells' labels). */
  source?: Text;
  /** The noun phrase must be all of the clause before the number, bar the `frame` words. */
  strict?: boolean;
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

/** A whole number written in digits (thousands separators, full-width digits) or Chinese numerals. */
export function readClaimNumber(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  // 百、千、万 alone (上千件, 上万件) are no number.
  if (!/^[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万]*$/.test(t)) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of t) {
    // 〇 is 零, 两 is 二
    const d = '零一二三四五六七八九〇两'.indexOf(ch);
    if (d >= 0) digit = d > 9 ? (d - 10) * 2 : d;
    else if (ch === '万') {
      total = (total + section + digit) * 10000;
      section = digit = 0;
    } else {
      section += (digit || 1) * 10 ** ('十百千'.indexOf(ch) + 1);
      digit = 0;
    }
  }
  return total + section + digit;
}

/** A digit, half or full width. */
const D = '[0-9０-９]';
const BOUNDS = '，,。；;：:（）()！？!?\n';
const STOPS = '。！？；\n';
/** Where the number was, in the text a pattern is matched against: the noun before it, the words after. */
const AT = '\0';

/** Per params object (rule files are frozen and shared): patterns compiled once, `{n}` as AT. */
interface Compiled {
  patterns: Matcher<Claim>;
  parts: Map<Claim, Matcher<string[]>>;
  frame: RegExp;
  numbers: RegExp;
}
const compiled = new WeakMap<TextParams, Compiled>();
const compiledJson = new Map<string, Compiled>();
const regexps = new Map<string, RegExp>();
const re = (source: string) => {
  let r = regexps.get(source);
  if (!r) regexps.set(source, (r = new RegExp(source)));
  return r;
};

/** The sentence around a position: from the previous 。！？； or line break to the next. */
function sentenceAt(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !STOPS.includes(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !STOPS.includes(text[b]!)) b++;
  const s = text.slice(a, b).trim();
  const from = Math.max(0, start - a - 40);
  return s.length > 140 ? s.slice(from, from + 140).trim() + '…' : s;
}

/**
 * All patterns matched at the number in one step: one sticky regular expression in which each pattern
 * is an alternative that matches nothing or its noun before the number (a lookbehind, matched
 * backwards from the number) and its words after it (a lookahead). Returns the longest match, or null
 * when two items tie.
 */
type Matcher<T> = (text: string, at: number) => { item: T; at: number; length: number } | null;
function matcher<T>(items: T[], patterns: [before: string, after: string][]): Matcher<T> {
  // Patterns have no capturing groups of their own (rules/README.md): pattern k's are 2k + 1 and 2k + 2.
  const r = new RegExp(patterns.map(([b, a]) => `(?:(?<=(${b}))(?=${AT}(${a}))|)`).join(''), 'y');
  return (text, at) => {
    r.lastIndex = at;
    const m = r.exec(text)!;
    let found: { item: T; at: number; length: number } | null = null;
    let tie = false;
    items.forEach((item, k) => {
      const b = m[2 * k + 1];
      if (b === undefined) return;
      const length = b.length + 1 + m[2 * k + 2]!.length;
      if (!found || length > found.length) [found, tie] = [{ item, at: at - b.length, length }, false];
      else if (length === found.length && item !== found.item) tie = true;
    });
    return tie ? null : found;
  };
}

const join = (texts: Text[]): Text => ({
  zh: texts.map((t) => t.zh).join(' + '),
  en: texts.map((t) => t.en).join(' + '),
});

/** Cell lists of the rule file (frozen: one object each) as paths of a layout. */
const globs = new WeakMap<readonly string[], Map<ReportLayout, string[] | null>>();

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
  // By identity (rule files are frozen and shared into every run); by content when a host's engine
  // clones the params for each run, so the patterns are not compiled again.
  const key = compiled.has(params) ? '' : JSON.stringify(params);
  let c = compiled.get(params) ?? compiledJson.get(key);
  if (!c) {
    const words: Record<string, string> = { u: `[${params.units}](?!性)`, ...params.words };
    const split = (p: string) =>
      p.replace(/\{(\w+)\}/g, (w, k: string) => words[k] ?? w).split('{n}') as [string, string];
    const claims = params.claims.flatMap((c) => c.patterns.map(() => c));
    compiled.set(
      params,
      (c = {
        patterns: matcher(
          claims,
          params.claims.flatMap((c) => c.patterns.map(split)),
        ),
        parts: new Map(
          params.claims
            .filter((c) => c.parts)
            .map((c) => [
              c,
              matcher(
                c.parts!.map((p) => c.cells!.map((x) => x.replace(/total$/, p.column))),
                c.parts!.map((p) => split(p.pattern)),
              ),
            ]),
        ),
        frame: new RegExp(`^(?:${params.frame})*$`),
        // Counts: numbers followed by a measure word. Not years, dates, percentages, 一次性, nor
        // approximations (5500余条, 300件左右; 约300件, 数十件: a word between the noun and the number
        // leaves it to no noun).
        numbers: new RegExp(
          `(?:${D}{1,3}(?:[,，]${D}{3})+(?!${D})|${D}+|[零〇一二两三四五六七八九十百千万]+)(?=[${params.units}](?!左右|以上|以下|上下|性))`,
          'g',
        ),
      }),
    );
    compiledJson.set(key, c!);
  }
  const { patterns, parts, frame, numbers } = c;
  const { layout } = current;

  const labelOf = (cells: string[]): Text =>
    join(
      cells.map((p) => {
        const c = current.cellLayout(p)!;
        return { zh: cellLabel(c, 'zh'), en: cellLabel(c, 'en') };
      }),
    );
  /**
   * Cell paths with `*` (any keys) as the layout's cells; null when one matches none. A claim about
   * cells the report's layout does not have is not checked: 本年制发 (2021) is not the 2019 format's
   * 本年新制作, so a 2019 report's prose about 制发 has nothing to compare with.
   */
  const cellsOf = (cells: readonly string[]) => {
    let byLayout = globs.get(cells);
    if (!byLayout) globs.set(cells, (byLayout = new Map()));
    let out = byLayout.get(layout);
    if (out === undefined) {
      const each = cells.map((g) => {
        const [head, tail] = g.split('*');
        return layoutCells(layout)
          .map((c) => c.path)
          .filter((p) => (tail === undefined ? p === head : p.startsWith(head!) && p.endsWith(tail)));
      });
      byLayout.set(layout, (out = each.every((l) => l.length) ? each.flat() : null));
    }
    return out;
  };
  const push = (
    status: 'fail' | 'skipped',
    cells: string[],
    expected: string | undefined,
    claimed: number,
    vars: Outcome['vars'],
    variant?: string,
  ) => result.outcomes.push({ status, cells, expected, actual: String(claimed), vars, variant });
  /** The sum of the cells: a value, or null with the cells that are blank, not numbers, or unreadable. */
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
  /** The number against the sum of the terms' cells (and, for a stated total, the rows it totals). */
  const check = (
    claimed: number,
    terms: [cells: readonly string[], source?: Text][],
    sentence: () => string,
    rows?: Claim['rows'],
  ) => {
    const lists = terms.map((t) => cellsOf(t[0]));
    if (lists.some((l) => !l)) return;
    const cells = lists[1] ? ([] as string[]).concat(...(lists as string[][])) : lists[0]!;
    const { value, blank, invalid, unreadable } = tableValue(cells);
    const total = rows && cellsOf(rows.cells);
    const byRows = total && tableValue(total).value;
    const vars = (source: Text) => ({ sentence: sentence(), source });
    if (value !== null && compare(value, claimed) !== 0)
      push(
        'fail',
        cells,
        toDecimalString(value),
        claimed,
        vars(join(lists.map((l, i) => terms[i]![1] ?? labelOf(l!)))),
      );
    // A stated total that agrees with its cell (or whose cell is blank) and not with the rows it totals.
    else if (byRows != null && compare(byRows, claimed) !== 0)
      push('fail', total!, toDecimalString(byRows), claimed, vars(rows!.source));
    else if (value !== null || byRows != null) result.held++;
    else {
      const labels = (ps: string[]) => ps.map((p) => labelOf([p]));
      push(
        'skipped',
        cells,
        undefined,
        claimed,
        {
          ...vars(labelOf([...blank, ...invalid, ...unreadable])),
          reason: skipReason(labels(blank), labels(invalid), labels(unreadable)),
        },
        'skipped',
      );
    }
  };

  for (const text of texts) {
    // Spaces around numbers (PDF text: "受理政府信息公开申请 21 件") are layout noise.
    const flat = text.replace(/[ \t\u00a0\u3000]+/g, '');
    let previousEnd = 0;
    /** The claim whose breakdown (parts) may follow, and where its clause ends. */
    let parent: { claim: Claim; end: number } | null = null;
    for (const m of flat.matchAll(numbers)) {
      const start = m.index;
      const end = start + m[0].length;
      // Not a count: 第X条, a decimal.
      if ('第.．'.includes(flat[start - 1]!)) continue;
      const claimed = readClaimNumber(m[0]);
      let from = start;
      const limit = Math.max(previousEnd, start - 40);
      while (from > limit && !BOUNDS.includes(flat[from - 1]!)) from--;
      previousEnd = end + 1;
      // A list goes on after 、: 行政复议0件、行政诉讼0件.
      const prefix = flat.slice(flat[from] === '、' ? from + 1 : from, start);
      if (claimed === null) continue;
      /** The clause with the number marked: the noun before it, the words after. */
      const here = prefix + AT + flat.slice(end, end + 40);
      const sentence = () => sentenceAt(flat, start, end);
      if (parent && start >= parent.end) parent = null;
      const part = parent && parts.get(parent.claim)!(here, prefix.length)?.item;
      if (part) {
        check(claimed, [[part]], sentence);
        continue;
      }
      const found = patterns(here, prefix.length);
      if (!found) continue;
      // A noun after the number (4件申请的内容予以公开) runs to the end of its clause: none of it is the next count's.
      if (found.at === prefix.length) {
        let stop = end + found.length - 1;
        while (stop < flat.length && !BOUNDS.includes(flat[stop]!)) stop++;
        previousEnd = stop;
      }
      // The members of a compound noun, last to first: 予以公开及部分公开, 行政复议、行政诉讼. They count the
      // same things (rows of one table: not 制定规章及行政复议); 各 and 分别 are not read.
      const members = [found.item];
      const table = (c: Claim) => c.cells?.[0]!.split('.')[0] ?? c;
      let at = found.at;
      let conj: RegExpExecArray | null = null;
      while (at < prefix.length && (conj = /(?:以及|及|和|与|、)$/.exec(prefix.slice(0, at)))) {
        const member = patterns(prefix.slice(0, conj.index) + AT + flat[end], conj.index);
        if (!member || members.includes(member.item) || table(member.item) !== table(found.item)) break;
        members.unshift(member.item);
        at = member.at;
        conj = null;
      }
      const lead = prefix.slice(0, at);
      if (conj || members.some((c) => c.strict && !frame.test(lead))) continue;
      const claim = found.item;
      if (members[1]) {
        check(
          claimed,
          members.map((c) => [c.cells!, c.source]),
          sentence,
        );
        continue;
      }
      const clauseEnd = flat.slice(end).search(re(claim.clauseEnd ?? '[。；]'));
      const rest = flat.slice(end + 1, clauseEnd === -1 ? flat.length : end + clauseEnd);
      if (claim.kind === 'sum') {
        // A breakdown with approximate items (约…、…余条) cannot be added up.
        if (!/^[，,（(]*其中/.test(rest) || /约|余|多[条件]|左右/.test(rest)) continue;
        const items = (rest.match(numbers) ?? []).map(readClaimNumber);
        if (items.length < 2 || items.includes(null)) continue;
        const total = items.reduce((a, b) => a! + b!, 0)!;
        if (total === claimed) result.held++;
        else push('fail', [], String(claimed), total, { sentence: sentence() }, 'sum');
        continue;
      }
      const tail = rest.search(/[，,。；]/);
      const around = flat.slice(Math.max(0, start - 12), end + 1 + (tail === -1 ? rest.length : tail));
      const carried = claim.carriedOver && re(claim.carriedOver.when).test(around);
      if (claim.cells)
        check(claimed, [carried ? [claim.carriedOver!.cells] : [claim.cells, claim.source]], sentence, claim.rows);
      if (claim.parts) parent = { claim, end: end + (clauseEnd === -1 ? flat.length : clauseEnd) };
    }
  }
  return result;
}

export const OUTCOME_FACTS = { textClaims };
