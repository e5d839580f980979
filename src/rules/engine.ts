/**
 * The json-rules-engine adapter: one engine with the rule files and the project's facts, run once
 * per report; findings are read from the FactResults recorded on each rule's conditions.
 */
import { Engine } from 'json-rules-engine/dist/json-rules-engine.js';
import { getPath } from '../model/layout.js';
import { RULES, type RuleFile } from './catalog.js';
import { GATE_FACTS, OPERATORS, OUTCOME_FACTS } from './facts/index.js';
import type { FactResult } from './facts/types.js';

type EngineInstance = InstanceType<typeof Engine>;

/** A plain dotted-path resolver, so a condition `path` never needs JSONPath. */
export const dottedPathResolver = (value: unknown, path: string): unknown => getPath(value, path.replace(/^\$\.?/, ''));

/**
 * Register the project's facts and operators on any json-rules-engine Engine. The runtime facts a
 * run needs are `report` (this year's REPORT-JSON) and, optionally, `previous` (last year's).
 *
 * `cache: false`: the facts keep their own per-run state, and hashing every condition's params for
 * the almanac's cache costs more than the facts themselves.
 */
export function registerFacts(engine: EngineInstance): EngineInstance {
  for (const [id, fn] of Object.entries(OUTCOME_FACTS)) engine.addFact(id, fn as never, { cache: false });
  for (const [id, fn] of Object.entries(GATE_FACTS)) engine.addFact(id, fn as never, { cache: false, priority: 10 });
  engine.addFact('previous', null);
  for (const [name, op] of Object.entries(OPERATORS)) engine.addOperator(name, op as never);
  return engine;
}

/** A json-rules-engine Engine loaded with the rule files (or the given ones) and the facts. */
export function createEngine(rules: readonly RuleFile[] = RULES): EngineInstance {
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: dottedPathResolver });
  registerFacts(engine);
  for (const r of rules) engine.addRule(r as never);
  return engine;
}

/** Rules that compare with last year's report (their conditions read `previous:` cells). */
export const isCrossYear = (rule: RuleFile) => JSON.stringify(rule.conditions).includes('previous:');

// Two engines: the cross-year rules can only apply when last year's report is given, so a run
// without it does not pay the engine's per-rule cost for them.
const engines: { withPrevious?: EngineInstance; alone?: EngineInstance } = {};
const sharedEngine = (previous: boolean) =>
  previous ? (engines.withPrevious ??= createEngine(RULES)) : (engines.alone ??= createEngine(RULES.filter((r) => !isCrossYear(r))));

/** The outcome of one rule on one report. */
export interface RuleRun {
  rule: RuleFile;
  /** False when a gate condition failed or the fact found nothing to check. */
  applicable: boolean;
  result: FactResult;
}

interface ConditionResult {
  fact?: string;
  result?: boolean;
  factResult?: unknown;
}

const byName = new Map<string, RuleFile>();
const ruleByName = (name: string) => {
  if (!byName.size) for (const r of RULES) byName.set(r.name, r);
  return byName.get(name);
};

/** Run the rules on a report; `engine` defaults to the shared engine loaded with rules/. */
export async function runRules(report: unknown, previous: unknown, engine: EngineInstance = sharedEngine(previous != null)): Promise<RuleRun[]> {
  const { results, failureResults } = await engine.run({ report, previous: previous ?? null });
  const runs: RuleRun[] = [];
  for (const rr of [...results, ...failureResults]) {
    const rule = ruleByName(rr.name as string) ?? ({ name: rr.name, event: rr.event, conditions: { all: [] } } as unknown as RuleFile);
    const conditions = ((rr.conditions as { all?: ConditionResult[] }).all ?? []) as ConditionResult[];
    const gated = conditions.some((c) => c.fact && c.fact in GATE_FACTS && c.result !== true);
    const outcome = conditions.find((c) => c.fact && c.fact in OUTCOME_FACTS && c.factResult);
    const result = (outcome?.factResult as FactResult | undefined) ?? { applicable: false, held: 0, outcomes: [] };
    runs.push({ rule, applicable: !gated && result.applicable, result });
  }
  const order = new Map(RULES.map((r, i) => [r.name, i]));
  runs.sort((a, b) => (order.get(a.rule.name) ?? 99) - (order.get(b.rule.name) ?? 99));
  return runs;
}
