/**
 * Every message the model and rules layers write in code (not the rule templates of rules/*.json), each
 * produced through the public API in a locale: test/rules/l10n.test.ts pins them in both locales.
 * Written against the API object (not imports) so that the same cases can be run on another checkout.
 */
import { consistentReport, clone, setPath, type Json } from './reports.js';

type Api = typeof import('../../src/rules/index.js');
type Locale = 'zh-CN' | 'en';
export type MessageCase = [name: string, message: (locale: Locale) => string | string[] | Promise<string | string[]>];

const first = async (p: Promise<{ findings: { rule: string; message: string }[] }>, rule = 'SCHEMA') =>
  (await p).findings.filter((f) => f.rule === rule).map((f) => f.message);

export function messageCases(api: Api): MessageCase[] {
  const { describe, jsonSyntaxMessage, parseReport, validate, explainCell, ISO_DATE, DECIMAL_STRING } = api;
  const report = () => consistentReport({ format: '2021', seed: 3 });
  const d = (issue: Record<string, unknown> & { code: string }) => (locale: Locale) => describe(issue, locale);
  const throwing = () => {
    const rep = report();
    Object.defineProperty(rep, 'year', {
      enumerable: true,
      get() {
        throw new Error('x');
      },
    });
    return rep;
  };
  return [
    // the JSON text
    ['json: empty', (l) => jsonSyntaxMessage('empty', 1, 1, l)],
    ['json: unexpected-end', (l) => jsonSyntaxMessage('unexpected-end', 3, 14, l)],
    ['json: unexpected-token', (l) => jsonSyntaxMessage('unexpected-token', 2, 5, l)],
    ['json: trailing-data', (l) => jsonSyntaxMessage('trailing-data', 1, 9, l)],
    ['json: parseReport', (l) => parseReport('{"format": }', { locale: l }).errors[0]!.message],
    // describe(): every case
    ['describe: not-object', d({ code: 'not-object', value: 5 })],
    ['describe: format', d({ code: 'format', value: '2020' })],
    ['describe: required, one of', d({ code: 'invalid_value', values: [1] })],
    ['describe: required, any shape', d({ code: 'invalid_union' })],
    ['describe: required, a type', d({ code: 'invalid_type', expected: 'string' })],
    ['describe: whole number', d({ code: 'invalid_type', expected: 'int', value: 1.5, path: ['year'] })],
    [
      'describe: whole number or null (a cell)',
      d({ code: 'invalid_type', expected: 'number', value: 'x', path: ['applications', 'granted', 'natural'] }),
    ],
    ['describe: a type', d({ code: 'invalid_type', expected: 'object', value: [1] })],
    ['describe: too small', d({ code: 'too_small', minimum: 1990, value: 1 })],
    ['describe: too big, as written', d({ code: 'too_big', maximum: 2999, value: Infinity, shown: '1e400' })],
    ['describe: a date', d({ code: 'invalid_format', pattern: ISO_DATE, value: '2024-02-30' })],
    ['describe: a decimal', d({ code: 'invalid_format', pattern: DECIMAL_STRING, value: '1,5' })],
    ['describe: unknown keys', d({ code: 'unrecognized_keys', keys: ['a', 'b'], value: {} })],
    ['describe: one of', d({ code: 'invalid_value', values: [1], value: 2 })],
    ['describe: no shape', d({ code: 'invalid_union', value: { a: 1 } })],
    ['describe: anything else', d({ code: 'custom', value: null })],
    ['describe: a code that is a key of Object.prototype', d({ code: 'constructor', value: 1 })],
    ['describe: a code that is __proto__', d({ code: '__proto__', value: 1 })],
    // parseReport, structureErrors
    [
      'parseReport: more than 30 digits',
      (l) => {
        const text = JSON.stringify(report()).replace(/"amount":"[\d.]+"/, `"amount":0.${'1'.repeat(31)}`);
        return parseReport(text, { locale: l }).errors.map((e) => e.message);
      },
    ],
    ['parseReport: unreadable at a path', (l) => parseReport(throwing(), { locale: l }).errors[0]!.message],
    [
      'parseReport: unreadable, no path',
      (l) =>
        parseReport(
          new Proxy(
            {},
            {
              get() {
                throw new Error('boom');
              },
            },
          ),
          { locale: l },
        ).errors[0]!.message,
    ],
    // validate(): its own SCHEMA findings
    ['validate: unreadable', (l) => first(validate(throwing(), { locale: l }))],
    ['validate: option ignored', (l) => first(validate(report(), { locale: l, packs: 5 as never }))],
    ['validate: previous not JSON', (l) => first(validate(report(), { locale: l, previous: '{"a":' }))],
    ['validate: previous not a report', (l) => first(validate(report(), { locale: l, previous: { a: 1 } }))],
    // the facts: labels of last year's cells, lists of cells, why a check could not be made
    [
      "X-CARRY skipped: a blank cell of last year's report",
      (l) => {
        const rep = report();
        const previous = consistentReport({ format: '2021', seed: 4, year: rep.year - 1 });
        setPath(previous, 'applications.carriedForward.natural', null);
        return first(validate(rep, { locale: l, previous }), 'X-CARRY');
      },
    ],
    [
      "explainCell: last year's cells",
      (l) => {
        const rep = report();
        const previous = consistentReport({ format: '2021', seed: 4, year: rep.year - 1 });
        return explainCell(rep, 'applications.carriedOver.natural', { locale: l, previous }).flatMap((e) =>
          e.expectedTerms.map((t) => t.label),
        );
      },
    ],
    ...([1, 2, 5] as const).flatMap((n): MessageCase[] => {
      // rows of one column: one T3-TOTAL equation
      const rows = ['granted', 'partiallyGranted', 'denied.stateSecret', 'denied.lawProhibited', 'denied.thirdParty'];
      return [
        [
          `T3-TOTAL skipped: ${n} blank cell(s)`,
          (l) => {
            const rep: Json = clone(report());
            for (const r of rows.slice(0, n)) setPath(rep, `applications.${r}.natural`, null);
            return first(validate(rep, { locale: l }), 'T3-TOTAL');
          },
        ],
        [
          `T3-TOTAL skipped: ${n} cell(s) not a number, with a blank and one that cannot be read`,
          (l) => {
            const rep: Json = clone(report());
            for (const r of rows.slice(0, n)) setPath(rep, `applications.${r}.commercial`, 'x');
            setPath(rep, 'applications.denied.internalAffairs.commercial', null);
            setPath(rep, 'applications.denied.processInformation.commercial', null);
            rep.source = {
              layout: 'html',
              unread: { 'applications.denied.processInformation.commercial': { code: 'glued-ambiguous', line: 1 } },
            };
            return first(validate(rep, { locale: l }), 'T3-TOTAL');
          },
        ],
      ];
    }),
  ];
}
