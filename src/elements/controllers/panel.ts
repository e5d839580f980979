/**
 * The "how it is computed" panel and the tables' scroll boxes, as a reactive controller: which cell is
 * open (`active`), opening it from a click, Tab or Enter and closing it with Escape (focus back on the
 * cell), a polite announcement, keeping the open cell in view, the sticky-or-fixed placement of the
 * panel (an ancestor that clips without scrolling defeats `position: sticky`), and one fixed panel per
 * page. The viewer uses it; the editor can too.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cellId } from '../../view/table-model.js';

export interface PanelHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

const panels = new Set<PanelController>();

export class PanelController implements ReactiveController {
  /** REPORT-JSON path of the open cell. */
  active?: string;
  /** One short line for screen readers when the panel was opened on purpose. */
  announcement = '';
  /** A cell whose panel was just closed: focus returning to it does not open it again. */
  suppressFocus?: string;
  /** The marked cell under the pointer: the cells of its equations are outlined with it. */
  hover?: string;

  #shown?: string;
  #resizeObserver?: ResizeObserver;
  #sectionObserver?: IntersectionObserver;
  #watched?: Element;

  /** @param announce the announcement for a cell opened on purpose ('' when there is nothing to say). */
  constructor(
    private readonly host: PanelHost,
    private readonly announce: (path: string) => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    panels.add(this);
    window.addEventListener('resize', this.#onResize);
    if (typeof ResizeObserver === 'function') {
      this.#resizeObserver ??= new ResizeObserver(this.#onResize);
      this.#resizeObserver.observe(this.host);
    }
  }

  hostDisconnected(): void {
    panels.delete(this);
    this.#resizeObserver?.disconnect();
    this.#sectionObserver?.disconnect();
    this.#watched = undefined;
    window.removeEventListener('resize', this.#onResize);
  }

  #q<E extends Element = HTMLElement>(selector: string) {
    return this.host.renderRoot.querySelector<E>(selector);
  }

  /** Open a cell's panel (announced when `announced`), or close it (`undefined`). */
  open(path: string | undefined, announced = false): void {
    this.active = path;
    this.announcement = path && announced ? this.announce(path) : '';
    this.host.requestUpdate();
  }

  /** Close the panel and give focus back to its cell. */
  close(path: string): void {
    this.open(undefined);
    this.suppressFocus = path;
    void this.host.updateComplete.then(() => this.#q(`#${cellId(path)}`)?.focus({ preventScroll: true }));
  }

  /** A click or focus in a table: that cell opens (focus alone, by Tab, silently). */
  onCell = (e: Event): void => {
    const td = (e.target as Element | null)?.closest?.('td[data-path]');
    if (!td) return;
    const path = td.getAttribute('data-path') ?? undefined;
    if (e.type === 'focusin' && this.suppressFocus === path) {
      this.suppressFocus = undefined;
      return;
    }
    this.suppressFocus = undefined;
    this.open(path, e.type === 'click');
  };

  /** The pointer over a table: outline the cells tied to the marked cell under it (re-render only on a change). */
  onHover = (e: Event): void => {
    const td = e.type === 'pointerover' && (e.target as Element | null)?.closest?.('td[data-path]');
    const path = (td && td.querySelector('.flags') && td.getAttribute('data-path')) || undefined;
    if (path === this.hover) return;
    this.hover = path;
    this.host.requestUpdate();
  };

  onCellKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.active) {
      this.open(undefined);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const td = (e.target as Element | null)?.closest?.('td[data-path]');
      if (!td) return;
      e.preventDefault();
      this.open(td.getAttribute('data-path') ?? undefined, true);
    }
  };

  /** Escape inside the panel closes it. */
  onPanelKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.active) {
      e.preventDefault();
      this.close(this.active);
    }
  };

  /** Scroll to and focus a cell, and open it; false when it is not rendered. */
  focusCell(path: string): boolean {
    const el = this.#q(`#${cellId(path)}`);
    if (!el) return false;
    el.scrollIntoView?.({ block: 'center', inline: 'center' });
    el.focus({ preventScroll: true });
    this.open(path, true);
    return true;
  }

  /** After each render: scroll boxes, panel placement, the newly opened cell kept in view (`relocalized`: the text changed). */
  hostUpdated(): void {
    this.#syncScrollBoxes();
    const panel = this.#q('.explain');
    panel?.classList.toggle('fixed', !this.#stickyWorks());
    const opened = !!this.active && this.active !== this.#shown;
    this.#shown = this.active;
    // Fixed panels of other reports on the page would sit on top of this one: they close.
    if (opened) for (const p of panels) if (p !== this && p.active && p.#q('.explain.fixed')) p.open(undefined);
    if (opened) this.reveal();
    this.#watchPanel(panel);
  }

  /** The container or the window changed size: scroll boxes re-checked, the open cell kept in view. */
  #onResize = () => {
    this.#syncScrollBoxes();
    this.reveal();
  };

  /**
   * A fixed panel (sticky cannot work here) shows only while its table section is in view, as a
   * sticky one does: otherwise it would cover the page footer, or another report's panel.
   */
  #watchPanel(panel: HTMLElement | null) {
    const section = panel?.classList.contains('fixed') ? panel.closest('section') : null;
    if (section === this.#watched) return;
    this.#sectionObserver?.disconnect();
    this.#watched = section ?? undefined;
    if (!section || typeof IntersectionObserver !== 'function') return;
    this.#sectionObserver = new IntersectionObserver(([entry]) => {
      this.#q('.explain')?.classList.toggle('away', !entry!.isIntersecting);
    });
    this.#sectionObserver.observe(section);
  }

  /**
   * Whether `position: sticky` keeps the panel at the bottom of the window: not when an ancestor clips
   * without scrolling (`overflow: hidden` on a CMS article column, to clear floats). Then the panel
   * is fixed to the bottom of the window instead.
   */
  #stickyWorks(): boolean {
    for (let n: Node | null = this.host; n;) {
      // the flattened tree: a slotted element's parent box is its slot's
      n =
        (n instanceof Element && n.assignedSlot) ||
        (n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode);
      if (!(n instanceof Element) || n === document.body || n === document.documentElement) return true;
      const o = getComputedStyle(n).overflowY;
      if (o === 'hidden' || o === 'auto' || o === 'scroll')
        return o !== 'hidden' && n.scrollHeight > n.clientHeight + 1;
    }
    return true;
  }

  /**
   * A scroll box is a named region and a tab stop (to scroll it by keyboard) only while its table is
   * wider than it is; otherwise it is a plain box, not one more landmark around the table.
   */
  #syncScrollBoxes() {
    const focused = this.host.shadowRoot?.activeElement;
    for (const box of this.host.renderRoot.querySelectorAll<HTMLElement>('.scroll')) {
      // a box that has focus keeps its stop until focus leaves it (rotating a phone must not drop focus)
      if (box.scrollWidth > box.clientWidth + 1 || box === focused) {
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', box.dataset['label'] ?? '');
      } else {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    }
  }

  /**
   * Bring the open cell into view: clear of the explanation panel below it (the cell's
   * scroll-margin) and not under the sticky row labels of a horizontally scrolled table.
   */
  reveal(): void {
    const td = this.active && this.#q(`#${cellId(this.active)}`);
    if (!td) return;
    td.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    const box = td.closest<HTMLElement>('.scroll');
    const label = td.parentElement?.querySelector('th.label');
    if (box && label) {
      const covered = label.getBoundingClientRect().right - td.getBoundingClientRect().left;
      if (covered > 0) box.scrollLeft -= Math.ceil(covered);
    }
  }
}
