/**
 * `textClaims` (rule TEXT): numbers stated in the prose sections agree with the tables.
 *
 * The claims are declared in rules/TEXT.json: each has one or more patterns (regular expressions
 * in which `{n}` stands for a number, in Arabic digits with or without thousands separators, or in
 * Chinese numerals), the cells whose sum the number should equal, optionally a `carriedOver`
 * variant (the sentence says the count includes last year's carried-over requests: compare with
 * 新收 + 上年结转), and `parts`: a breakdown that follows the claim in the same clause
 * (其中结果维持N件…), each part compared with its own cells. A claim of kind `sum` checks that the
 * breakdown after a total (主动公开信息N条，其中…a条，…b条) adds up to the total.
 * Blank cells make a claim `skipped`, never a 0.
 */
import { cellLabel, isObject, type Text } from '../../model/layout.js';
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
  cells?: string[];
  /** When the text near the number matches `when`, compare with these cells instead. */
  carriedOver?: { when: string; cells: string[] };
  parts?: ClaimPart[];
  /** Where the clause of a claim ends (for parts). Default: 。；. */
  clauseEnd?: string;
}

export interface TextParams {
  sections: string[];
  claims: Claim[];
}

const NUM = '(\\d{1,3}(?:[,，]\\d{3})+|\\d+|[零〇一二两三四五六七八九十百千万]+)';

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A whole number written in digits (thousands separators, full-width digits) or Chinese numerals. */
export function readClaimNumber(text: string): number | null {
  const t = text.normalize('NFKC').replace(/[\s,，]/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(t)) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of t) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else if (ch in CN_UNITS) {
      section += (digit || 1) * CN_UNITS[ch]!;
      digit = 0;
    } else if (ch === '万') {
      total = (total + section + digit) * 10000;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

// Keyed by flags, then by the pattern itself: no key string is built (and hashed) per lookup.
const compiled: Record<string, Map<string, RegExp>> = { g: new Map(), '': new Map() };
function re(pattern: string, flags: 'g' | '' = 'g'): RegExp {
  const cache = compiled[flags]!;
  let r = cache.get(pattern);
  if (!r) cache.set(pattern, (r = new RegExp(pattern.split('{n}').join(NUM), flags)));
  r.lastIndex = 0;
  return r;
}

const STOPS = new Set(['。', '！', '？', '；', '\n']);

/** The sentence around a position: from the previous 。！？； or line break to the next. */
function sentenceAt(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !STOPS.has(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !STOPS.has(text[b]!)) b++;
  let s = text.slice(a, b).trim();
  if (s.length > 140) s = s.slice(Math.max(0, start - a - 40), Math.max(0, start - a - 40) + 140).trim() + '…';
  return s;
}

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
  const check = (claimed: number, cells: string[], what: Text, sentence: () => string) => {
    // A claim about cells the report's layout does not have is not checked: 本年制发 (2021) is not
    // the 2019 format's 本年新制作, so a 2019 report's prose about 制发 has nothing to compare with.
    if (!cells.every((p) => current.cellLayout(p))) return;
    const { value, blank, invalid, unreadable } = tableValue(cells);
    if (value === null) {
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
      return;
    }
    if (compare(value, claimed) === 0) result.held++;
    else {
      result.outcomes.push({
        status: 'fail',
        cells,
        expected: toDecimalString(value),
        actual: String(claimed),
        vars: { what, sentence: sentence(), source: labelOf(cells) },
      });
    }
  };

  for (const text of texts) {
    // Spaces around numbers (PDF text: "受理政府信息公开申请 21 件") are layout noise.
    const flat = text.replace(/[ \t\u00a0\u3000]+/g, '');
    const used: Array<[number, number]> = [];
    for (const claim of params.claims) {
      for (const pattern of claim.patterns) {
        const r = re(pattern);
        let m: RegExpExecArray | null;
        while ((m = r.exec(flat))) {
          const start = m.index;
          const end = start + m[0].length;
          if (used.some(([a, b]) => start < b && end > a)) continue;
          used.push([start, end]);
          const claimed = readClaimNumber(m[1]!);
          if (claimed === null) continue;
          // The sentence is quoted only in a finding: found lazily.
          const sentence = () => sentenceAt(flat, start, end);
          const clauseEnd = re(claim.clauseEnd ?? '[。；]', '');
          const restRaw = flat.slice(end);
          const stop = restRaw.search(clauseEnd);
          const rest = stop === -1 ? restRaw : restRaw.slice(0, stop);
          if (claim.kind === 'sum') {
            if (!/^[，,（(]*其中/.test(rest)) continue;
            let total = 0;
            let n = 0;
            const pr = re(`{n}\\s*(?:条|件)`);
            let pm: RegExpExecArray | null;
            while ((pm = pr.exec(rest))) {
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
          let cells = claim.cells ?? [];
          if (claim.carriedOver) {
            const tail = rest.search(/[，,。；]/);
            const around = flat.slice(Math.max(0, start - 12), end + (tail === -1 ? rest.length : tail));
            if (re(claim.carriedOver.when, '').test(around)) cells = claim.carriedOver.cells;
          }
          check(claimed, cells, claim.what, sentence);
          for (const part of claim.parts ?? []) {
            const pm = re(part.pattern, '').exec(rest);
            const v = pm ? readClaimNumber(pm[1]!) : null;
            if (v !== null) check(v, part.cells, part.what, sentence);
          }
        }
      }
    }
  }
  return result;
}

export const OUTCOME_FACTS = { textClaims };
