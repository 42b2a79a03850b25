import { RULE_SETS, ruleSetOf } from './editions';
import { proposeDetermination, proposeUnderRuleSet } from './engine';
import { clauseZh } from './explanation';
import type { DeterminationIssue, DeterminationProposal, DeterminationRequest } from './proposal';
import type { DeterminationElement, RuleSet } from './types';

/** An inspection date inside each edition's period. */
const DATE_OF = { 'GA 653-2006': '2012-09-10', 'GB 35181-2017': '2024-05-06', 'GB 35181-2025': '2026-03-02' };

function propose(request: DeterminationRequest): DeterminationProposal {
  const result = proposeDetermination(request);
  if (!result.ok) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result.proposal;
}

function issuesOf(request: DeterminationRequest): readonly DeterminationIssue[] {
  const result = proposeDetermination(request);
  if (result.ok) throw new Error(`expected issues, got outcome ${result.proposal.outcome}`);
  return result.issues;
}

const findings = (clauses: readonly string[]) => clauses.map((clause) => ({ clause, evidence: `found ${clause}` }));

const editionsWithElements = RULE_SETS.filter((ruleSet) => ruleSet.elements.length > 0);

describe('direct method', () => {
  const cases = editionsWithElements.flatMap((ruleSet) =>
    ruleSet.elements
      .filter((element) => element.kind === 'direct')
      .map((element) => [ruleSet.edition, element.clause, ruleSet, element] as const),
  );

  it.each(cases)('%s direct element %s alone is major', (edition, clause, _ruleSet, element) => {
    const proposal = propose({
      inspectedOn: DATE_OF[edition],
      placeCategory: 'crowded_place',
      elements: findings([clause]),
    });

    expect(proposal.edition).toBe(edition);
    expect(proposal.outcome).toBe('major');
    expect(proposal.method).toBe('direct');
    expect(proposal.count).toBe(1);
    expect(proposal.threshold).toBe(1);
    expect(proposal.directElements).toEqual([clause]);
    expect(proposal.explanation.zh).toContain(element.text.zh);
    expect(proposal.explanation.en).toContain(`${clause} (${element.text.en})`);
    const marked = proposal.unverified.filter((mark) => mark.subject === 'element').map((mark) => mark.ref);
    expect(marked).toEqual(element.verified ? [] : [clause]);
  });

  it('states the direct rule clause of GB 35181-2017', () => {
    const proposal = propose({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: findings(['6.6']),
    });

    expect(proposal.explanation.zh).toContain('（第 5.2.2 条）');
    expect(proposal.explanation.en).toContain('(§5.2.2)');
  });

  it('does not count comprehensive elements beside a direct one', () => {
    const proposal = propose({
      inspectedOn: '2024-05-06',
      placeCategory: 'other_place',
      elements: findings(['7.7.2', '6.6']),
    });

    expect(proposal.method).toBe('direct');
    expect(proposal.directElements).toEqual(['6.6']);
    expect(proposal.comprehensiveElements).toEqual(['7.7.2']);
    expect(proposal.explanation.en).toContain('The 1 comprehensive element found (7.7.2) need not be counted.');
  });
});

interface BoundaryCase {
  readonly ruleSet: RuleSet;
  readonly category: string;
  readonly rule: string;
  readonly threshold: number;
  readonly pool: readonly string[];
}

/**
 * For each category and each of its rules, the clauses to count: the rule's subset, or for a rule on
 * any element the elements outside every subset of the category, so that no other rule is met first.
 */
function boundaryCases(ruleSet: RuleSet): BoundaryCase[] {
  const comprehensive = ruleSet.elements.filter((element) => element.kind === 'comprehensive');
  return ruleSet.categories.flatMap((category) => {
    const rules = ruleSet.countingRules.filter((rule) => rule.categories.includes(category.id));
    const inSubsets = new Set(rules.flatMap((rule) => rule.subset ?? []));
    return rules.map((rule) => ({
      ruleSet,
      category: category.id,
      rule: rule.id,
      threshold: rule.threshold,
      pool: rule.subset ?? comprehensive.map((element) => element.clause).filter((clause) => !inSubsets.has(clause)),
    }));
  });
}

