/**
 * The json-rules-engine adapter: one engine with the rule files and the project's facts, run once
 * per report; findings are read from the FactResults recorded on each rule's conditions.
 */
import { Engine, Fact } from 'json-rules-engine/dist/json-rules-engine.js';
import { getPath } from '../model/layout.js';
import type { RuleFile } from './catalog.js';
import { TABLE_RULES, type RulePack } from './packs.js';
import type { FactResult } from './facts/types.js';

/**
 * What `registerFacts` needs of a json-rules-engine `Engine`: any host's own instance fits. A
 * structural type, so the published types need no json-rules-engine installed.
 */
export interface RulesEngineHost {
  addFact(id: string, valueOrMethod: unknown, options?: { cache?: boolean; priority?: number }): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any host's operator callback types fit
  addOperator(name: string, callback: (factValue: any, jsonValue: any) => boolean): unknown;
}

/** A plain dotted-path resolver, so a condition `path` never needs JSONPath. */
export const dottedPathResolver = (value: unknown, path: string): unknown => getPath(value, path.replace(/^\$\.?/, ''));

/** The table pack first, then the others; a pack name given twice counts once. */
function withTables(packs: readonly RulePack[]): RulePack[] {
  const out: RulePack[] = [];
  for (const p of [TABLE_RULES, ...packs]) if (!out.some((q) => q.name === p.name)) out.push(p);
  return out;
}

/**
 * Register the project's facts and operators (the table pack's, and those of the given packs) on
 * any json-rules-engine Engine. The runtime facts a run needs are `report` (this year's
 * REPORT-JSON) and, optionally, `previous` (last year's).
 *
 * `cache: false`: the facts keep their own per-run state, and hashing every condition's params for
 * the almanac's cache costs more than the facts themselves.
 */
export function registerFacts<E extends RulesEngineHost>(engine: E, packs: readonly RulePack[] = []): E {
  for (const pack of withTables(packs)) {
    for (const [id, fn] of Object.entries(pack.outcomeFacts)) engine.addFact(id, fn as never, { cache: false });
    for (const [id, fn] of Object.entries(pack.gateFacts ?? {}))
      engine.addFact(id, fn as never, { cache: false, priority: 10 });
    for (const [name, op] of Object.entries(pack.operators ?? {})) engine.addOperator(name, op as never);
  }
  engine.addFact('previous', null, { cache: false });
  return engine;
}

/**
 * The project's own engine: json-rules-engine as bundled (its dependencies replaced by the stand-ins of
 * build/json-rules-engine-standins), loaded with `rules` and the facts of `packs`. Internal: it is not
 * exported, because the stand-ins cover only what this use of the engine needs. Developers who run the
 * rule files bring their own json-rules-engine and call `registerFacts`.
 */
function buildEngine(rules: readonly RuleFile[], packs: readonly RulePack[]): InstanceType<typeof Engine> {
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: dottedPathResolver });
  registerFacts(engine, packs);
  for (const r of rules) engine.addRule(r as never);
  return engine;
}

/** Rules that compare with last year's report (their conditions read `previous:` cells). */
export const isCrossYear = (rule: RuleFile) => JSON.stringify(rule.conditions).includes('previous:');

/** An engine with what reading its results needs. */
interface Runner {
  /** The packs it was built for, as given. */
  given: readonly RulePack[];
  engine: InstanceType<typeof Engine>;
  rules: Map<string, RuleFile>;
  order: Map<string, number>;
  gate: Set<string>;
  outcome: Set<string>;
}

// One engine per set of packs and per "with last year's report or not": the cross-year rules can
// only apply when last year's report is given, so a run without it does not pay the engine's
// per-rule cost for them. Looking one up costs a short key and an identity check, nothing more.
const runners = new Map<string, Runner>();
function runnerFor(packs: readonly RulePack[], previous: boolean): Runner {
  let key = previous ? '+' : '-';
  for (const p of packs) key += '\n' + p.name;
  const cached = runners.get(key);
  if (cached && cached.given.length === packs.length && cached.given.every((p, i) => p === packs[i])) return cached;
  const all = withTables(packs);
  const rules = all.flatMap((p) => p.rules).filter((r) => previous || !isCrossYear(r));
  const runner: Runner = {
    given: [...packs],
    engine: buildEngine(rules, all),
    rules: new Map(rules.map((r) => [r.name, r])),
    order: new Map(rules.map((r, i) => [r.name, i])),
    gate: new Set(all.flatMap((p) => Object.keys(p.gateFacts ?? {}))),
    outcome: new Set(all.flatMap((p) => Object.keys(p.outcomeFacts))),
  };
  runners.set(key, runner);
  return runner;
}

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

/** Run the table rules, and those of `packs`, on a report (`previous`: last year's, or null). */
export async function runRules(
  report: unknown,
  previous: unknown,
  packs: readonly RulePack[] = [],
): Promise<RuleRun[]> {
  const { engine, rules, order, gate, outcome } = runnerFor(packs, previous != null);
  // Runtime facts without the almanac's cache: nothing reads them twice by params, and the cache
  // would hash them on every run.
  const { results, failureResults } = await engine.run({
    report: new Fact('report', report as never, { cache: false }),
    previous: new Fact('previous', (previous ?? null) as never, { cache: false }),
  });
  const runs: RuleRun[] = [];
  for (const rr of [...results, ...failureResults]) {
    const rule =
      rules.get(rr.name as string) ??
      ({ name: rr.name, event: rr.event, conditions: { all: [] } } as unknown as RuleFile);
    const conditions = ((rr.conditions as { all?: ConditionResult[] }).all ?? []) as ConditionResult[];
    const gated = conditions.some((c) => c.fact && gate.has(c.fact) && c.result !== true);
    const found = conditions.find((c) => c.fact && outcome.has(c.fact) && c.factResult);
    const result = (found?.factResult as FactResult | undefined) ?? { applicable: false, held: 0, outcomes: [] };
    runs.push({ rule, applicable: !gated && result.applicable, result });
  }
  runs.sort((a, b) => (order.get(a.rule.name) ?? 99) - (order.get(b.rule.name) ?? 99));
  return runs;
}
