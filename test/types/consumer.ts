// An outside developer's code against the published types (dist/types, through the package's own
// exports map), compiled by test/node/types.test.ts with strict settings and skipLibCheck off.
import {
  validate,
  parseReport,
  explainCell,
  registerFacts,
  RULES,
  type Finding,
  type Report,
  type ReportError,
  type ValidationResult,
} from 'disclosure-report/rules';
import 'disclosure-report/define';

export async function check(text: string): Promise<number> {
  const parsed = parseReport(text, { locale: 'en' });
  if (!parsed.ok) {
    const first: ReportError | undefined = parsed.errors[0];
    return first?.line ?? -1;
  }
  const report: Report = parsed.report;
  const result: ValidationResult = await validate(report, { locale: 'zh-CN' });
  const errors: Finding[] = result.findings.filter((f) => f.status === 'fail' && f.severity === 'error');
  const steps = explainCell(report, 'applications.total.total');
  return errors.length + steps.length + RULES.length + result.summary.checked;
}

// registerFacts takes any json-rules-engine-like host and returns it as it is
const host = {
  addFact: (_id: string, _v: unknown) => host,
  addOperator: (_n: string, _f: (a: unknown, b: unknown) => boolean) => host,
  extra: 1,
};
export const same: typeof host = registerFacts(host);

const el = document.createElement('disclosure-report');
el.lang = 'en';
el.addEventListener('disclosure-report-validated', (e) =>
  console.log(e.detail.summary.errors, e.detail.findings.length),
);
el.addEventListener('disclosure-report-error', (e) => console.log(e.detail.kind, e.detail.message));
