import { CHINA_UTC_OFFSET_MS, endOfChinaDate, isCalendarDate } from '../time/china-date';
import { addDays, assertCalendarDate, assertCount, DateOutOfRangeError, parseInstant, yearOf } from './calendar-date';
import { describeDates, describeMissingSchedules, joinClauses, type DeadlineExplanation } from './explanation';
import type { WorkingCalendar } from './working-calendar';

export type { DeadlineExplanation } from './explanation';

/** A computed deadline. */
export interface Deadline {
  /** Last day of the period, `YYYY-MM-DD` in China Standard Time. */
  readonly due: string;
  /**
   * ISO 8601 instant in UTC at which the period ends: 24:00 Asia/Shanghai of `due` for periods in days,
   * the exact instant for periods in hours, minutes or seconds.
   */
  readonly dueAt: string;
  /** True when a day the deadline depends on falls in a year with no loaded schedule. */
  readonly provisional: boolean;
  /** Years with no loaded schedule that the deadline depends on, ascending. Recompute it once they are loaded. */
  readonly missingScheduleYears: readonly number[];
  readonly explanation: DeadlineExplanation;
}

export interface CalendarDaysOptions {
  /**
   * Whether a period that ends on a day that is not a working day moves to the next working day. Defaults
   * to true. Pass false for maximum periods such as the 30-day temporary seal (临时查封), which never roll.
   */
  readonly rollForward?: boolean;
}

/** Units of elapsed-time periods, which run on the clock and ignore days off. */
export type ElapsedTimeUnit = 'hours' | 'minutes' | 'seconds';

const ELAPSED_UNITS: Readonly<Record<ElapsedTimeUnit, { ms: number; zh: string; en: string }>> = {
  hours: { ms: 60 * 60 * 1000, zh: '小时', en: 'hour' },
  minutes: { ms: 60 * 1000, zh: '分钟', en: 'minute' },
  seconds: { ms: 1000, zh: '秒', en: 'second' },
};

/**
 * Returns the deadline `workingDays` working days after `from`. The start day is not counted, so the
 * deadline is the N-th working day after it; 0 gives `from` itself. The explanation names the official
 * days off and make-up working days inside the counted days.
 */
export function deadlineAfterWorkingDays(calendar: WorkingCalendar, from: string, workingDays: number): Deadline {
  assertCalendarDate(from, 'from');
  assertCount(workingDays, 'workingDays');

  const counted: string[] = [];
  let due = from;
  let remaining = workingDays;
  while (remaining > 0) {
    due = addDays(due, 1);
    counted.push(due);
    if (calendar.isWorkingDay(due)) remaining -= 1;
  }

  const unit = workingDays === 1 ? 'working day' : 'working days';
  const head = {
    zh: `自 ${from} 起 ${workingDays} 个工作日，截止 ${due}`,
    en: `${workingDays} ${unit} from ${from}, due ${due}`,
  };
  return buildDayDeadline(calendar, due, head, counted, yearOf(from));
}

/**
 * Returns the deadline `calendarDays` calendar days after `from` (the start day is not counted). Days off
 * inside the period are not deducted. When the last day is not a working day the deadline moves to the
 * next working day, unless `rollForward` is false.
 */
export function deadlineAfterCalendarDays(
  calendar: WorkingCalendar,
  from: string,
  calendarDays: number,
  options: CalendarDaysOptions = {},
): Deadline {
  assertCalendarDate(from, 'from');
  assertCount(calendarDays, 'calendarDays');
  const rollForward = options.rollForward ?? true;
  const end = addDays(from, calendarDays);

  if (!rollForward) {
    const head = {
      zh: `自 ${from} 起 ${calendarDays} 个自然日，截止 ${end}；该期限为最长期限，遇节假日不顺延`,
      en: `${calendarDays} calendar ${calendarDays === 1 ? 'day' : 'days'} from ${from}, due ${end}; a maximum period, so it is not moved when it ends on a day off`,
    };
    return {
      due: end,
      dueAt: endOfChinaDate(end).toISOString(),
      provisional: false,
      missingScheduleYears: [],
      explanation: head,
    };
  }

  // The schedule matters only from the last day of the period to the working day it moves to.
  const checked = [end];
  let due = end;
  while (!calendar.isWorkingDay(due)) {
    due = addDays(due, 1);
    checked.push(due);
  }
  const days = `${calendarDays} calendar ${calendarDays === 1 ? 'day' : 'days'}`;
  const head =
    due === end
      ? { zh: `自 ${from} 起 ${calendarDays} 个自然日，截止 ${due}`, en: `${days} from ${from}, due ${due}` }
      : {
          zh: `自 ${from} 起 ${calendarDays} 个自然日，届满日 ${end} 不是工作日，顺延至下一个工作日 ${due}`,
          en: `${days} from ${from} ${calendarDays === 1 ? 'ends' : 'end'} on ${end}, which is not a working day, so the deadline moves to the next working day, ${due}`,
        };
  return buildDayDeadline(calendar, due, head, checked, yearOf(from));
}

