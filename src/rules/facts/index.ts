/**
 * The registry of facts and operators that the table rules need. Another json-rules-engine host
 * registers the same ones with `registerFacts(engine)` (see rules/README.md).
 * To add a fact: write it in its own module here, returning a FactResult (or a plain value for a
 * gate fact), and add it to OUTCOME_FACTS or GATE_FACTS below (or to a rule pack's own facts, as
 * the prose pack does with `textClaims` and `labelDrift`).
 */
import * as core from './core.js';
import type { AlmanacLike, FactResult } from './types.js';

export type OutcomeFact = (params: never, almanac: AlmanacLike) => Promise<FactResult>;
export type GateFact = (params: never, almanac: AlmanacLike) => Promise<unknown>;
export type RuleOperator = (factValue: never, value: never) => boolean;

/** Facts whose result (a FactResult) carries a rule's findings. */
export const OUTCOME_FACTS: Record<string, OutcomeFact> = {
  ...core.OUTCOME_FACTS,
};

/** Facts used as preconditions: when a condition on one of them is false, the rule does not apply. */
export const GATE_FACTS: Record<string, GateFact> = {
  ...core.GATE_FACTS,
};

export const OPERATORS: Record<string, RuleOperator> = {
  fails: core.failsOperator as RuleOperator,
};

export type { FactResult, Outcome } from './types.js';
