/**
 * The importer's intermediate form: the document as a flat sequence of cells (a table cell, a
 * line of text, a piece of a glued line), with row breaks where the source shows them (a table
 * row, a text line holding several cells) and blank lines kept for layouts that use them.
 */
export interface Item {
  /** `bar`: a line that is only "|" (pipe-cells text): a row boundary or an empty cell, decided by the table reader. */
  kind: 'cell' | 'break' | 'blank' | 'bar';
  text: string;
  /** 1-based line of the item in the input. */
  line: number;
  /** 0-based offset of the item in the input. */
  offset: number;
  /** HTML cell with hidden, struck-out or form-field content (a value then cannot be trusted). */
  hidden?: boolean;
  /** The last value of a text that ends right after it: it may be cut mid-way. */
  cut?: boolean;
}

/** Line starts of a text, for turning offsets into line numbers (binary search). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
