import { isCalendarDate } from '../time/china-date';

/**
 * Arithmetic on `YYYY-MM-DD` calendar dates. It uses only Date.UTC and Date.parse on explicit
 * values, never the current time, so it is deterministic inside the Temporal workflow sandbox.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The latest date the calendar functions accept or return, because dates have four-digit years. */
export const LATEST_CALENDAR_DATE = '9999-12-31';

/** Thrown when a period would end after 9999-12-31, the latest date a `YYYY-MM-DD` string can hold. */
export class DateOutOfRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'DateOutOfRangeError';
  }
}

/** Throws a RangeError naming the argument unless the value is a real `YYYY-MM-DD` date from 1900 on. */
export function assertCalendarDate(value: string, name: string): void {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new RangeError(`${name} must be a real calendar date written YYYY-MM-DD, from 1900 on; got ${String(value)}`);
  }
}

/** Throws a RangeError naming the argument unless the value is a whole number from 0 up to `max`. */
export function assertCount(value: number, name: string, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${name} must be a whole number from 0 to ${max}; got ${String(value)}`);
  }
}

/** Returns the date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * DAY_MS;
  // A Date can represent at most 8.64e15 ms either side of 1970, and toISOString throws beyond that.
  const result = Math.abs(time) <= 8.64e15 ? new Date(time).toISOString().slice(0, 10) : '';
  if (!isCalendarDate(result)) {
    throw new DateOutOfRangeError(
      `${days} days after ${date} is outside the supported dates 1900-01-01 to ${LATEST_CALENDAR_DATE}`,
    );
  }
  return result;
}

/** Returns the day of the week of a date: 0 for Sunday through 6 for Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Returns every date from `first` to `last`, both included, in order. */
export function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    dates.push(date);
    if (date === LATEST_CALENDAR_DATE) break;
  }
  return dates;
}

/**
 * Returns the epoch milliseconds of a Date or of an ISO 8601 instant with Z or a UTC offset. Throws a
 * RangeError naming the argument otherwise.
 */
export function parseInstant(value: string | Date, name: string): number {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw new RangeError(`${name} must be a valid Date; got an invalid Date`);
    return time;
  }
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  const time = match ? Date.parse(value) : Number.NaN;
  if (!match || !isCalendarDate(match[1] ?? '') || Number.isNaN(time)) {
    throw new RangeError(
      `${name} must be an ISO 8601 instant with Z or a UTC offset, such as 2025-09-26T10:00:00+08:00; got ${String(value)}`,
    );
  }
  return time;
}
