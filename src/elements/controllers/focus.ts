/**
 * Focus kept across re-renders, as a reactive controller. A re-validation re-renders the summary and
 * may remove what had focus (a fixed finding's link, the closed panel): focus on a summary link
 * follows its finding (same rule, status and cells), a link that is gone hands focus to the summary
 * heading, and anything else that is gone hands it to the open cell (or the one whose panel was just
 * closed), never to `<body>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cellId } from '../../view/table-model.js';
import type { PanelController } from './panel.js';

export class FocusController implements ReactiveController {
  #before: Element | null = null;
  #finding?: { key: string; message: string; link: number };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly panel: PanelController,
  ) {
    host.addController(this);
  }

  /** Before the render: what has focus. */
  hostUpdate(): void {
    const focused = (this.#before = this.host.shadowRoot?.activeElement ?? null);
    const li = focused?.closest<HTMLElement>('li[data-key]');
    this.#finding = li
      ? {
          key: li.dataset['key']!,
          message: li.dataset['message']!,
          link: [...li.querySelectorAll('a')].indexOf(focused as HTMLAnchorElement),
        }
      : undefined;
  }

  hostUpdated(): void {
    const root = this.host.shadowRoot!;
    const before = this.#before;
    const finding = this.#finding;
    this.#before = null;
    this.#finding = undefined;
    if (finding) {
      // The same finding: same rule, status and cells (several such: the one with the same message).
      const same = [...root.querySelectorAll<HTMLElement>('li[data-key]')].filter(
        (x) => x.dataset['key'] === finding.key,
      );
      const li = same.length > 1 ? (same.find((x) => x.dataset['message'] === finding.message) ?? same[0]) : same[0];
      const target = li?.querySelectorAll('a')[finding.link] ?? root.querySelector<HTMLElement>('#dr-summary');
      if (target && target !== root.activeElement) target.focus({ preventScroll: true });
      return;
    }
    if (before && !before.isConnected && !root.activeElement) {
      const cell = this.panel.active ?? this.panel.suppressFocus;
      const target =
        (cell && root.querySelector<HTMLElement>(`#${cellId(cell)}`)) ||
        root.querySelector<HTMLElement>('#dr-summary, [part="state"]');
      target?.focus({ preventScroll: true });
    }
  }
}
