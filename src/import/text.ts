/**
 * Flattened text layouts → items (docs/format.md §8): one cell per line, blank lines between cells,
 * `|` lines between cells, `cell | cell |` rows, PDF text (a label and its numbers on one line,
 * separated by spaces), and glued text (a whole page on one line, cells without separators),
 * which is first cut at every official label it contains.
 */
import { isValueText, normKeepSpaces } from './normalize.js';
import { allLabels } from './labels.js';
import type { Item } from './items.js';

/** A line of the input, or a piece of a glued line cut at a label. */
export interface Seg {
  text: string;
  line: number;
  offset: number;
  glued: boolean;
}

export interface TextRead {
  segs: Seg[];
  items: Array<Item & { seg: number }>;
  /** Lines that held several cells separated by `|`, by spaces, or glued. */
  /** Lines (by seg) that held only numbers separated by spaces: one cell each in one-cell-per-line layouts. */
  numberLines: Set<number>;
  stats: {
    pipeRows: number;
    pipeCells: number;
    spaceRows: number;
    tabRows: number;
    glued: number;
    blank: number;
    cells: number;
  };
}

/** A glued page holds table labels: a cheap test before counting them. */
const GLUED_HINT = /第二十条|申请数量|结果维持|办理结果|信息内容/;
const PAGE_NUMBER =
  /^\s*(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
const ORDINAL = /\d[(（][一二三四五六七八九十]/;
const ORDINAL_AFTER = /^(.*?\p{Script=Han})?(\d+(?:\.\d+)?)([(（][一二三四五六七八九十]{1,2}[)）].*)$/u;
const cellsOf = (tok: string) => /^[A-Za-z?？*#]+$/.test(tok);
const BLANK_LINE = /^[\s\u00a0\u3000\ufeff]*$/;

let labelIndex: Map<string, string[]> | undefined;
/** Labels by first character, longest first. */
function labelsByFirst(): Map<string, string[]> {
  if (labelIndex) return labelIndex;
  labelIndex = new Map();
  for (const l of allLabels()) {
    const k = l[0]!;
    const list = labelIndex.get(k) ?? [];
    list.push(l);
    labelIndex.set(k, list);
  }
  return labelIndex;
}

/** Count official labels in a line (cheap check for glued text). */
function labelHits(s: string, limit: number): number {
  const idx = labelsByFirst();
  let hits = 0;
  for (let i = 0; i < s.length && hits < limit; i++) {
    const list = idx.get(s[i]!);
    if (!list) continue;
    for (const l of list) {
      if (s.startsWith(l, i)) {
        hits++;
        i += l.length - 1;
        break;
      }
    }
  }
  return hits;
}

/** Length of the label `l` at `s[i]`, spaces inside it allowed ("三、本年度办 理结果"); -1 when absent. */
function labelAt(s: string, i: number, l: string): number {
  if (s.startsWith(l, i)) return l.length;
  let j = i;
  for (let k = 0; k < l.length; k++, j++) {
    if (k) while (s[j] === ' ') j++;
    if (s[j] !== l[k]) return -1;
  }
  return j - i;
}

/** Cut a glued line at every official label (longest match first). */
function cutGlued(line: string, lineNo: number, offset: number): Seg[] {
  const s = normKeepSpaces(line);
  const idx = labelsByFirst();
  const out: Seg[] = [];
  let start = 0;
  const push = (a: number, b: number) => {
    const t = s.slice(a, b);
    // Digits glued to text that is not a label ("0000000三、本年度办") are a run of their own.
    const d = /^[\d\s.,]*\d(?:万元|元)?\s*(?![万元])(?=\p{Script=Han}|[(（][一二三四五六七八九十]{1,2}[)）])/u.exec(t);
    if (d) {
      push(a, a + d[0].length);
      a += d[0].length;
    }
    const rest = s.slice(a, b);
    if (rest.trim()) out.push({ text: rest.trim(), line: lineNo, offset: offset + a, glued: true });
  };
  for (let i = 0; i < s.length; i++) {
    const list = idx.get(s[i]!);
    if (!list) continue;
    for (const l of list) {
      const n = labelAt(s, i, l);
      if (n > 0) {
        push(start, i);
        push(i, i + n);
        start = i + n;
        i = start - 1;
        break;
      }
    }
  }
  push(start, s.length);
  return out;
}

export function readText(input: string): TextRead {
  const segs: Seg[] = [];
  const stats = { pipeRows: 0, pipeCells: 0, spaceRows: 0, tabRows: 0, glued: 0, blank: 0, cells: 0 };
  let offset: number;
  let lineNo = 0;
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  const lines: Array<[string, number, number]> = [];
  let last = 0;
  while ((m = re.exec(input))) {
    lines.push([input.slice(last, m.index), ++lineNo, last]);
    last = re.lastIndex;
  }
  if (last < input.length || lines.length === 0) lines.push([input.slice(last), lineNo + 1, last]);
  for (const [text, line, off] of lines) {
    offset = off;
    if (PAGE_NUMBER.test(text)) continue;
    if (text.length > 300 && GLUED_HINT.test(text) && labelHits(text, 8) >= 8) {
      stats.glued++;
      for (const g of cutGlued(text, line, offset)) segs.push(g);
    } else segs.push({ text, line, offset, glued: false });
  }

  // Markdown tables (rows open with "|", a |---| row under the header), as opposed to "cell | cell |"
  // rows whose first cell may be empty.
  let pipeRows = 0;
  let pipeOpen = 0;
  let separators = 0;
  for (const seg of segs) {
    if (seg.glued || seg.text.split('|').length < 3) continue;
    pipeRows++;
    if (/^\s*\|/.test(seg.text)) pipeOpen++;
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(seg.text)) separators++;
  }
  const markdown = separators > 0 || (pipeRows >= 5 && pipeOpen >= pipeRows * 0.8);
  // Markdown from OCR or PDF conversion: headings (## 一、总体情况) and bold (**二、…**) are plain text.
  if (separators) for (const seg of segs) seg.text = seg.text.replace(/^\s*#{1,6}\s+/, '').replace(/\*\*|__/g, '');

  const items: Array<Item & { seg: number }> = [];
  const numberLines = new Set<number>();
  segs.forEach((seg, si) => {
    const { text, line, offset } = seg;
    const cell = (t: string, off = offset) => items.push({ kind: 'cell', text: t, line, offset: off, seg: si });
    const brk = () => items.push({ kind: 'break', text: '', line, offset, seg: si });
    if (BLANK_LINE.test(text)) {
      stats.blank++;
      items.push({ kind: 'blank', text: '', line, offset, seg: si });
      return;
    }
    if (!seg.glued && text.includes('|')) {
      const pieces = text.split('|').map((p) => p.trim());
      // Trailing empty pieces are padding ("0 | ||"): drop them; inner empty pieces are blank cells.
      while (pieces.length && pieces[pieces.length - 1] === '') pieces.pop();
      // Markdown: a leading "|" opens the row (not an empty cell); "|---|:--:|" separates the header.
      if (markdown && pieces.length > 1 && pieces[0] === '' && /^\s*\|/.test(text)) pieces.shift();
      if (pieces.length && pieces.every((p) => /^:?-{3,}:?$/.test(p))) {
        brk();
        return;
      }
      if (pieces.length === 0) {
        // A bare "|": a row boundary, or an empty cell (which flattens the same way).
        items.push({ kind: 'bar', text: '', line, offset, seg: si });
        return;
      }
      if (pieces.length === 1) {
        stats.pipeCells++;
        cell(pieces[0]!);
        return;
      }
      stats.pipeRows++;
      for (const p of pieces) cell(p);
      brk();
      return;
    }
    if (!seg.glued && text.includes('\t') && text.trim().includes('\t')) {
      // Tab-separated cells (a table copied from Word or Excel): empty pieces are blank cells.
      const pieces = text.split('\t').map((p) => p.trim());
      while (pieces.length && pieces[pieces.length - 1] === '') pieces.pop();
      if (pieces.length >= 2) {
        stats.tabRows++;
        for (const p of pieces) cell(p);
        brk();
        return;
      }
    }
    const trimmed = text.trim();
    // An amount followed directly by the next item's ordinal ("5949.09(二)主动公开") is a cell of its own.
    let tokens = trimmed.split(/[\s\u00a0\u3000]+/);
    if (ORDINAL.test(trimmed))
      tokens = tokens.flatMap((t) => (t.length < 200 && ORDINAL_AFTER.exec(t)?.slice(1).filter(Boolean)) || [t]);
    if (tokens.length >= 2 && tokens.some(isValueText)) {
      if (!seg.glued) stats.spaceRows++;
      if (!seg.glued && tokens.every(isValueText)) numberLines.add(si);
      // Consecutive value tokens are cells; consecutive text tokens are one label (spaces inside
      // labels are PDF artefacts: "社会公益 组织").
      let label = '';
      for (const tok of tokens) {
        // (after a label, a token without Chinese characters, such as "x", sits where a value is)
        if (isValueText(tok) || (label && cellsOf(tok))) {
          if (label) cell(label);
          label = '';
          cell(tok);
        } else label += tok;
      }
      if (label) cell(label);
      if (!seg.glued) brk();
      return;
    }
    stats.cells++;
    cell(trimmed);
  });
  return { segs, items, numberLines, stats };
}
