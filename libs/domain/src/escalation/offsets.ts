import { addDays } from '../calendar/calendar-date';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { chinaDateOf, CHINA_UTC_OFFSET_MS, daysInMonth } from '../time/china-date';
import type { Offset } from './policy';

/** Day-based rungs fire at 09:00 China Standard Time, when offices open, not at midnight. */
const NOTIFY_HOUR_MS = 9 * 60 * 60 * 1000;

function atNineInChina(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - CHINA_UTC_OFFSET_MS + NOTIFY_HOUR_MS;
}

/** Adds whole months to a date, clamping to the last day of a shorter month (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/**
 * Returns the instant an offset before a deadline falls on. `deadlineDate` is the deadline's China date and
 * `deadlineAt` the instant it ends. Day-based offsets count back from the deadline date (working days
 * skip days off) and fire at 09:00 that day; minute and hour offsets count back from the instant.
 */
export function instantBefore(
  calendar: WorkingCalendar,
  deadlineDate: string,
  deadlineAt: number,
  offset: Offset,
): number {
  switch (offset.unit) {
    case 'minutes':
      return deadlineAt - offset.amount * 60_000;
    case 'hours':
      return deadlineAt - offset.amount * 3_600_000;
    case 'working_days':
      return atNineInChina(calendar.stepWorkingDays(deadlineDate, offset.amount, -1));
    case 'calendar_days':
      return atNineInChina(addDays(deadlineDate, -offset.amount));
    case 'months':
      return atNineInChina(addMonths(deadlineDate, -offset.amount));
  }
}

/**
 * Returns the instant an offset after a reference falls on. `referenceAt` is an instant (a deadline's end, a
 * sending time); day-based offsets count from its China date and fire at 09:00 on the day reached.
 */
export function instantAfter(calendar: WorkingCalendar, referenceAt: number, offset: Offset): number {
  const referenceDate = chinaDateOf(new Date(referenceAt - 1));
  switch (offset.unit) {
    case 'minutes':
      return referenceAt + offset.amount * 60_000;
    case 'hours':
      return referenceAt + offset.amount * 3_600_000;
    case 'working_days':
      return atNineInChina(calendar.stepWorkingDays(referenceDate, offset.amount, 1));
    case 'calendar_days':
      return atNineInChina(addDays(referenceDate, offset.amount));
    case 'months':
      return atNineInChina(addMonths(referenceDate, offset.amount));
  }
}