describe('comprehensive method thresholds', () => {
  const cases = editionsWithElements
    .flatMap(boundaryCases)
    .map((entry) => [entry.ruleSet.edition, entry.category, entry.rule, entry.threshold, entry] as const);

  it.each(cases)('%s %s rule %s: one below %i is not major', (edition, category, _rule, threshold, entry) => {
    const below = entry.pool.slice(0, threshold - 1);
    expect(below).toHaveLength(threshold - 1);

    const proposal = propose({ inspectedOn: DATE_OF[edition], placeCategory: category, elements: findings(below) });

    expect(proposal.outcome).toBe('not_major');
    expect(proposal.method).toBe('comprehensive');
    expect(proposal.rules.every((rule) => !rule.met)).toBe(true);
  });

  it.each(cases)('%s %s rule %s: at %i is major', (edition, category, rule, threshold, entry) => {
    const at = entry.pool.slice(0, threshold);
    expect(at).toHaveLength(threshold);

    const proposal = propose({ inspectedOn: DATE_OF[edition], placeCategory: category, elements: findings(at) });

    expect(proposal.outcome).toBe('major');
    expect(proposal.method).toBe('comprehensive');
    expect(proposal.rule?.rule).toBe(rule);
    expect(proposal.count).toBe(threshold);
    expect(proposal.threshold).toBe(threshold);
  });

  it('names each rule with its count in a not-major explanation', () => {
    const proposal = propose({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: findings(['7.4.2', '7.4.6', '7.7.2']),
    });

    expect(proposal.count).toBe(3);
    expect(proposal.threshold).toBe(4);
    expect(proposal.explanation.en).toContain(
      'No counting rule is met: §5.3.3 a) on designated elements: 0 counted, threshold 3; §5.3.3 c) on any elements: 3 counted, threshold 4.',
    );
    expect(proposal.explanation.zh).toContain('第 5.3.3 条 a) 项的指定要素计入 0 条，门槛 3 条');
  });

  it('counts the subset rule of GB 35181-2017 crowded places', () => {
    const proposal = propose({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: findings(['7.3.2', '7.3.3', '7.3.6']),
    });

    expect(proposal.rule?.clause).toBe('5.3.3 a)');
    expect(proposal.rule?.counted).toEqual(['7.3.2', '7.3.3', '7.3.6']);
    expect(proposal.explanation.en).toContain('3 counted against a threshold of 3');
    expect(proposal.unverified).toEqual([]);
  });

  describe('GB 35181-2025 with a stand-in catalogue', () => {
    const base = ruleSetOf('GB 35181-2025');
    const standIns: DeterminationElement[] = ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6'].map((clause) => ({
      clause,
      kind: 'comprehensive',
      group: '6',
      text: { zh: `测试要素 ${clause}`, en: `test element ${clause}` },
      verified: false,
      note: { zh: '测试', en: 'test' },
    }));
    const withElements: RuleSet = { ...base, elements: standIns, missingElements: [] };

    it.each([
      [5, 'not_major'],
      [6, 'major'],
    ])('%i comprehensive elements give %s', (count, outcome) => {
      const result = proposeUnderRuleSet(
        {
          inspectedOn: '2026-03-02',
          placeCategory: 'hotel',
          elements: findings(standIns.slice(0, count).map((e) => e.clause)),
        },
        withElements,
      );

      if (!result.ok) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
      expect(result.proposal.outcome).toBe(outcome);
      expect(result.proposal.threshold).toBe(6);
      expect(result.proposal.unverified.map((mark) => mark.ref)).toContain('any_six');
    });
  });
});

