import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toLocale, textKey, type Locale } from '../../i18n/locale.js';
import { uiStrings, type UiStrings } from '../../i18n/ui.js';
import type { Text } from '../../model/layout.js';

/**
 * The locale of an element (after Shoelace's localization controller): resolved from the host's
 * `lang`, with the UI strings of that locale. The one place an element decides its language.
 */
export class LocaleController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }
  get locale(): Locale {
    return toLocale(this.host.lang);
  }
  /** The UI strings of the locale. */
  get t(): UiStrings {
    return uiStrings(this.locale);
  }
  /** A layout label (`{ zh, en }`) in the locale. */
  text(label: Text): string {
    return label[textKey(this.locale)];
  }
  /** (It needs no lifecycle: the locale is read from the host when asked.) */
  hostConnected?(): void;
}
