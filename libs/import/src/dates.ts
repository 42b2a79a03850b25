import { daysInMonth, isCalendarDate, type DatePrecision } from '@duban/domain';

/** A date as a record states it: the whole day, a month or a year. */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: DatePrecision;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** First day of the period a partial date names, YYYY-MM-DD. */
export function firstDay(date: PartialDate): string {
  return `${date.year}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`;
}

/** Last day of the period a partial date names, YYYY-MM-DD. */
export function lastDay(date: PartialDate): string {
  const month = date.month ?? 12;
  return `${date.year}-${pad(month)}-${pad(date.day ?? daysInMonth(date.year, month))}`;
}

/** Formats a partial date as the record states it: 2021-05-10, 2021-05 or 2021. */
export function formatPartialDate(date: PartialDate): string {
  if (date.precision === 'year') return String(date.year);
  if (date.precision === 'month') return `${date.year}-${pad(date.month ?? 1)}`;
  return firstDay(date);
}

const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const ISO_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const CHINESE = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?$/;
const YEAR = /^(\d{4})$/;

/**
 * Parses a date that may give only its month or year: 2021-05-10, 2021/5/10, 2021-05, 2021年5月,
 * 2021年5月10日 or 2021. Returns undefined when the text is not such a date or names no real day.
 */
export function parsePartialDate(raw: string): PartialDate | undefined {
  const text = raw.trim();
  let match = ISO_DAY.exec(text);
  if (match) return dayDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = ISO_MONTH.exec(text);
  if (match) return monthDate(Number(match[1]), Number(match[2]));
  match = CHINESE.exec(text);
  if (match) {
    const year = Number(match[1]);
    if (match[3] !== undefined) return dayDate(year, Number(match[2]), Number(match[3]));
    if (match[2] !== undefined) return monthDate(year, Number(match[2]));
    return yearDate(year);
  }
  match = YEAR.exec(text);
  return match ? yearDate(Number(match[1])) : undefined;
}

function dayDate(year: number, month: number, day: number): PartialDate | undefined {
  const date: PartialDate = { year, month, day, precision: 'day' };
  return isCalendarDate(firstDay(date)) ? date : undefined;
}

function monthDate(year: number, month: number): PartialDate | undefined {
  return month >= 1 && month <= 12 && year >= 1900 ? { year, month, precision: 'month' } : undefined;
}

function yearDate(year: number): PartialDate | undefined {
  return year >= 1900 ? { year, precision: 'year' } : undefined;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Result of reading a deadline: the date it ends on and the rule that produced it. */
export type DeadlineReading =
  | { readonly kind: 'date'; readonly date: string; readonly rule: 'date' | 'month_end' | 'year_end' }
  | { readonly kind: 'needs_year'; readonly rule: 'month_end' | 'year_end'; readonly month: number }
  | { readonly kind: 'invalid' };

/**
 * Reads a rectification deadline. A full date is kept as it is. A month (2022-12, "end of October
 * 2023", 2022年12月底) ends on the month's last day and a year ("year end (2021)", 2021年底) on
 * 31 December, because a deadline runs to the end of the period it names. Text without a year
 * ("year end", "end of December (year not stated)") needs the notice's year, which the caller adds.
 * A bracketed remark after the deadline, such as "(self-assessment report due)", is ignored.
 */
export function readDeadline(raw: string): DeadlineReading {
  const text = raw.trim();
  const date = parsePartialDate(text.replace(/[底前]+$/, ''));
  if (date?.precision === 'day') return { kind: 'date', date: firstDay(date), rule: 'date' };
  if (date?.precision === 'month') return { kind: 'date', date: lastDay(date), rule: 'month_end' };
  if (date?.precision === 'year' && /[底前]$/.test(text))
    return { kind: 'date', date: lastDay(date), rule: 'year_end' };

  const lower = text.toLowerCase();
  const yearInText = /\b(19|20)\d{2}\b/.exec(lower)?.[0] ?? /((?:19|20)\d{2})年/.exec(text)?.[1];
  const notStated = /year not stated|年份未/.test(lower);
  const year = yearInText === undefined || notStated ? undefined : Number(yearInText);
  if (/^year[- ]end\b|^end of (the )?year\b|^by (the )?year end\b|^(\d{4}年)?年底|^年内|^(\d{4}年)?年末/.test(lower)) {
    return year === undefined
      ? { kind: 'needs_year', rule: 'year_end', month: 12 }
      : { kind: 'date', date: `${year}-12-31`, rule: 'year_end' };
  }
  const monthName = /^(?:by )?(?:the )?end of (\w+)/.exec(lower)?.[1];
  const chineseMonth = /^(?:\d{4}年)?(\d{1,2})月(?:底|末)/.exec(text)?.[1];
  const month = monthName !== undefined ? MONTHS.indexOf(monthName) + 1 : Number(chineseMonth ?? 0);
  if (month >= 1 && month <= 12) {
    if (year === undefined) return { kind: 'needs_year', rule: 'month_end', month };
    return { kind: 'date', date: lastDay({ year, month, precision: 'month' }), rule: 'month_end' };
  }
  return { kind: 'invalid' };
}

/** Completes a deadline that names no year with the year of its notice. */
export function deadlineInYear(reading: { readonly month: number }, year: number): string {
  return lastDay({ year, month: reading.month, precision: 'month' });
}
