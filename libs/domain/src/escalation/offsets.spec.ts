import { OFFICIAL_SCHEDULES } from '../calendar/official-schedules.data';
import { WorkingCalendar } from '../calendar/working-calendar';
import { endOfChinaDate } from '../time/china-date';
import { addMonths, instantAfter, instantBefore } from './offsets';

const calendar = WorkingCalendar.fromSchedules(OFFICIAL_SCHEDULES);
const at = (iso: string) => Date.parse(iso);

describe('escalation offsets', () => {
  it('counts working days back across the National Day holiday and fires at 09:00 China time', () => {
    const deadline = '2025-10-13';
    const deadlineAt = endOfChinaDate(deadline).getTime();

    // Working days before 13 October 2025: 11 Oct (make-up Saturday), 10, 9 Oct, then 30 and 29 Sep.
    expect(instantBefore(calendar, deadline, deadlineAt, { unit: 'working_days', amount: 1 })).toBe(
      at('2025-10-11T01:00:00Z'),
    );
    expect(instantBefore(calendar, deadline, deadlineAt, { unit: 'working_days', amount: 4 })).toBe(
      at('2025-09-30T01:00:00Z'),
    );
    expect(instantBefore(calendar, deadline, deadlineAt, { unit: 'minutes', amount: 3 })).toBe(deadlineAt - 180_000);
  });

  it('counts working days after a deadline from its China date', () => {
    const deadlineAt = endOfChinaDate('2025-09-30').getTime();

    expect(instantAfter(calendar, deadlineAt, { unit: 'working_days', amount: 1 })).toBe(at('2025-10-09T01:00:00Z'));
    expect(instantAfter(calendar, deadlineAt, { unit: 'calendar_days', amount: 1 })).toBe(at('2025-10-01T01:00:00Z'));
    expect(instantAfter(calendar, deadlineAt, { unit: 'months', amount: 6 })).toBe(at('2026-03-30T01:00:00Z'));
    expect(instantAfter(calendar, deadlineAt, { unit: 'hours', amount: 2 })).toBe(deadlineAt + 7_200_000);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-15', 6, '2026-06-15'],
  ])('adds months to %s (+%i → %s)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
