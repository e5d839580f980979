/** Texts of the rules' facts, English. */
import type { RulesStrings } from './rules.js';

export const en: RulesStrings = {
  previousLabel: (label) => `last year's ${label}`,
  labels: (shown, total) => {
    const quoted = shown.map((l) => `“${l}”`);
    const last = total > shown.length ? `${total - shown.length} more` : quoted.pop()!;
    return quoted.length ? `${quoted.join(', ')} and ${last}` : last;
  },
  unreadableCells: (labels) => `${labels} cannot be read`,
  blankCells: (labels, n) => `${labels} ${n > 1 ? 'are' : 'is'} blank`,
  notNumbers: (labels, n) => `${labels} ${n > 1 ? 'are not numbers' : 'is not a number'}`,
  clauses: (parts) => parts.join(' and '),
};
