/**
 * The table rules of rules/ (docs/format.md §6 except TEXT and LABEL, which come with the importer as
 * the prose pack, src/rules/prose.ts), in the order their findings are listed. Plain json-rules-engine rules:
 * `event.type` is the rule id and `event.params.severity` its severity. The message templates and
 * the legal basis sit beside `event` (json-rules-engine ignores them), so that the engine does not
 * deep-copy them into every rule result of every run.
 */
import T3_BAL from '../../rules/T3-BAL.json';
import T3_TOTAL from '../../rules/T3-TOTAL.json';
import T3_COL from '../../rules/T3-COL.json';
import T4_SUM from '../../rules/T4-SUM.json';
import NUM from '../../rules/NUM.json';
import BLANK from '../../rules/BLANK.json';
import FORMAT from '../../rules/FORMAT.json';
import X_CARRY from '../../rules/X-CARRY.json';
import X_INFORCE from '../../rules/X-INFORCE.json';
import RULE_MAKING from '../../rules/RULE-MAKING.json';
import type { Severity } from './types.js';
import { deepFreeze } from './freeze.js';
import type { LocaleTexts } from '../i18n/locale.js';

/** Text of a rule file by locale (zh-CN always there), read with `inLocale`. */
export type LocalizedText = LocaleTexts;

export interface RuleEventParams {
  severity: Severity;
}

/** A rule file as json-rules-engine reads it. */
export interface RuleFile {
  name: string;
  priority?: number;
  conditions: {
    all: Array<{ fact: string; params?: Record<string, unknown>; operator: string; value: unknown; priority?: number }>;
  };
  event: { type: string; params: RuleEventParams };
  /** Why the rule exists, by locale. */
  basis?: LocalizedText;
  /** Message templates by variant (`default`, `skipped`, or a fact's own variants), then by locale. */
  messages: Record<string, LocalizedText>;
}

export const RULES: readonly RuleFile[] = deepFreeze([
  T3_BAL,
  T3_TOTAL,
  T3_COL,
  T4_SUM,
  NUM,
  BLANK,
  FORMAT,
  X_CARRY,
  X_INFORCE,
  RULE_MAKING,
] as RuleFile[]);
