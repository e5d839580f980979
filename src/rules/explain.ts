import { cellLabel } from '../model/layout.js';
import { localeOption, textKey } from '../i18n/locale.js';
import { rulesStrings } from '../i18n/rules.js';
import { compare, parseDecimal, sum, toDecimalString, type Exact } from '../model/decimal.js';
import { contextOf, type ReportContext } from './context.js';
import { RULES } from './catalog.js';
import { equationInstances, type EquationParams } from './facts/core.js';
import type { Explanation, Term, ValidateOptions } from './types.js';

/**
 * How a cell is computed: every equation of the arithmetic rules (the `equations` conditions of
 * rules/) in which the cell is a reported value, with the contributing cells and their values.
 * Derived from the same rule files as `validate`, so the two always agree.
 */
export function explainCell(report: unknown, path: string, options: ValidateOptions = {}): Explanation[] {
  try {
    return explain(report, path, options);
  } catch {
    // Input that throws when read (a getter, a Proxy): nothing can be explained.
    return [];
  }
}

/**
 * Every equation of the arithmetic rules in this report (held, failing or skipped), with its terms:
 * what the element needs to say which cell a failing equation is about.
 */
export function explainReport(report: unknown, options: ValidateOptions = {}): Explanation[] {
  try {
    return explain(report, null, options);
  } catch {
    return [];
  }
}

function explain(report: unknown, path: string | null, options: ValidateOptions = {}): Explanation[] {
  const current = contextOf(report);
  if (!current) return [];
  let previous: ReportContext | null = null;
  try {
    const prev = options?.previous;
    if (prev != null) previous = contextOf(prev);
  } catch {
    // options or last year's report that cannot be read: explained without it
  }
  const locale = localeOption(options);
  const lang = textKey(locale);
  const out: Explanation[] = [];
  for (const rule of RULES) {
    for (const cond of rule.conditions.all) {
      if (cond.fact !== 'equations') continue;
      const params = cond.params as unknown as EquationParams;
      const usesPrevious = [...params.expected, ...params.actual].some((t) => t.includes('previous:'));
      if (usesPrevious && !previous) continue;
      for (const inst of equationInstances(params, current, previous)) {
        const [exp, act] = inst.sides as [(typeof inst.sides)[0], (typeof inst.sides)[0]];
        if (path !== null && !act!.some((t) => !t.previous && t.path === path)) continue;
        const terms = (side: typeof exp): Term[] | null => {
          const out: Term[] = [];
          for (const t of side!) {
            const ctx: ReportContext | null = t.previous ? previous : current;
            const state = ctx?.cell(t.path);
            const layout = ctx?.cellLayout(t.path);
            if (!state || !layout) return null;
            const label = cellLabel(layout, lang);
            out.push({
              path: t.previous ? `previous:${t.path}` : t.path,
              sign: t.sign,
              value: state.state === 'value' ? toDecimalString(state.value) : null,
              label: t.previous ? rulesStrings(locale).previousLabel(label) : label,
            });
          }
          return out;
        };
        const expectedTerms = terms(exp);
        const actualTerms = terms(act);
        if (!expectedTerms || !actualTerms) continue;
        const total = (ts: Term[]): Exact | null =>
          ts.some((t) => t.value === null)
            ? null
            : sum(
                ts.map((t) => parseDecimal(t.value!)!),
                ts.map((t) => t.sign),
              );
        const e = total(expectedTerms);
        const a = total(actualTerms);
        out.push({
          rule: rule.event.type,
          status: e === null || a === null ? 'skipped' : compare(e, a) === 0 ? 'holds' : 'fails',
          expected: e === null ? null : toDecimalString(e),
          actual: a === null ? null : toDecimalString(a),
          expectedTerms,
          actualTerms,
        });
      }
    }
  }
  return out;
}
