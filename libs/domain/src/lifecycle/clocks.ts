import { deadlineAfterCalendarDays, governmentSetDeadline, type Deadline } from '../calendar/deadline';
import { computeClockDeadline, STATUTORY_CLOCKS, type ClockRule } from '../calendar/statutory-clocks';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addMonths } from '../escalation/offsets';
import { endOfChinaDate } from '../time/china-date';
import type { CaseState, ClockBasis, ClockId, ClockState } from './case-state';

function computeBasis(calendar: WorkingCalendar, basis: ClockBasis, rules: Record<string, ClockRule>): Deadline {
  switch (basis.kind) {
    case 'rule': {
      const rule = rules[basis.rule] ?? STATUTORY_CLOCKS[basis.rule];
      return computeClockDeadline(calendar, rule.duration, { date: basis.from });
    }
    case 'absolute':
      return governmentSetDeadline(basis.date);
    case 'seal':
      // A seal lasts at most 30 calendar days and never rolls forward to a working day.
      return deadlineAfterCalendarDays(calendar, basis.from, basis.days, { rollForward: false });
    case 'months': {
      const due = addMonths(basis.from, basis.months);
      return {
        due,
        dueAt: endOfChinaDate(due).toISOString(),
        provisional: false,
        missingScheduleYears: [],
        explanation: {
          zh: `自 ${basis.from} 起每 ${basis.months} 个月报告一次，本次截止 ${due}`,
          en: `a report every ${basis.months} month${basis.months === 1 ? '' : 's'} from ${basis.from}, this one due ${due}`,
        },
      };
    }
  }
}

/** Starts a clock from its basis. */
export function startClock(calendar: WorkingCalendar, id: ClockId, basis: ClockBasis): ClockState {
  const deadline = computeBasis(calendar, basis, STATUTORY_CLOCKS);
  return {
    id,
    basis,
    due: deadline.due,
    dueAt: deadline.dueAt,
    provisional: deadline.provisional,
    explanation: deadline.explanation,
    status: 'running',
  };
}

/** Recomputes a running provisional clock, as when a schedule for its year is loaded. */
export function recomputeClock(calendar: WorkingCalendar, clock: ClockState): ClockState {
  if (clock.status !== 'running' || !clock.provisional) return clock;
  return startClock(calendar, clock.id, clock.basis);
}

export function settleClock(clock: ClockState, status: 'met' | 'missed' | 'stopped', at: string): ClockState {
  return { ...clock, status, settledAt: at };
}

/** Stops every running clock but the seal's, as when a case closes or is withdrawn. */
export function stopRunningClocks(clocks: CaseState['clocks'], at: string): CaseState['clocks'] {
  return Object.fromEntries(
    Object.entries(clocks).map(([id, clock]) => [
      id,
      clock && clock.status === 'running' && clock.id !== 'seal' ? settleClock(clock, 'stopped', at) : clock,
    ]),
  );
}
