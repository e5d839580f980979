/**
 * The stylesheet of the disclosure-report element as text: adopted by the element
 * (src/elements/styles.ts) and, with :host read as the article, written into the page that
 * renderStaticHtml makes with the page option (disclosure-report render -o page.html), so the page
 * without JavaScript looks like the element.
 * Every colour and spacing goes through a --dr-* custom property with a fallback, fonts are
 * inherited from the page. The build strips comments and indentation (rollup.config.mjs).
 */
export const STYLESHEET = `
  :host {
    display: block;
    font: inherit;
    /* text settings a CMS article body passes down (text-indent: 2em; text-align: justify; ...) */
    text-indent: 0;
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    white-space: normal;
    color: var(--dr-color, inherit);
    line-height: var(--dr-line-height, 1.6);
    --_border: var(--dr-border-color, #8c8c8c);
    --_head-bg: var(--dr-header-background, #eef2f7);
    --_error: var(--dr-error-color, #b3261e);
    --_error-bg: var(--dr-error-background, #fdecea);
    --_warn: var(--dr-warning-color, #7a4f00);
    --_warn-bg: var(--dr-warning-background, #fff4d6);
    --_ok: var(--dr-success-color, #1e6b34);
    --_ok-bg: var(--dr-success-background, #e6f4ea);
    --_muted: var(--dr-muted-color, #5c5c5c);
    --_focus: var(--dr-focus-color, #1a5fb4);
    --_bg: var(--dr-background, #fff);
    --_gap: var(--dr-spacing, 1rem);
    --_radius: var(--dr-radius, 4px);
    --_panel-height: var(--dr-panel-max-height, min(45vh, 28rem));
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  article {
    display: block;
    color: inherit;
  }
  p,
  ul,
  ol {
    margin: 0 0 calc(var(--_gap) * 0.6);
  }
  .h {
    font-weight: bold;
    line-height: 1.35;
    margin: 0 0 calc(var(--_gap) * 0.6);
  }
  .h.title {
    font-size: var(--dr-title-size, 1.4em);
    text-align: center;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-top: calc(var(--_gap) * 1.4);
    margin-bottom: calc(var(--_gap) * 0.6);
  }
  .section-head .h,
  .prose > .h {
    font-size: var(--dr-heading-size, 1.15em);
    margin: 0;
  }
  .prose > .h {
    margin: calc(var(--_gap) * 1.4) 0 calc(var(--_gap) * 0.6);
  }
  .summary .h {
    font-size: 1.05em;
  }
  .explain .h {
    font-size: 1em;
  }
  .meta {
    text-align: center;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .prose p {
    text-indent: var(--dr-paragraph-indent, 2em);
  }
  .note,
  .missing {
    color: var(--_muted);
    font-style: italic;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    font-size: 0.8rem;
    font-weight: normal;
    padding: 0.05em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
    white-space: nowrap;
  }
  .badge.pass {
    color: var(--_ok);
    background: var(--_ok-bg);
  }
  .badge.error {
    color: var(--_error);
    background: var(--_error-bg);
  }
  .badge.notice {
    color: var(--_warn);
    background: var(--_warn-bg);
  }
  .badge.unchecked {
    color: var(--_muted);
    background: var(--_bg);
  }
  .summary {
    border: 1px solid var(--_border);
    border-left-width: 4px;
    border-radius: var(--_radius);
    padding: calc(var(--_gap) * 0.75) var(--_gap);
    margin: var(--_gap) 0;
    background: var(--_bg);
  }
  .summary.has-errors {
    border-left-color: var(--_error);
  }
  .summary.has-notices {
    border-left-color: var(--_warn);
  }
  .summary.pass {
    border-left-color: var(--_ok);
  }
  .summary ul {
    padding-left: 1.2em;
  }
  .summary li {
    margin: 0.2em 0;
  }
  .summary details summary {
    cursor: pointer;
    color: var(--_muted);
  }
  .rule {
    font-family: var(--dr-code-font, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.85em;
  }
  .sev-error {
    color: var(--_error);
  }
  .sev-warning,
  .sev-info {
    color: var(--_warn);
  }
  a {
    color: var(--dr-link-color, var(--_focus));
  }
  .state {
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: var(--_gap) 0;
  }
  .state.error {
    border-color: var(--_error);
    color: var(--_error);
    background: var(--_error-bg);
  }
  .scroll {
    /* positioned, so that the visually hidden texts of its cells stay inside it */
    position: relative;
    overflow-x: auto;
    max-width: 100%;
    margin: 0 0 var(--_gap);
    -webkit-overflow-scrolling: touch;
  }
  .scroll:focus-visible {
    outline: 2px solid var(--_focus);
  }
  /* a table wider than its box fades out at its right edge while there is more to scroll to, so a
     phone reader sees that the table goes on (a scroll-driven animation: no script, nothing inline) */
  .scroll {
    animation: dr-more linear both;
    animation-timeline: scroll(self inline);
  }
  @keyframes dr-more {
    from,
    95% {
      mask-image: linear-gradient(to left, transparent, #000 2.5rem);
    }
    to {
      mask-image: none;
    }
  }
  table {
    display: table;
    border-collapse: separate;
    border-spacing: 0;
    width: 100%;
    font-size: var(--dr-table-font-size, 0.9em);
    background: var(--_bg);
    color: inherit;
    table-layout: auto;
  }
  /* tables 三 and 四 keep a readable width and scroll below it; table 二 (one to three numbers) fits a phone */
  [data-section='applications'] table,
  [data-section='appeals'] table {
    min-width: var(--dr-table-min-width, 36rem);
  }
  caption {
    display: table-caption;
    caption-side: top;
    text-align: left;
    font-weight: bold;
    padding: 0.3em 0;
  }
  th,
  td {
    border: 1px solid var(--_border);
    border-width: 0 1px 1px 0;
    padding: 0.3em 0.4em;
    vertical-align: middle;
    color: inherit;
  }
  tr > :first-child {
    border-left-width: 1px;
  }
  thead tr:first-child > * {
    border-top-width: 1px;
  }
  th {
    background: var(--_head-bg);
    font-weight: normal;
    text-align: center;
  }
  thead th {
    font-weight: bold;
    /* labels wrap rather than widen the table, two characters a line at the least */
    min-width: 3em;
  }
  thead th.corner {
    white-space: normal;
    min-width: 12em;
  }
  tbody th.label {
    min-width: var(--dr-label-min-width, 10em);
  }
  tbody th.group {
    min-width: 5em;
  }
  tbody th {
    text-align: left;
  }
  th.corner {
    font-size: 0.85em;
    font-weight: normal;
    text-align: left;
  }
  th.label {
    position: sticky;
    left: 0;
    z-index: 1;
  }
  td {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  td.total {
    font-weight: bold;
    cursor: pointer;
  }
  td.term {
    outline: 2px dashed var(--_focus);
    outline-offset: -4px;
  }
  td:focus,
  td.term:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  td.active {
    box-shadow: inset 0 0 0 2px var(--_focus);
    /* scrolled into view clear of the explanation panel, which sticks to the bottom of the viewport */
    scroll-margin-bottom: calc(var(--_panel-height) + 0.5rem);
  }
  .blank {
    color: var(--_muted);
    font-size: 0.8em;
    border: 1px dashed currentColor;
    border-radius: 3px;
    padding: 0 0.3em;
  }
  .blank.unread {
    white-space: normal;
    display: inline-block;
  }
  td.fail-error {
    background: var(--_error-bg);
  }
  td.fail-warning,
  td.fail-info {
    background: var(--_warn-bg);
  }
  .flags {
    display: block;
    list-style: none;
    padding: 0;
    margin: 0.15em 0 0;
    font-size: 0.75em;
    text-align: left;
    white-space: normal;
    min-width: 6em;
  }
  .flags li {
    margin: 0;
  }
  .icon {
    font-style: normal;
    font-weight: bold;
  }
  .explain {
    position: sticky;
    bottom: 0;
    z-index: 2;
    max-height: var(--_panel-height);
    overflow: auto;
    box-shadow: 0 -0.25rem 0.75rem rgb(0 0 0 / 0.15);
    border: 1px solid var(--_focus);
    border-radius: var(--_radius);
    padding: calc(var(--_gap) * 0.6) var(--_gap);
    margin: 0 0 var(--_gap);
    background: var(--_bg);
  }
  .explain.fixed {
    /* an ancestor clips without scrolling, so sticky cannot work: fixed to the bottom of the window */
    position: fixed;
    left: 0;
    right: 0;
    margin: 0 auto;
    max-width: min(100%, 60rem);
    z-index: 1000;
  }
  .explain.fixed.away {
    display: none;
  }
  .explain dl {
    margin: 0.3em 0 0.6em;
  }
  .explain dt {
    font-weight: bold;
  }
  .explain dd {
    margin: 0 0 0.4em 1em;
  }
  .explain dd ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .explain .sign {
    display: inline-block;
    width: 1em;
  }
  .explain .term-label {
    color: var(--_muted);
  }
  .explain .eq {
    margin: 0.4em 0;
  }
  .explain button,
  .more button {
    font: inherit;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  @media (max-width: 40rem) {
    .h.title {
      font-size: 1.2em;
    }
    th.label {
      box-shadow: 2px 0 0 var(--_border);
    }
    tbody th.label {
      min-width: var(--dr-label-min-width, 6em);
      font-size: 0.9em;
    }
    tbody th.group {
      min-width: 3em;
    }
    thead th.corner {
      min-width: 8em;
    }
  }
  @media print {
    :host {
      color: #000;
      font-size: 10.5pt;
    }
    .scroll {
      overflow: visible;
    }
    table,
    [data-section] table {
      min-width: 0;
      break-inside: avoid;
      page-break-inside: avoid;
    }
    tr,
    th,
    td {
      break-inside: avoid;
    }
    th.label {
      position: static;
    }
    /* the panel is not printed, so neither are the marks that point into it */
    td.active,
    td.term,
    td.term:focus {
      outline: none;
      box-shadow: none;
    }
    /* A4: compact cells, so that table 三 fits one page; the numbers keep room for their headers */
    table {
      font-size: 8.5pt;
    }
    th,
    td {
      padding: 0.1em 0.3em;
      line-height: 1.3;
    }
    thead th {
      white-space: normal;
    }
    thead th.corner,
    tbody th.label,
    tbody th.group {
      min-width: 0;
    }
    td {
      min-width: 3.2em;
    }
    .explain,
    .summary details,
    .summary a::after {
      display: none;
    }
    section.table-section {
      break-inside: auto;
    }
    .h,
    .section-head {
      break-after: avoid;
    }
  }
`;
