import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toLocale, textKey, type Locale } from '../../i18n/locale.js';
import { uiStrings, type UiStrings } from '../../i18n/ui.js';
import type { Text } from '../../model/layout.js';

type Host = ReactiveControllerHost & HTMLElement & { requestUpdate(name?: PropertyKey, old?: unknown): void };
const hosts = new Map<Host, Locale>();
let observer: MutationObserver | undefined;

/** The `lang` that applies to an element: its own, else the nearest ancestor's (across shadow roots). */
function langOf(el: Element): string {
  for (let n: Node | null = el; n; n = n instanceof ShadowRoot ? n.host : n.parentNode)
    if (n instanceof Element && n.hasAttribute('lang')) return n.getAttribute('lang')!;
  return '';
}

/**
 * The locale of an element (after Shoelace's and Web Awesome's localization controllers): the host's
 * `lang`, else the nearest ancestor's, else zh-CN, with the UI strings of that locale. A change of an
 * ancestor's `lang` (one observer for the document) updates the hosts whose locale it changes, as a
 * change of the host's own `lang` does. The one place an element decides its language.
 */
export class LocaleController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }
  get locale(): Locale {
    return toLocale(langOf(this.host));
  }
  /** The UI strings of the locale. */
  get t(): UiStrings {
    return uiStrings(this.locale);
  }
  /** A layout label (`{ zh, en }`) in the locale. */
  text(label: Text): string {
    return label[textKey(this.locale)];
  }
  hostConnected(): void {
    hosts.set(this.host, this.locale);
    if (!observer) {
      observer = new MutationObserver(() => {
        for (const [host, was] of hosts) {
          const now = toLocale(langOf(host));
          if (now !== was) {
            hosts.set(host, now);
            host.requestUpdate('lang', was);
          }
        }
      });
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }
  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}