/**
 * Returns a deadline on a date that a government set, such as the rectification deadline in a listing
 * notice. The date is taken as given and never moved, even when it is a day off.
 */
export function governmentSetDeadline(date: string): Deadline {
  assertCalendarDate(date, 'date');
  return {
    due: date,
    dueAt: endOfChinaDate(date).toISOString(),
    provisional: false,
    missingScheduleYears: [],
    explanation: {
      zh: `政府确定的期限 ${date}，按原日期执行，不因节假日顺延`,
      en: `deadline of ${date} set by the government, taken as given and not moved for days off`,
    },
  };
}

/** Returns the deadline `hours` hours after an instant, for limits such as 24 hours. Days off do not change it. */
export function deadlineAfterHours(from: string | Date, hours: number): Deadline {
  return deadlineAfterElapsedTime(from, hours, 'hours');
}

/**
 * Returns the deadline `amount` hours, minutes or seconds after an instant, counted on the clock with no
 * adjustment for days off. `from` is a Date or an ISO 8601 string with Z or a UTC offset.
 */
export function deadlineAfterElapsedTime(from: string | Date, amount: number, unit: ElapsedTimeUnit): Deadline {
  const start = parseInstant(from, 'from');
  assertCount(amount, unit);
  const { ms, zh, en } = ELAPSED_UNITS[unit];
  const end = start + amount * ms;
  const due = Math.abs(end) <= 8.64e15 - CHINA_UTC_OFFSET_MS ? chinaDateTime(end).date : '';
  if (!isCalendarDate(due)) {
    throw new DateOutOfRangeError(
      `${amount} ${unit} after ${new Date(start).toISOString()} is outside the supported dates 1900-01-01 to 9999-12-31`,
    );
  }

  const startText = chinaDateTime(start).text;
  const endText = chinaDateTime(end).text;
  return {
    due,
    dueAt: new Date(end).toISOString(),
    provisional: false,
    missingScheduleYears: [],
    explanation: {
      zh: `自 ${startText}（北京时间）起 ${amount} ${zh}，截止 ${endText}（北京时间）；按${zh}计算的期限不因节假日调整`,
      en: `${amount} ${en}${amount === 1 ? '' : 's'} from ${startText} China Standard Time, due ${endText}; periods in ${en}s are not adjusted for days off`,
    },
  };
}

/** Adds dueAt, the provisional flag and the notes on days off to a deadline counted in days. */
function buildDayDeadline(
  calendar: WorkingCalendar,
  due: string,
  head: DeadlineExplanation,
  dependsOn: readonly string[],
  referenceYear: number,
): Deadline {
  const daysOff: string[] = [];
  const regionalDaysOff: string[] = [];
  const makeUpWorkingDays: string[] = [];
  for (const date of dependsOn) {
    const kind = calendar.dayKind(date);
    if (kind === 'day_off') daysOff.push(date);
    else if (kind === 'regional_day_off') regionalDaysOff.push(date);
    else if (kind === 'make_up_working_day') makeUpWorkingDays.push(date);
  }

  const missingScheduleYears = calendar.missingScheduleYears(dependsOn);
  const yearsWithDates = new Set(dependsOn.map(yearOf));
  const explanation = joinClauses(head, [
    describeDates(daysOff, referenceYear, { zh: '放假', enSingular: 'is a day off', enPlural: 'are days off' }),
    describeDates(regionalDaysOff, referenceYear, {
      zh: '为本地区放假日',
      enSingular: 'is a regional day off',
      enPlural: 'are regional days off',
    }),
    describeDates(makeUpWorkingDays, referenceYear, {
      zh: '调休上班',
      enSingular: 'is a make-up working day',
      enPlural: 'are make-up working days',
    }),
    describeMissingSchedules(missingScheduleYears, yearsWithDates),
  ]);
  return {
    due,
    dueAt: endOfChinaDate(due).toISOString(),
    provisional: missingScheduleYears.length > 0,
    missingScheduleYears,
    explanation,
  };
}

/** Returns the China Standard Time date of an instant and its text as YYYY-MM-DD HH:mm (with :ss when not zero). */
function chinaDateTime(time: number): { date: string; text: string } {
  const iso = new Date(time + CHINA_UTC_OFFSET_MS).toISOString();
  const date = iso.slice(0, 10);
  const seconds = iso.slice(17, 19);
  const clock = seconds === '00' ? iso.slice(11, 16) : iso.slice(11, 19);
  return { date, text: `${date} ${clock}` };
}
