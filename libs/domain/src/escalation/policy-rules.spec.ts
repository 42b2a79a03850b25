import { DEFAULT_ESCALATION_POLICY, MINUTES_ESCALATION_POLICY } from './policy';
import { checkEscalationPolicy, isSurelyShorter } from './policy-rules';

const minutes = (amount: number) => ({ unit: 'minutes', amount }) as const;

describe('checkEscalationPolicy', () => {
  it('accepts the built-in policies', () => {
    expect(checkEscalationPolicy(DEFAULT_ESCALATION_POLICY)).toEqual([]);
    expect(checkEscalationPolicy(MINUTES_ESCALATION_POLICY)).toEqual([]);
  });

  it('names every zero offset', () => {
    const violations = checkEscalationPolicy({
      ...MINUTES_ESCALATION_POLICY,
      remindersBefore: [minutes(3), minutes(0)],
      acknowledgementWithin: minutes(0),
      progressReportGrace: minutes(0),
    });

    expect(violations).toEqual([
      { field: 'remindersBefore[1].amount', rule: 'offsetPositive', params: {} },
      { field: 'acknowledgementWithin.amount', rule: 'offsetPositive', params: {} },
      { field: 'progressReportGrace.amount', rule: 'offsetPositive', params: {} },
    ]);
  });

  it('names a fractional offset', () => {
    const violations = checkEscalationPolicy({
      ...MINUTES_ESCALATION_POLICY,
      acknowledgementWithin: minutes(2.5),
    });

    expect(violations).toEqual([{ field: 'acknowledgementWithin.amount', rule: 'offsetPositive', params: {} }]);
  });

  it('rejects reminders out of order or repeated', () => {
    const ascending = checkEscalationPolicy({
      ...MINUTES_ESCALATION_POLICY,
      remindersBefore: [minutes(1), minutes(3)],
    });
    const repeated = checkEscalationPolicy({
      ...MINUTES_ESCALATION_POLICY,
      remindersBefore: [minutes(3), minutes(3), minutes(1)],
    });

    expect(ascending).toEqual([
      { field: 'remindersBefore[1]', rule: 'remindersDescending', params: { previous: 'remindersBefore[0]' } },
    ]);
    expect(repeated).toEqual([
      { field: 'remindersBefore[1]', rule: 'remindersDescending', params: { previous: 'remindersBefore[0]' } },
    ]);
  });

  it('rejects the interview before the supervisory letter', () => {
    const violations = checkEscalationPolicy({
      ...MINUTES_ESCALATION_POLICY,
      supervisoryLetterAfter: minutes(5),
      interviewAfter: minutes(4),
    });

    expect(violations).toEqual([
      { field: 'interviewAfter', rule: 'rungOrder', params: { earlier: 'supervisoryLetterAfter' } },
    ]);
  });

  it('rejects equal rungs and a report before the exposure', () => {
    const violations = checkEscalationPolicy({
      ...MINUTES_ESCALATION_POLICY,
      interviewAfter: minutes(2),
      higherLevelReportAfter: minutes(6),
    });

    expect(violations).toEqual([
      { field: 'interviewAfter', rule: 'rungOrder', params: { earlier: 'supervisoryLetterAfter' } },
      { field: 'higherLevelReportAfter', rule: 'rungOrder', params: { earlier: 'exposureProposalAfter' } },
    ]);
  });
});

describe('isSurelyShorter', () => {
  it('compares offsets of one unit by amount', () => {
    expect(isSurelyShorter({ unit: 'working_days', amount: 5 }, { unit: 'working_days', amount: 15 })).toBe(true);
    expect(isSurelyShorter({ unit: 'working_days', amount: 15 }, { unit: 'working_days', amount: 15 })).toBe(false);
  });

  it('orders mixed units only when their bounds cannot overlap', () => {
    expect(isSurelyShorter({ unit: 'calendar_days', amount: 3 }, { unit: 'working_days', amount: 5 })).toBe(true);
    expect(isSurelyShorter({ unit: 'working_days', amount: 5 }, { unit: 'calendar_days', amount: 7 })).toBe(false);
    expect(isSurelyShorter({ unit: 'working_days', amount: 30 }, { unit: 'months', amount: 6 })).toBe(true);
    expect(isSurelyShorter({ unit: 'months', amount: 1 }, { unit: 'calendar_days', amount: 31 })).toBe(false);
    expect(isSurelyShorter({ unit: 'hours', amount: 2 }, { unit: 'minutes', amount: 121 })).toBe(true);
    expect(isSurelyShorter({ unit: 'hours', amount: 23 }, { unit: 'calendar_days', amount: 2 })).toBe(true);
    expect(isSurelyShorter({ unit: 'hours', amount: 23 }, { unit: 'calendar_days', amount: 1 })).toBe(false);
  });
});
