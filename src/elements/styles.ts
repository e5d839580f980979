import { unsafeCSS } from 'lit';
import { STYLESHEET } from '../view/stylesheet.js';

/**
 * Shadow styles of `<disclosure-report>` (the text is shared with the static page): adopted as a
 * constructable stylesheet by Lit, so no inline style attributes and CSP-safe; nothing leaks out.
 */
export const styles = unsafeCSS(STYLESHEET);
