import {
  assertCalendarDate,
  assertCount,
  DateOutOfRangeError,
  isWeekend,
  LATEST_CALENDAR_DATE,
  yearOf,
} from './calendar-date';
import { PREVIOUS_DECEMBER_REACH, validateYearSchedule, type YearSchedule } from './year-schedule';

/**
 * Classification of a date:
 * - `working_day`: Monday to Friday with no day off set.
 * - `weekend`: an ordinary Saturday or Sunday.
 * - `day_off`: an official day off (放假), including weekends inside a published holiday block.
 * - `regional_day_off`: a day off only in the calendar's jurisdiction.
 * - `make_up_working_day`: a Saturday or Sunday that is a working day (调休上班).
 */
export type DayKind = 'working_day' | 'weekend' | 'day_off' | 'regional_day_off' | 'make_up_working_day';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Days from 1970-01-01 to the first and the last date the calendar functions accept. */
const FIRST_DAY_NUMBER = Date.UTC(1900, 0, 1) / DAY_MS;
const LAST_DAY_NUMBER = Date.UTC(9999, 11, 31) / DAY_MS;

function dayNumberOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export interface WorkingCalendarOptions {
  /**
   * Six-digit GB/T 2260 code of the jurisdiction whose regional days off apply. Without it the calendar
   * uses the national schedule alone.
   */
  readonly jurisdictionCode?: string;
}

/**
 * Working days under a given set of year schedules. A working day is Monday to Friday unless it is a day
 * off, or a Saturday or Sunday listed as a make-up working day. A regional day off is a day off even on a
 * make-up working day. Dates in years with no loaded schedule count as plain weeks, and
 * `missingScheduleYears` reports those years so deadlines can be marked provisional.
 *
 * The calendar reads only the schedules passed in, so the same schedules always give the same results.
 */
export class WorkingCalendar {
  private readonly years = new Set<number>();
  private readonly kinds = new Map<string, DayKind>();
  /** The same days off and make-up working days, keyed by days from 1970-01-01, for counting in a loop. */
  private readonly kindsByDayNumber = new Map<number, DayKind>();

  private constructor(schedules: readonly YearSchedule[], jurisdictionCode: string | undefined) {
    for (const schedule of schedules) {
      validateYearSchedule(schedule);
      if (this.years.has(schedule.year)) {
        throw new RangeError(`two schedules are for ${schedule.year}; pass one schedule per year`);
      }
      this.years.add(schedule.year);
      for (const date of schedule.daysOff) this.setKind(date, 'day_off', schedule.year);
      for (const date of schedule.makeUpWorkingDays) this.setKind(date, 'make_up_working_day', schedule.year);
    }
    // Regional days off go last because they take precedence over national make-up working days.
    for (const schedule of jurisdictionCode === undefined ? [] : schedules) {
      for (const [prefix, dates] of Object.entries(schedule.regionalDaysOff ?? {})) {
        if (!jurisdictionCode?.startsWith(prefix)) continue;
        for (const date of dates) {
          if (this.kinds.get(date) !== 'day_off') this.kinds.set(date, 'regional_day_off');
        }
      }
    }
    for (const [date, kind] of this.kinds) this.kindsByDayNumber.set(dayNumberOf(date), kind);
  }

  /**
   * Builds a calendar from year schedules, at most one per year. Throws a RangeError when a schedule is
   * inconsistent, two schedules share a year, or two schedules disagree about a date.
   */
  static fromSchedules(schedules: readonly YearSchedule[], options: WorkingCalendarOptions = {}): WorkingCalendar {
    const { jurisdictionCode } = options;
    if (jurisdictionCode !== undefined && !/^\d{6}$/.test(jurisdictionCode)) {
      throw new RangeError(`jurisdictionCode must be a six-digit GB/T 2260 code; got ${jurisdictionCode}`);
    }
    return new WorkingCalendar(schedules, jurisdictionCode);
  }

  /** Years with a loaded schedule, in ascending order. */
  get loadedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  hasSchedule(year: number): boolean {
    return this.years.has(year);
  }

  /** Classifies a date. Throws a RangeError unless it is a real `YYYY-MM-DD` date. */
  dayKind(date: string): DayKind {
    assertCalendarDate(date, 'date');
    return this.kinds.get(date) ?? (isWeekend(date) ? 'weekend' : 'working_day');
  }

  isWorkingDay(date: string): boolean {
    const kind = this.dayKind(date);
    return kind === 'working_day' || kind === 'make_up_working_day';
  }

  /**
   * Returns the date `count` working days after `date`, or before it when `direction` is -1. The start
   * day is not counted, and a count of 0 returns `date`. Throws a DateOutOfRangeError when the count
   * runs past 1900-01-01 or 9999-12-31.
   *
   * Escalation rungs are recomputed on every workflow activation, so this counts on day numbers instead of
   * date strings. It gives the same dates as stepping with addDays and isWorkingDay, with far less work per day.
   */
  stepWorkingDays(date: string, count: number, direction: 1 | -1): string {
    assertCalendarDate(date, 'date');
    assertCount(count, 'count');
    let day = dayNumberOf(date);
    for (let remaining = count; remaining > 0;) {
      day += direction;
      if (day < FIRST_DAY_NUMBER || day > LAST_DAY_NUMBER) {
        throw new DateOutOfRangeError(
          `${count} working days ${direction === 1 ? 'after' : 'before'} ${date} fall outside the supported dates 1900-01-01 to ${LATEST_CALENDAR_DATE}`,
        );
      }
      if (this.isWorkingDayNumber(day)) remaining -= 1;
    }
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  /**
   * Returns the years, ascending, whose notice could change how any of these dates is classified but
   * has no loaded schedule. A date depends on the schedule of its own year and, from 25 December on,
   * also on the next year's, whose New Year's Day block can reach back into late December.
   */
  missingScheduleYears(dates: Iterable<string>): number[] {
    const missing = new Set<number>();
    for (const date of dates) {
      const year = yearOf(date);
      if (!this.years.has(year)) missing.add(year);
      if (date.slice(5) >= PREVIOUS_DECEMBER_REACH && !this.years.has(year + 1)) missing.add(year + 1);
    }
    return [...missing].sort((a, b) => a - b);
  }

  private isWorkingDayNumber(day: number): boolean {
    const kind = this.kindsByDayNumber.get(day);
    if (kind !== undefined) return kind === 'make_up_working_day';
    // 1970-01-01 was a Thursday; 0 is Sunday and 6 Saturday, as in Date.getUTCDay.
    const weekday = (((day + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  }

  private setKind(date: string, kind: DayKind, year: number): void {
    const existing = this.kinds.get(date);
    if (existing !== undefined && existing !== kind) {
      throw new RangeError(
        `schedules disagree about ${date}: one makes it a ${existing}, the schedule for ${year} a ${kind}`,
      );
    }
    this.kinds.set(date, kind);
  }
}
