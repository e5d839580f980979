/**
 * `disclosure-report/rules`: the REPORT-JSON model, schema and rules, with no DOM and no lit.
 * Runs in Node and browsers.
 */
export * from '../model/layout.js';
export * from '../model/schema.js';
export * from '../model/decimal.js';
export type * from '../model/report.js';
export { parseJsonText, locatePath, positionAt, type TextPosition } from '../model/json.js';
export { validate, formatMessage } from './validate.js';
export { explainCell, explainReport } from './explain.js';
export { registerFacts, runRules, dottedPathResolver, type RuleRun, type RulesEngineHost } from './engine.js';
export { RULES, type RuleFile, type RuleEventParams } from './catalog.js';
export {
  OUTCOME_FACTS,
  GATE_FACTS,
  OPERATORS,
  type OutcomeFact,
  type GateFact,
  type RuleOperator,
} from './facts/index.js';
export { TABLE_RULES, type RulePack } from './packs.js';
export {
  contextOf,
  namedSets,
  readCell,
  BLANK_MARKERS,
  type CellState,
  type ReportContext,
  type SetItem,
} from './context.js';
export { expand, RuleFileError } from './facts/expand.js';
export type { FactResult, Outcome } from './facts/types.js';
export type * from './types.js';