describe('exclusions', () => {
  const cases = editionsWithElements.flatMap((ruleSet) =>
    ruleSet.exclusions.map((exclusion) => [ruleSet.edition, exclusion.id, exclusion.clause] as const),
  );

  it.each(cases)('%s exclusion %s excludes a direct hazard', (edition, id, clause) => {
    const direct = ruleSetOf(edition).elements.find((element) => element.kind === 'direct');
    const proposal = propose({
      inspectedOn: DATE_OF[edition],
      placeCategory: 'crowded_place',
      elements: findings([direct?.clause ?? '']),
      exclusions: [{ id, applies: true }],
    });

    expect(proposal.outcome).toBe('excluded');
    expect(proposal.method).toBeNull();
    expect(proposal.count).toBeNull();
    expect(proposal.exclusions.find((check) => check.id === id)?.applies).toBe(true);
    expect(proposal.explanation.zh).toContain(`存在${clauseZh(clause)}规定的情形`);
    expect(proposal.explanation.en).toContain(`§${clause} applies`);
  });

  it('states exclusions answered no and those not answered', () => {
    const proposal = propose({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: findings(['6.6']),
      exclusions: [
        { id: 'stopped_operating', applies: false },
        { id: 'expert_review_measures_taken', applies: false },
      ],
    });

    expect(proposal.outcome).toBe('major');
    expect(proposal.exclusions.map((check) => [check.id, check.applies])).toEqual([
      ['expert_review_measures_taken', false],
      ['stopped_operating', false],
      ['not_serious', null],
    ]);
    expect(proposal.explanation.en).toContain('The exclusions checked do not apply: §5.1.3 a)');
    expect(proposal.explanation.en).toContain(
      'One exclusion was not answered, so the proposal treats it as not applying. Check it in the collective discussion: §5.1.3 c)',
    );
    expect(proposal.explanation.en).toContain('§5.1.3 c)');
  });
});

describe('edition selection', () => {
  it.each([
    ['2018-06-30', 'GA 653-2006', '5.5'],
    ['2018-07-01', 'GB 35181-2017', '6.6'],
    ['2025-10-31', 'GB 35181-2017', '6.6'],
  ])('inspected on %s uses %s', (inspectedOn, edition, clause) => {
    const proposal = propose({ inspectedOn, placeCategory: 'crowded_place', elements: findings([clause]) });

    expect(proposal.edition).toBe(edition);
    expect(proposal.outcome).toBe('major');
  });

  it('uses GB 35181-2025 from 2025-11-01', () => {
    const proposal = propose({ inspectedOn: '2025-11-01', placeCategory: 'hotel', elements: [] });

    expect(proposal.edition).toBe('GB 35181-2025');
    expect(proposal.threshold).toBe(6);
  });

  it('rejects a 2017 clause on 2025-11-01', () => {
    const issues = issuesOf({ inspectedOn: '2025-11-01', placeCategory: 'hotel', elements: findings(['7.3.3']) });

    expect(issues).toEqual([
      {
        field: 'elements[0].clause',
        code: 'unknown_clause',
        params: { value: '7.3.3', edition: 'GB 35181-2025', hint: '5, 6' },
      },
    ]);
  });

  it.each(['2003-12-30', '2006-11-30'])('proposes nothing on %s, before GA 653-2006', (inspectedOn) => {
    const proposal = propose({ inspectedOn, placeCategory: 'crowded_place', elements: findings(['6.6']) });

    expect(proposal.edition).toBeNull();
    expect(proposal.outcome).toBe('undetermined');
    expect(proposal.undeterminedReason).toBe('no_edition_in_force');
    expect(proposal.method).toBeNull();
    expect(proposal.explanation.en).toContain(`The inspection date ${inspectedOn} is before 2006-12-01`);
    expect(proposal.explanation.zh).toContain('当日没有适用的重大火灾隐患判定标准');
  });

  it('marks the unconfirmed start of GA 653-2006 in 2006', () => {
    const before = propose({ inspectedOn: '2006-11-30', placeCategory: 'crowded_place', elements: [] });
    const after = propose({ inspectedOn: '2006-12-01', placeCategory: 'crowded_place', elements: [] });
    const later = propose({ inspectedOn: '2007-01-01', placeCategory: 'crowded_place', elements: [] });

    expect(before.unverified.map((mark) => [mark.subject, mark.ref])).toEqual([['edition', 'GA 653-2006']]);
    expect(after.unverified.map((mark) => [mark.subject, mark.ref])).toEqual([['edition', 'GA 653-2006']]);
    expect(later.unverified).toEqual([]);
  });
});

