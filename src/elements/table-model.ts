/** Moved to src/view/table-model.ts (DOM-free, shared by the element, the editor and renderStaticHtml). */
export * from '../view/table-model.js';
