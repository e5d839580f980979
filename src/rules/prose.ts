/**
 * The prose pack: rules TEXT (numbers stated in sections 一、五、六 agree with the tables) and LABEL
 * (labels as published that differ from the official wording, which the importer records). Shipped
 * with the importer (`disclosure-report/import`, the importer bundle and the CLI), not with the
 * `./rules` entry:
 *
 * ```js
 * import { validate } from 'disclosure-report/rules';
 * import { PROSE_RULES } from 'disclosure-report/import';
 * await validate(report, { packs: [PROSE_RULES] });
 * ```
 */
import TEXT from '../../rules/TEXT.json';
import LABEL from '../../rules/LABEL.json';
import type { RuleFile } from './catalog.js';
import { deepFreeze } from './freeze.js';
import * as text from './facts/text.js';
import * as label from './facts/label.js';
import type { RulePack } from './packs.js';
import type { OutcomeFact } from './facts/index.js';

export const PROSE_RULES: RulePack = Object.freeze({
  name: 'prose',
  rules: deepFreeze([TEXT, LABEL] as RuleFile[]),
  outcomeFacts: Object.freeze({ ...text.OUTCOME_FACTS, ...label.OUTCOME_FACTS } as Record<string, OutcomeFact>),
});
