import { assertCalendarDate, isWeekend, yearOf } from './calendar-date';

/**
 * One year's official schedule of days off and make-up working days (放假调休安排), as the State
 * Council General Office (国务院办公厅) publishes it each autumn for the next year.
 *
 * Dates belong to `year`, except that the notice for a year may also set days at the end of the
 * previous December when it bridges New Year's Day into the weekend before. For example, the notice for
 * 2019 made 2018-12-29 a working day and 2018-12-30 and 2018-12-31 days off. Such dates are listed in the
 * schedule of the notice that set them, and may fall no earlier than 25 December.
 */
export interface YearSchedule {
  /** The year the notice is for. */
  readonly year: number;
  /** Official days off (放假), including the bridging days and weekends inside each published holiday block. */
  readonly daysOff: readonly string[];
  /** Saturdays and Sundays that are working days (调休上班). */
  readonly makeUpWorkingDays: readonly string[];
  /**
   * Extra days off that apply only in some regions (such as festivals set by the governments of ethnic
   * autonomous areas), keyed by GB/T 2260 code prefix: 2 digits for a province, 4 for a prefecture, 6 for a
   * county. A region's days off also apply to every division inside it.
   */
  readonly regionalDaysOff?: Readonly<Record<string, readonly string[]>>;
  /** The notice the schedule comes from, for example 国务院办公厅关于2025年部分节假日安排的通知. */
  readonly source: string;
}

/** First day of the previous December that a year's notice may set: its New Year's Day block reaches back. */
export const PREVIOUS_DECEMBER_REACH = '12-25';

const REGION_PREFIX = /^(\d{2}|\d{4}|\d{6})$/;

/** Returns true when a notice for `year` may set this date: a date in that year or late the December before. */
export function isDateCoveredBy(year: number, date: string): boolean {
  const dateYear = yearOf(date);
  return dateYear === year || (dateYear === year - 1 && date.slice(5) >= PREVIOUS_DECEMBER_REACH);
}

/**
 * Returns the number of national holiday days for all citizens (全体公民放假的节日) in `year`, or
 * undefined for a year before 2008. A holiday that falls on a weekend is made up on a weekday, so a
 * complete national schedule has at least this many weekdays off in the year (see weekdaysOff). Every
 * built-in schedule does.
 *
 * From 2008 the measures set 11 days: New Year 1, Spring Festival 3, Qingming 1, Labour Day 1, Dragon
 * Boat 1, Mid-Autumn 1 and National Day 3, kept by the revision of 2013. The revision of November 2024
 * added a day to Spring Festival and one to Labour Day from 2025, making 13.
 */
export function statutoryHolidayDays(year: number): number | undefined {
  if (year >= 2025) return 13;
  if (year >= 2008) return 11;
  return undefined;
}

/** Returns the number of days off in the schedule's own year that fall on Monday to Friday. */
export function weekdaysOff(schedule: Pick<YearSchedule, 'year' | 'daysOff'>): number {
  return new Set(schedule.daysOff.filter((date) => yearOf(date) === schedule.year && !isWeekend(date))).size;
}

/**
 * Throws a RangeError naming the schedule and the offending value unless the schedule is consistent.
 * The year must be from 1900 to 9999 and every date one that its notice may set. Make-up working days
 * must be Saturdays or Sundays, and no date may be both a day off and a make-up working day. Region
 * keys must have 2, 4 or 6 digits, and the source must not be empty.
 */
export function validateYearSchedule(schedule: YearSchedule): void {
  const { year } = schedule;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new RangeError(`schedule year must be a whole number from 1900 to 9999; got ${String(year)}`);
  }
  const label = `schedule for ${year}`;
  if (typeof schedule.source !== 'string' || schedule.source.trim() === '') {
    throw new RangeError(`${label} must name its source`);
  }

  const checkDates = (dates: readonly string[], field: string): void => {
    for (const date of dates) {
      assertCalendarDate(date, `${label} ${field}`);
      if (!isDateCoveredBy(year, date)) {
        throw new RangeError(
          `${label} ${field} contains ${date}, which is neither in ${year} nor on or after ${year - 1}-${PREVIOUS_DECEMBER_REACH}`,
        );
      }
    }
  };

  checkDates(schedule.daysOff, 'daysOff');
  checkDates(schedule.makeUpWorkingDays, 'makeUpWorkingDays');
  const daysOff = new Set(schedule.daysOff);
  for (const date of schedule.makeUpWorkingDays) {
    if (!isWeekend(date)) {
      throw new RangeError(`${label} lists ${date} as a make-up working day, but it is not a Saturday or Sunday`);
    }
    if (daysOff.has(date)) {
      throw new RangeError(`${label} lists ${date} both as a day off and as a make-up working day`);
    }
  }

  for (const [prefix, dates] of Object.entries(schedule.regionalDaysOff ?? {})) {
    if (!REGION_PREFIX.test(prefix)) {
      throw new RangeError(
        `${label} has regional days off under '${prefix}'; keys must be GB/T 2260 prefixes of 2, 4 or 6 digits`,
      );
    }
    checkDates(dates, `regionalDaysOff['${prefix}']`);
  }
}
