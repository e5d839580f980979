/**
 * Rule packs: rule files together with the facts and operators they need. `validate()` always runs
 * the table pack (docs/format.md §6: T3-BAL … RULE-MAKING); other packs are passed in `packs`. The prose
 * pack (TEXT and LABEL: the prose and the published labels against the tables) comes with the
 * importer (`disclosure-report/import`), which is where prose and published labels are read, so
 * the `./rules` entry stays small.
 */
import { RULES, type RuleFile } from './catalog.js';
import {
  GATE_FACTS,
  OPERATORS,
  OUTCOME_FACTS,
  type GateFact,
  type OutcomeFact,
  type RuleOperator,
} from './facts/index.js';

export interface RulePack {
  /** Unique name: a pack given twice runs once. */
  readonly name: string;
  /** The rule files, in the order their findings are listed. */
  readonly rules: readonly RuleFile[];
  /** Facts returning a FactResult, the ones findings are read from. */
  readonly outcomeFacts: Readonly<Record<string, OutcomeFact>>;
  /** Facts used as preconditions (a false condition on one means "does not apply"). */
  readonly gateFacts?: Readonly<Record<string, GateFact>>;
  readonly operators?: Readonly<Record<string, RuleOperator>>;
}

/** The table rules of rules/ with their facts and operators. */
export const TABLE_RULES: RulePack = Object.freeze({
  name: 'tables',
  rules: RULES,
  outcomeFacts: OUTCOME_FACTS,
  gateFacts: GATE_FACTS,
  operators: OPERATORS,
});
