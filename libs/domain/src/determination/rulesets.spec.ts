import { RULE_SETS } from './editions';
import { PLACE_TYPE_CATEGORIES } from './place-categories';
import { EDITION_IDS } from './types';
import { PLACE_TYPES } from '../case/place-type';

describe.each(RULE_SETS.map((ruleSet) => [ruleSet.edition, ruleSet] as const))('rule set %s', (_, ruleSet) => {
  const clauses = ruleSet.elements.map((element) => element.clause);
  const categoryIds = ruleSet.categories.map((category) => category.id);

  it('has unique clause numbers', () => {
    expect(new Set(clauses).size).toBe(clauses.length);
  });

  it('explains every unverified element', () => {
    const unexplained = ruleSet.elements.filter((element) => !element.verified && !element.note);
    expect(unexplained.map((element) => element.clause)).toEqual([]);
  });

  it('explains every unverified rule', () => {
    const unexplained = ruleSet.countingRules.filter((rule) => !rule.verified && !rule.note);
    expect(unexplained.map((rule) => rule.id)).toEqual([]);
  });

  it('puts every comprehensive element in a known group', () => {
    const groups = ruleSet.elementGroups.map((group) => group.clause);
    const strays = ruleSet.elements.filter(
      (element) => element.kind === 'comprehensive' && !groups.includes(element.group ?? ''),
    );
    expect(strays.map((element) => element.clause)).toEqual([]);
  });

  it('counts subsets of comprehensive elements only', () => {
    const comprehensive = ruleSet.elements.filter((element) => element.kind === 'comprehensive');
    for (const rule of ruleSet.countingRules) {
      for (const clause of rule.subset ?? []) {
        expect(comprehensive.map((element) => element.clause)).toContain(clause);
      }
    }
  });

  it('gives every category a counting rule', () => {
    for (const category of categoryIds) {
      expect(ruleSet.countingRules.filter((rule) => rule.categories.includes(category)).length).toBeGreaterThan(0);
    }
  });

  it('names only its own categories in rules', () => {
    for (const rule of ruleSet.countingRules) {
      for (const category of rule.categories) expect(categoryIds).toContain(category);
    }
  });

  it('maps place types to its own categories', () => {
    for (const placeType of PLACE_TYPES) {
      const category = PLACE_TYPE_CATEGORIES[ruleSet.edition][placeType];
      if (category !== null) expect(categoryIds).toContain(category);
    }
  });
});

describe('rule set catalogue', () => {
  it('lists editions oldest first', () => {
    expect(RULE_SETS.map((ruleSet) => ruleSet.edition)).toEqual([...EDITION_IDS]);
    const dates = RULE_SETS.map((ruleSet) => ruleSet.effectiveFrom);
    expect([...dates].sort()).toEqual(dates);
  });

  it('has the element counts of each edition', () => {
    const count = (edition: string, kind: string) =>
      RULE_SETS.find((ruleSet) => ruleSet.edition === edition)?.elements.filter((element) => element.kind === kind)
        .length;
    expect(count('GA 653-2006', 'direct')).toBe(6);
    expect(count('GB 35181-2017', 'direct')).toBe(10);
    expect(count('GB 35181-2017', 'comprehensive')).toBe(39);
    expect(count('GB 35181-2025', 'direct')).toBe(0);
    expect(count('GB 35181-2025', 'comprehensive')).toBe(0);
  });

  it('declares the missing 2025 elements', () => {
    const missing = RULE_SETS.find((ruleSet) => ruleSet.edition === 'GB 35181-2025')?.missingElements;
    expect(missing?.map((entry) => [entry.kind, entry.chapter, entry.count])).toEqual([
      ['direct', '5', 30],
      ['comprehensive', '6', 35],
    ]);
  });
});
