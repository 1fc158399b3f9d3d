/** Finding a rule the user named (ID or name, any case), or saying what they may have meant. */
import { findRule, suggestRule, type Rule } from '@csmlint/core';
import { UsageError } from '../errors.js';

/** The rule called `idOrName`; throws UsageError (with a did-you-mean) when there is none. */
export function ruleNamed(idOrName: string): Rule {
  const rule = findRule(idOrName);
  if (rule) return rule;
  const close = suggestRule(idOrName);
  throw new UsageError(`unknown rule \`${idOrName}\`; ${close ? `did you mean \`${close}\`?` : 'run `csmlint rules` for the list'}`);
}
