/** Text of the `disclosure-report` command, English. */
import type { CliStrings } from './cli.js';

const s = (n: number) => (n === 1 ? '' : 's');

export const en: CliStrings = {
  usage: (inputs) => `Usage:
  disclosure-report validate <files or folders...> [options]
      Check reports (${inputs}); folders are read one level deep. Files and folders
      not checked are listed with the reason; the run ends with the files that have errors.
      --format text|json|csv  output (default text; --json = --format json; csv: one line per
                              finding, UTF-8 with a byte-order mark for Excel, --no-bom without it)
      --errors-only           show errors only (warnings and info are counted, not shown)
      --previous <file>       last year's report: enables the cross-year rules
      --recursive             read subfolders too
      --jobs N, -j N          check N files at a time, each in a worker thread (default: the
                              cores available, at most 4; --jobs 1: one after another). The
                              output is the same whatever N is: files in the order given.
      --verbose               show every finding and import note (long runs are shortened)
      Exit 0: no errors; 1: error findings; 2: an input could not be read, the output could not
      be written, or bad usage.
  disclosure-report import <file>
      Import a published report (HTML, text, PDF): REPORT-JSON on stdout, diagnostics on stderr.
  disclosure-report render <file> [-o out.html] [--fragment]
      A standalone HTML page (or a fragment to paste into a CMS) with the static tables and the
      embedded JSON.
  disclosure-report --help | --version
  Every command: --lang zh-CN|en (messages; default zh-CN). -- ends the options (validate -- -x.json).
`,
  badLang: (v) => `--lang accepts zh-CN or en only, or a tag of their languages such as en-US (got "${v}")`,
  badFormat: (v) => `--format accepts text, json or csv only (got "${v}")`,
  badJobs: (v, max) => `--jobs accepts a whole number from 1 to ${max} (got "${v}")`,
  needsValue: (o) => `${o} needs a value`,
  unknownOption: (o) => `unknown option ${o}`,
  unknownCommand: (c) => `unknown command ${c}`,
  validateNeedsFiles: 'validate needs at least one file or folder',
  importOneFile: 'import needs exactly one file',
  renderOneFile: 'render needs exactly one file',

  cannotRead: (why) => `cannot read the file (${why})`,
  notReportJson: 'not a report JSON (no format / schemaVersion)',
  noReportFound: 'no report found',
  errorSep: '; ',
  notInput: {
    word: 'Word / WPS documents cannot be checked directly: save as a web page (.html) or plain text (.txt), then check that',
    sheet: 'spreadsheets (.csv / Excel) are not report inputs: check the full report (.html / .txt) or its REPORT-JSON',
    image: 'an image has no text to read: the report’s text is needed (its web page as .html, or .txt)',
    archive: 'an archive: extract it first, then check the extracted folder',
  },
  subfolder: 'a subfolder, not searched: add --recursive to check it',
  link: 'a link to a folder, not followed (it could loop): name the folder on the command line to check it',
  hidden: 'hidden (the name starts with .) or node_modules: name it on the command line to check it',
  fileType: (inputs) => `not a file type that can be checked (${inputs} can)`,
  notAReport: (why) => `not a report (${why}); if it is one, \`disclosure-report import\` it to see what was read`,
  checkFailed: (why) => `checking it failed (${why})`,
  workerStopped: (code) => `the worker thread checking it stopped, exit code ${code}`,
  previousUnreadable: 'the previous report cannot be read',
  noFiles: (inputs) => `no files to check (${inputs})`,
  cannotWrite: 'cannot write the output',

  unreadable: 'unreadable',
  format: (f) => `format ${f}`,
  year: (y) => `year ${y}`,
  importTag: 'import',
  atLine: (n) => ` line ${n}`,
  atPage: (n) => ` page ${n}`,
  moreNotes: (n) => `${n} more import note${s(n)} (--verbose shows all)`,
  unreadHead: (n) =>
    `${n} cell${s(n)} could not be read from the published text (not left blank by the publisher; not checked):`,
  line: (n) => `line ${n}`,
  page: (n) => `page ${n}`,
  unreadWhy: {
    'glued-ambiguous': 'a run of digits written together splits in several ways',
    'glued-unsplittable': 'a run of digits written together cannot be split',
    'missing-cells': 'the row has fewer numbers than cells',
    'rows-missing': 'the row was not found',
    'extra-row': 'the row label was not recognised',
    partial: 'the text ends before it',
    'not-a-number': 'not a number',
    'several-numbers': 'the cell holds more than one number',
    'hidden-content': 'the cell has hidden, struck-out or form-field content',
    'cut-number': 'the text ends inside the number, which may be cut',
    'unsafe-number': 'the number is too large to read exactly',
  },
  unreadCsv: (why) => `could not be read from the published text (${why})`,
  moreGroups: (n) => `${n} more group${s(n)} (--verbose shows all)`,
  moreOfRule: (n, rule) => `${n} more ${rule} finding${s(n)} (--verbose shows all)`,
  expectedActual: (e, a) => `expected ${e}, got ${a}`,
  errors: (n) => `${n} error${s(n)}`,
  warnings: (n) => `${n} warning${s(n)}`,
  infos: (n) => `${n} info`,
  skipped: (n) => `${n} skipped`,
  othersHidden: ' (warnings and info not shown)',
  sep: ', ',
  colon: ': ',

  notCheckedHead: (n) => `Not checked (${n}):`,
  unreadableHead: (n) => `Files that could not be read (${n}):`,
  withErrorsHead: (n) => `Files with errors (${n}; errors, rule of the first error, file):`,
  summary: (t) =>
    `Checked ${t.files} report${s(t.files)}: ${t.withErrors} with errors, ${t.withWarnings} with warnings only; ${t.errors} error${s(t.errors)}, ${t.warnings} warning${s(t.warnings)}` +
    (t.unreadable ? `; ${t.unreadable} unreadable` : '') +
    (t.notChecked ? `; ${t.notChecked} not checked (listed above)` : ''),
};