describe('GB 35181-2025 catalogue', () => {
  it('answers that a chapter 5 or 6 element is not in the catalogue', () => {
    const proposal = propose({
      inspectedOn: '2026-03-02',
      placeCategory: 'hotel',
      elements: findings(['5.2', '6.12']),
    });

    expect(proposal.outcome).toBe('undetermined');
    expect(proposal.undeterminedReason).toBe('elements_not_in_catalogue');
    expect(proposal.elementsNotInCatalogue).toEqual(['5.2', '6.12']);
    expect(proposal.method).toBeNull();
    expect(proposal.count).toBeNull();
    expect(proposal.explanation.en).toContain('Elements 5.2, 6.12 are not in the catalogue');
    expect(proposal.explanation.en).toContain("The engine does not guess these elements' texts");
    expect(proposal.explanation.zh).toContain('要素 5.2、6.12 不在目录中');
  });

  it('marks a not-major proposal as relying on the missing catalogue', () => {
    const proposal = propose({ inspectedOn: '2026-03-02', placeCategory: 'hotel', elements: [] });

    expect(proposal.outcome).toBe('not_major');
    expect(proposal.count).toBe(0);
    expect(proposal.unverified.map((mark) => [mark.subject, mark.ref])).toEqual([
      ['place_category', 'hotel'],
      ['counting_rule', 'any_six'],
      ['catalogue', 'chapter 5'],
      ['catalogue', 'chapter 6'],
    ]);
  });

  it('rejects exclusion answers, since none is catalogued', () => {
    const issues = issuesOf({
      inspectedOn: '2026-03-02',
      placeCategory: 'hotel',
      elements: [],
      exclusions: [{ id: 'stopped_operating', applies: true }],
    });

    expect(issues).toEqual([
      {
        field: 'exclusions[0].id',
        code: 'unknown_exclusion',
        params: { value: 'stopped_operating', edition: 'GB 35181-2025', values: [] },
      },
    ]);
  });
});

describe('unverified marks', () => {
  it('lists the unverified elements a comprehensive major relies on', () => {
    const proposal = propose({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: findings(['7.4.3', '7.4.6', '7.7.2', '7.7.3']),
    });

    expect(proposal.outcome).toBe('major');
    expect(proposal.rule?.clause).toBe('5.3.3 c)');
    expect(proposal.unverified.map((mark) => [mark.subject, mark.ref])).toEqual([
      ['element', '7.4.3'],
      ['element', '7.7.3'],
    ]);
    expect(proposal.explanation.en).toContain('Counting only confirmed elements gives 2, below the threshold');
    expect(proposal.explanation.en).toContain(
      "2 items this proposal relies on are not confirmed from the standard's text",
    );
  });

  it('marks 7.9.3 when the crowded-place subset counts it', () => {
    const proposal = propose({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: findings(['7.3.2', '7.3.3', '7.9.3']),
    });

    expect(proposal.rule?.clause).toBe('5.3.3 a)');
    expect(proposal.unverified.map((mark) => mark.ref)).toEqual(['7.9.3']);
    expect(proposal.unverified[0]?.note.en).toContain('crowded-place counting subset');
  });

  it('marks the unconfirmed subset of GA 653-2006 flammable-goods places', () => {
    const proposal = propose({
      inspectedOn: '2012-09-10',
      placeCategory: 'flammable_goods_place',
      elements: findings(['6.1.1.1', '6.1.4.6']),
    });

    expect(proposal.outcome).toBe('major');
    expect(proposal.rule?.rule).toBe('flammable_goods_place_subset');
    expect(proposal.unverified.map((mark) => [mark.subject, mark.ref])).toEqual([
      ['element', '6.1.1.1'],
      ['element', '6.1.4.6'],
      ['counting_rule', 'flammable_goods_place_subset'],
    ]);
  });

  it('marks a category derived from the place type', () => {
    const proposal = propose({ inspectedOn: '2024-05-06', placeType: 'hotel', elements: findings(['6.6']) });

    expect(proposal.placeCategory).toBe('crowded_place');
    expect(proposal.placeCategorySource).toBe('place_type');
    expect(proposal.unverified.map((mark) => [mark.subject, mark.ref])).toEqual([
      ['place_type_mapping', 'crowded_place'],
    ]);
    expect(proposal.explanation.en).toContain('Place category: crowded place (derived from the place type).');
  });

  it('prefers the category sent over the place type', () => {
    const proposal = propose({
      inspectedOn: '2024-05-06',
      placeType: 'museum',
      placeCategory: 'important_place',
      elements: [],
    });

    expect(proposal.placeCategory).toBe('important_place');
    expect(proposal.placeCategorySource).toBe('request');
  });
});

