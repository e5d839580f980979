/** Helpers of the <disclosure-report-editor> tests (editor*.test.ts): one copy, not one per file. */
import { fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { DisclosureReportEditor } from '../../src/elements/disclosure-report-editor.js';

let keyN = 0;
/** A storage key of its own per test, so drafts of one test never open in another. */
export const freshKey = (prefix = 'test') => `${prefix}-${Date.now()}-${++keyN}`;

/** An editor from a template, validated. */
export async function editor(template: unknown): Promise<DisclosureReportEditor> {
  const el = await fixture<DisclosureReportEditor>(template as never);
  await el.whenValidated();
  return el;
}

/** The `data-path` of the editor's focused input. */
export const focused = (el: DisclosureReportEditor) =>
  (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['path'];

/** Wait for a condition, frame by frame (validation is asynchronous; never a fixed sleep). */
export async function until(check: () => boolean, what: string, ms = 5000) {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** A paste event with these clipboard types (`text/plain`, `text/html`) on `target`; returns the event. */
export function paste(target: HTMLElement, data: Record<string, string>): ClipboardEvent {
  const dt = new DataTransfer();
  for (const [type, value] of Object.entries(data)) dt.setData(type, value);
  const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(e);
  return e;
}

/** Keys pressed together (`['Control', 'Shift'], 'z'`), released whatever happens. */
export async function chord(modifiers: string[], key: string) {
  for (const m of modifiers) await sendKeys({ down: m });
  try {
    await sendKeys({ press: key });
  } finally {
    for (const m of [...modifiers].reverse()) await sendKeys({ up: m });
  }
}
