/**
 * `disclosure-report/editor`: `<disclosure-report-editor>`, where an agency fills in its report with
 * live checks. Importing this module registers the tag (once; a second copy of the script is harmless);
 * it also exports the DOM-free editing model (a new report from last year's, cell input, the grid moves,
 * TSV parsing, the offers for total cells, undo history, drafts) for hosts that build their own form.
 */
import { DisclosureReportEditor } from '../elements/disclosure-report-editor.js';
import { VERSION } from '../version.js';

export const EDITOR_TAG = 'disclosure-report-editor';

/**
 * Define the editor under `tagName` (default `disclosure-report-editor`) unless the name is taken (a
 * different version is warned about). Returns the constructor registered under the name.
 */
export function defineDisclosureReportEditor(tagName: string = EDITOR_TAG): CustomElementConstructor {
  const registry = globalThis.customElements;
  const existing = registry.get(tagName);
  if (existing) {
    const other = (existing as unknown as { version?: string }).version;
    if (other !== VERSION)
      console.warn(
        `<${tagName}> is already defined (${other ?? 'by another script'}); editor ${VERSION} is not registered again.`,
      );
    return existing;
  }
  const taken = typeof registry.getName === 'function' ? registry.getName(DisclosureReportEditor) : undefined;
  const ctor = taken ? class extends DisclosureReportEditor {} : DisclosureReportEditor;
  registry.define(tagName, ctor);
  return ctor;
}

if (typeof customElements !== 'undefined') defineDisclosureReportEditor();

export { DisclosureReportEditor, VERSION };
export {
  startNew,
  reportTitle,
  setCell,
  parseCellInput,
  formatCellInput,
  inputGrids,
  moveFrom,
  pasteTargets,
  parseTsv,
  offers,
  type CellValue,
  type StartOptions,
  type Move,
  type Offer,
} from './model.js';
export { History, type CellChange } from './history.js';
export { DraftStore, draftKey, draftScope, type Draft } from './drafts.js';