describe('invalid requests', () => {
  it('lists every unknown clause', () => {
    const issues = issuesOf({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: findings(['7.3.3', '9.9', '7.3.13']),
    });

    expect(issues.map((issue) => [issue.field, issue.code, issue.params['value']])).toEqual([
      ['elements[1].clause', 'unknown_clause', '9.9'],
      ['elements[2].clause', 'unknown_clause', '7.3.13'],
    ]);
    expect(issues[0]?.params['hint']).toBe('6, 7');
  });

  it('rejects a clause listed twice', () => {
    const issues = issuesOf({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: findings(['7.3.3', ' 7.3.3']),
    });

    expect(issues).toEqual([{ field: 'elements[1].clause', code: 'duplicate_clause', params: { value: '7.3.3' } }]);
  });

  it('rejects a category of another edition', () => {
    const issues = issuesOf({ inspectedOn: '2024-05-06', placeCategory: 'hotel', elements: [] });

    expect(issues).toEqual([
      {
        field: 'placeCategory',
        code: 'unknown_category',
        params: {
          value: 'hotel',
          edition: 'GB 35181-2017',
          values: ['crowded_place', 'flammable_goods_place', 'important_place', 'other_place'],
        },
      },
    ]);
  });

  it('asks for the category when the place type does not decide it', () => {
    const issues = issuesOf({ inspectedOn: '2024-05-06', placeType: 'factory', elements: [] });

    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([['placeType', 'place_type_undecided']]);
  });

  it('asks for a category or a place type', () => {
    const issues = issuesOf({ inspectedOn: '2024-05-06', elements: [] });

    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([['placeCategory', 'category_required']]);
  });

  it('rejects an exclusion of another edition and a repeated answer', () => {
    const issues = issuesOf({
      inspectedOn: '2024-05-06',
      placeCategory: 'crowded_place',
      elements: [],
      exclusions: [
        { id: 'correctable_on_the_spot', applies: false },
        { id: 'not_serious', applies: false },
        { id: 'not_serious', applies: true },
      ],
    });

    expect(issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['exclusions[0].id', 'unknown_exclusion'],
      ['exclusions[2].id', 'duplicate_exclusion'],
    ]);
  });

  it('rejects a date that does not exist', () => {
    const issues = issuesOf({ inspectedOn: '2025-13-01', placeCategory: 'crowded_place', elements: [] });

    expect(issues).toEqual([{ field: 'inspectedOn', code: 'invalid_date', params: { value: '2025-13-01' } }]);
  });
});

describe('clauseZh', () => {
  it.each([
    ['5.3.3 a)', '第 5.3.3 条 a) 项'],
    ['4.5', '第 4.5 条'],
  ])('writes %s as %s', (clause, expected) => {
    expect(clauseZh(clause)).toBe(expected);
  });
});
