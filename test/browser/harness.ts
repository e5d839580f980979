/**
 * Test harness for <disclosure-report> (after Material Web's harness classes): queries into the
 * shadow root by meaning (cells by REPORT-JSON path, badges by table, summary links), so tests do not
 * depend on markup details.
 */
import type { DisclosureReport } from '../../src/elements/disclosure-report.js';
import { cellId } from '../../src/elements/table-model.js';
import type { TableId } from '../../src/model/layout.js';

export class DisclosureReportHarness {
  constructor(readonly element: DisclosureReport) {}

  get root(): ShadowRoot {
    return this.element.shadowRoot!;
  }

  /** Wait until the element has loaded, validated and rendered (or failed). */
  async ready() {
    return this.element.whenReady();
  }

  cell(path: string): HTMLTableCellElement | null {
    return this.root.querySelector<HTMLTableCellElement>(`#${cellId(path)}`);
  }

  /** Text of a value cell without its finding marks. */
  cellValue(path: string): string {
    const td = this.cell(path);
    if (!td) throw new Error(`no cell ${path}`);
    const clone = td.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.flags').forEach((n) => n.remove());
    return clone.textContent!.trim();
  }

  /** Paths of all cells that carry a finding mark (icon + text). */
  flaggedPaths(): string[] {
    return [...this.root.querySelectorAll<HTMLElement>('td[data-path]')]
      .filter((td) => td.querySelector('.flags'))
      .map((td) => td.dataset['path']!);
  }

  /** Paths of all cells styled as failing (class fail). */
  failingPaths(): string[] {
    return [...this.root.querySelectorAll<HTMLElement>('td.fail')].map((td) => td.dataset['path']!);
  }

  badge(table: TableId): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`section[data-section="${table}"] .badge`);
  }

  summary(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part="summary"]');
  }

  summaryLinks(): HTMLAnchorElement[] {
    return [...this.root.querySelectorAll<HTMLAnchorElement>('[part="summary"] ul.findings a')];
  }

  tables(): HTMLTableElement[] {
    return [...this.root.querySelectorAll<HTMLTableElement>('table[data-grid]')];
  }

  table(gridId: string): HTMLTableElement | null {
    return this.root.querySelector<HTMLTableElement>(`table[data-grid="${gridId}"]`);
  }

  explainPanel(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part="explain"]');
  }

  stateMessage(): HTMLElement | null {
    return this.root.querySelector<HTMLElement>('[part="state"]');
  }

  /** Visible text of the whole shadow root. */
  text(): string {
    return (this.root.querySelector('article') ?? this.root).textContent!.replace(/\s+/g, ' ');
  }
}
