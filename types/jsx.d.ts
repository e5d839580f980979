/**
 * `<disclosure-report>` in JSX (React 18.3+ and 19, or any library typed through `React.JSX`):
 *
 *   import type {} from 'disclosure-report/jsx';   // once, e.g. in a global .d.ts of your app
 *   <disclosure-report src="/reports/2023.json" lang="en" />
 *
 * Needs `@types/react` in your project. React 19 sets `report` and `previous` as properties (objects
 * pass through); React 18 sets attributes only, so give it `src` / `previous-src`, or set the
 * properties through a ref. Events: `ref.current.addEventListener('disclosure-report-validated', …)`
 * (typed), or in React 19 `ondisclosure-report-validated`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { DisclosureReport, LoadError, ValidatedDetail } from '../dist/types/src/elements/disclosure-report.js';
import type { DisclosureReportEditor } from '../dist/types/src/elements/disclosure-report-editor.js';

/** The element's own attributes and properties, as JSX props. */
export interface DisclosureReportJsxProps {
  /** A report object or JSON text (React 19: set as the property). */
  report?: unknown;
  /** Last year's report, for the cross-year rules (React 19: set as the property). */
  previous?: unknown;
  /** URL of the report JSON. */
  src?: string;
  /** URL of last year's report JSON. */
  'previous-src'?: string;
  /** `zh-CN` (default) or `en`. */
  lang?: string;
  /** Read the report from the element's own content (needs the importer script). */
  import?: boolean;
  /** Heading level of the report title (2 by default). */
  'heading-level'?: number;
  /** React 19: `disclosure-report-validated` listener. */
  'ondisclosure-report-validated'?: (event: CustomEvent<ValidatedDetail>) => void;
  /** React 19: `disclosure-report-error` listener. */
  'ondisclosure-report-error'?: (event: CustomEvent<LoadError>) => void;
}

export type DisclosureReportJsx = DetailedHTMLProps<HTMLAttributes<DisclosureReport>, DisclosureReport> &
  DisclosureReportJsxProps;

/** `<disclosure-report-editor>` (from `disclosure-report/editor`): its attributes and properties as JSX props. */
export interface DisclosureReportEditorJsxProps {
  /** The report to edit, an object or JSON text (React 19: set as the property). */
  report?: unknown;
  /** Last year's report: carry-over and the cross-year rules (React 19: set as the property). */
  previous?: unknown;
  /** `zh-CN` (default) or `en`. */
  lang?: string;
  /** Form field name: the form data value is the report JSON. */
  name?: string;
  /** Key of the draft kept in the browser (default: agency and year). */
  'storage-key'?: string;
  /** The form accepts the report while it has error findings. */
  'allow-errors'?: boolean;
  /** No editing; not submitted with the form. */
  disabled?: boolean;
  /** URL of the importer module for the script-tag build. */
  'importer-src'?: string;
  /** Heading level of the report title (2 by default). */
  'heading-level'?: number;
  /** React 19: `disclosure-report-validated` listener. */
  'ondisclosure-report-validated'?: (event: CustomEvent<ValidatedDetail>) => void;
}

export type DisclosureReportEditorJsx = DetailedHTMLProps<
  HTMLAttributes<DisclosureReportEditor>,
  DisclosureReportEditor
> &
  DisclosureReportEditorJsxProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'disclosure-report': DisclosureReportJsx;
      'disclosure-report-editor': DisclosureReportEditorJsx;
    }
  }
}
