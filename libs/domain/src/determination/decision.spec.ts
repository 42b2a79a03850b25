import { validateDeterminationDecision, type DeterminationDecisionRecord } from './decision';

const people = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => ({ name: `${prefix}${index + 1}` }));

function record(overrides: Partial<DeterminationDecisionRecord> = {}): DeterminationDecisionRecord {
  return {
    decidedOn: '2024-05-08',
    edition: 'GB 35181-2017',
    placeCategory: 'crowded_place',
    outcome: 'major',
    method: 'direct',
    elements: [{ clause: '6.6', evidence: '三层客房未设置自动喷水灭火系统' }],
    exclusions: [{ id: 'stopped_operating', applies: false }],
    participants: people(3, '参加人'),
    proposal: {
      edition: 'GB 35181-2017',
      outcome: 'major',
      method: 'direct',
      count: 1,
      threshold: 1,
      unverified: [],
    },
    ...overrides,
  };
}

const fieldsAndCodes = (input: DeterminationDecisionRecord) =>
  validateDeterminationDecision(input).map((problem) => [problem.field, problem.code]);

describe('validateDeterminationDecision', () => {
  it('accepts a decision that follows its proposal', () => {
    expect(validateDeterminationDecision(record())).toEqual([]);
  });

  it.each([
    [2, [['participants', 'too_few_participants']]],
    [3, []],
  ])('with %i participants returns %j', (count, expected) => {
    expect(fieldsAndCodes(record({ participants: people(count, 'P') }))).toEqual(expected);
  });

  it('counts a participant listed twice once', () => {
    const problems = validateDeterminationDecision(
      record({ participants: [{ name: '张' }, { name: '李' }, { name: '张 ' }] }),
    );

    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['participants[2].name', 'duplicate_name'],
    ]);
    expect(problems[0]?.message.en).toBe('张 is listed twice; count each person once');
  });

  it.each([
    [6, 6, [['expertReview.experts', 'too_few_experts']]],
    [7, 4, [['expertReview.agreeing', 'too_few_agreeing']]],
    [7, 5, []],
    [9, 6, []],
    [9, 5, [['expertReview.agreeing', 'too_few_agreeing']]],
    [7, 8, [['expertReview.agreeing', 'invalid_agreeing']]],
  ])('expert review of %i with %i agreeing returns %j', (experts, agreeing, expected) => {
    expect(fieldsAndCodes(record({ expertReview: { experts: people(experts, 'E'), agreeing } }))).toEqual(expected);
  });

  it('says how many experts must agree', () => {
    const [problem] = validateDeterminationDecision(record({ expertReview: { experts: people(7, 'E'), agreeing: 4 } }));

    expect(problem?.message.en).toBe(
      'a conclusive opinion needs at least two thirds of the experts: 5 of 7, but 4 agreed',
    );
    expect(problem?.message.zh).toContain('7 名专家中至少需 5 名同意');
  });

  it('requires a reason to depart from the proposal', () => {
    const departing = record({
      outcome: 'not_major',
      method: null,
      elements: [],
      proposal: { ...record().proposal },
    });

    expect(fieldsAndCodes(departing)).toEqual([['departureReason', 'departure_reason_required']]);
    expect(fieldsAndCodes({ ...departing, departureReason: '喷淋系统已于检查当日整改完毕' })).toEqual([]);
  });

  it('requires a reason when the proposal was undetermined', () => {
    const undetermined = record({
      edition: 'GB 35181-2025',
      placeCategory: 'hotel',
      elements: [{ clause: '5.3', evidence: '依据标准原文第 5.3 条' }],
      exclusions: [],
      proposal: {
        edition: 'GB 35181-2025',
        outcome: 'undetermined',
        method: null,
        count: null,
        threshold: null,
        unverified: [],
      },
    });

    expect(fieldsAndCodes(undetermined)).toEqual([['departureReason', 'departure_reason_required']]);
  });

  it('requires evidence for every element', () => {
    expect(fieldsAndCodes(record({ elements: [{ clause: '6.6' }] }))).toEqual([
      ['elements[0].evidence', 'evidence_required'],
    ]);
  });

  it('rejects clauses, categories and exclusions of another edition', () => {
    const problems = fieldsAndCodes(
      record({
        placeCategory: 'hotel',
        elements: [{ clause: '5.5', evidence: 'x' }],
        exclusions: [{ id: 'correctable_on_the_spot', applies: false }],
        method: 'comprehensive',
        proposal: { ...record().proposal, method: 'comprehensive' },
      }),
    );

    expect(problems).toEqual([
      ['placeCategory', 'unknown_category'],
      ['elements[0].clause', 'unknown_clause'],
      ['exclusions[0].id', 'unknown_exclusion'],
    ]);
  });

  it('rejects a proposal of another edition', () => {
    const problems = fieldsAndCodes(record({ proposal: { ...record().proposal, edition: 'GA 653-2006' } }));

    expect(problems).toEqual([['proposal.edition', 'edition_mismatch']]);
  });

  it.each([
    ['major without a method', { method: null }, [['method', 'method_required']]],
    [
      'major by the direct method without a direct element',
      { elements: [{ clause: '7.3.3', evidence: 'x' }] },
      [['elements', 'direct_element_required']],
    ],
    [
      'major with an exclusion that applies',
      { exclusions: [{ id: 'stopped_operating', applies: true }] },
      [['exclusions', 'exclusion_contradicts_major']],
    ],
    [
      'excluded without an exclusion that applies',
      { outcome: 'excluded' as const, method: null, departureReason: 'r' },
      [['exclusions', 'exclusion_required']],
    ],
    [
      'not major by the direct method',
      { outcome: 'not_major' as const, departureReason: 'r' },
      [['method', 'method_not_applicable']],
    ],
  ])('rejects %s', (_, overrides, expected) => {
    expect(fieldsAndCodes(record({ departureReason: 'r', ...overrides }))).toEqual(expected);
  });

  it('accepts an exclusion decision', () => {
    const excluded = record({
      outcome: 'excluded',
      method: null,
      exclusions: [{ id: 'stopped_operating', applies: true }],
      proposal: { ...record().proposal, outcome: 'excluded', method: null, count: null, threshold: null },
    });

    expect(validateDeterminationDecision(excluded)).toEqual([]);
  });
});
