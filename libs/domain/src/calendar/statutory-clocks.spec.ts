import { OFFICIAL_SCHEDULES } from './official-schedules.data';
import { computeClockDeadline, STATUTORY_CLOCK_IDS, STATUTORY_CLOCKS, type ClockPolicy } from './statutory-clocks';
import { WorkingCalendar } from './working-calendar';

const calendar = WorkingCalendar.fromSchedules(OFFICIAL_SCHEDULES);

describe('STATUTORY_CLOCKS', () => {
  it.each([
    ['handling_opinion', { unit: 'working_days', amount: 7 }],
    ['handling_opinion_with_expert_review', { unit: 'working_days', amount: 17 }],
    ['rectification_notice', { unit: 'working_days', amount: 3 }],
    ['reinspection', { unit: 'working_days', amount: 3 }],
    ['temporary_seal', { unit: 'calendar_days', amount: 30, rollForward: false }],
  ] as const)('sets %s', (id, duration) => {
    expect(STATUTORY_CLOCKS[id].duration).toEqual(duration);
  });

  it('has a rule for every clock id', () => {
    expect(Object.keys(STATUTORY_CLOCKS).sort()).toEqual([...STATUTORY_CLOCK_IDS].sort());
  });
});

describe('computeClockDeadline', () => {
  it.each([
    // [clock, start, due]
    ['handling_opinion', { date: '2025-09-26' }, '2025-10-13'],
    ['handling_opinion_with_expert_review', { date: '2025-09-26' }, '2025-10-27'],
    ['rectification_notice', { date: '2025-09-30' }, '2025-10-11'],
    ['reinspection', { date: '2026-02-12' }, '2026-02-24'],
    ['temporary_seal', { date: '2025-09-05' }, '2025-10-05'],
    // 01:00 on 2025-09-26 in China is still 2025-09-25 in UTC.
    ['handling_opinion', { instant: '2025-09-25T17:00:00Z' }, '2025-10-13'],
    ['temporary_seal', { instant: new Date('2025-09-26T02:00:00Z') }, '2025-10-26'],
  ] as const)('computes %s from %j', (id, start, due) => {
    const deadline = computeClockDeadline(calendar, STATUTORY_CLOCKS[id].duration, start);

    expect(deadline.due).toBe(due);
    expect(deadline.dueAt).toBe(`${due}T16:00:00.000Z`);
  });

  it('runs a test policy with clocks in minutes', () => {
    const policy: ClockPolicy = {
      ...STATUTORY_CLOCKS,
      reinspection: { ...STATUTORY_CLOCKS.reinspection, duration: { unit: 'minutes', amount: 5 } },
    };

    const deadline = computeClockDeadline(calendar, policy.reinspection.duration, {
      instant: '2025-10-01T00:00:00Z',
    });

    expect(deadline.dueAt).toBe('2025-10-01T00:05:00.000Z');
    expect(deadline.due).toBe('2025-10-01');
    expect(deadline.provisional).toBe(false);
  });

  it('rejects an elapsed clock started from a date alone', () => {
    expect(() => computeClockDeadline(calendar, { unit: 'hours', amount: 24 }, { date: '2025-10-01' })).toThrow(
      'a clock in hours needs a start instant, not only the date 2025-10-01',
    );
  });

  it('rejects an invalid start instant', () => {
    expect(() =>
      computeClockDeadline(calendar, STATUTORY_CLOCKS.handling_opinion.duration, { instant: '2025-09-26' }),
    ).toThrow('start.instant must be an ISO 8601 instant with Z or a UTC offset');
  });
});
