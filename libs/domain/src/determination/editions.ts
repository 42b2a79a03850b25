import { isCalendarDate } from '../time/china-date';
import { GA_653_2006 } from './rulesets/ga-653-2006';
import { GB_35181_2017 } from './rulesets/gb-35181-2017';
import { GB_35181_2025 } from './rulesets/gb-35181-2025';
import { EDITION_IDS, type DeterminationElement, type EditionId, type RuleSet } from './types';

/** Every edition's rule set, oldest first. Each applies from its effectiveFrom until the next one's. */
export const RULE_SETS: readonly RuleSet[] = [GA_653_2006, GB_35181_2017, GB_35181_2025];

export function isEditionId(value: unknown): value is EditionId {
  return typeof value === 'string' && (EDITION_IDS as readonly string[]).includes(value);
}

export function ruleSetOf(edition: EditionId): RuleSet {
  const ruleSet = RULE_SETS.find((candidate) => candidate.edition === edition);
  if (!ruleSet) throw new Error(`no rule set for edition ${edition}`);
  return ruleSet;
}

/**
 * Returns the rule set in force on an inspection date (YYYY-MM-DD, China Standard Time), or
 * undefined before the first edition applies. Throws on a string that is not a calendar date.
 */
export function selectRuleSet(inspectedOn: string): RuleSet | undefined {
  if (!isCalendarDate(inspectedOn)) throw new Error(`inspection date ${inspectedOn} is not a YYYY-MM-DD calendar date`);
  let selected: RuleSet | undefined;
  for (const ruleSet of RULE_SETS) {
    if (ruleSet.effectiveFrom <= inspectedOn) selected = ruleSet;
  }
  return selected;
}

/** Returns the catalogued element with this clause number, if the edition has one. */
export function findElement(ruleSet: RuleSet, clause: string): DeterminationElement | undefined {
  return ruleSet.elements.find((element) => element.clause === clause);
}

/** Returns true when the clause lies where the edition has elements whose texts are not in the catalogue. */
export function isMissingElementClause(ruleSet: RuleSet, clause: string): boolean {
  return ruleSet.missingElements.some((missing) => missing.clausePattern.test(clause));
}
