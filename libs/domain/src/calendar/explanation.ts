import { addDays, yearOf } from './calendar-date';

/** A deadline's explanation for users, in Simplified Chinese and English. */
export interface DeadlineExplanation {
  readonly zh: string;
  readonly en: string;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface DateRun {
  readonly first: string;
  readonly last: string;
}

function partsOf(date: string): DateParts {
  return { year: yearOf(date), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** Groups dates into runs of consecutive days, in date order. */
function groupIntoRuns(dates: readonly string[]): DateRun[] {
  const runs: { first: string; last: string }[] = [];
  for (const date of [...new Set(dates)].sort()) {
    const current = runs[runs.length - 1];
    if (current && addDays(current.last, 1) === date) current.last = date;
    else runs.push({ first: date, last: date });
  }
  return runs;
}

/** Formats a run as "1 October", "1–8 October", "31 May – 2 June" or "31 December 2025 – 1 January 2026". */
function formatRunEnglish(run: DateRun, referenceYear: number): string {
  const first = partsOf(run.first);
  const last = partsOf(run.last);
  if (first.year !== last.year) {
    return `${first.day} ${monthName(first.month)} ${first.year} – ${last.day} ${monthName(last.month)} ${last.year}`;
  }
  const year = first.year === referenceYear ? '' : ` ${first.year}`;
  if (run.first === run.last) return `${first.day} ${monthName(first.month)}${year}`;
  if (first.month === last.month) return `${first.day}–${last.day} ${monthName(first.month)}${year}`;
  return `${first.day} ${monthName(first.month)} – ${last.day} ${monthName(last.month)}${year}`;
}

/** Formats a run as 10月1日, 10月1日至8日, 5月31日至6月2日 or 2025年12月31日至2026年1月1日. */
function formatRunChinese(run: DateRun, referenceYear: number): string {
  const first = partsOf(run.first);
  const last = partsOf(run.last);
  if (first.year !== last.year) {
    return `${first.year}年${first.month}月${first.day}日至${last.year}年${last.month}月${last.day}日`;
  }
  const year = first.year === referenceYear ? '' : `${first.year}年`;
  if (run.first === run.last) return `${year}${first.month}月${first.day}日`;
  if (first.month === last.month) return `${year}${first.month}月${first.day}日至${last.day}日`;
  return `${year}${first.month}月${first.day}日至${last.month}月${last.day}日`;
}

/** Joins items as "A", "A and B" or "A, B and C". */
export function joinEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * Describes a set of dates with a predicate, such as "1–8 October are days off" and 10月1日至8日放假. Years
 * are written only for dates outside `referenceYear`. Returns undefined for no dates.
 */
export function describeDates(
  dates: readonly string[],
  referenceYear: number,
  predicate: { readonly zh: string; readonly enSingular: string; readonly enPlural: string },
): DeadlineExplanation | undefined {
  if (dates.length === 0) return undefined;
  const runs = groupIntoRuns(dates);
  const english = joinEnglish(runs.map((run) => formatRunEnglish(run, referenceYear)));
  const chinese = runs.map((run) => formatRunChinese(run, referenceYear)).join('、');
  const plural = new Set(dates).size > 1;
  return { zh: `${chinese}${predicate.zh}`, en: `${english} ${plural ? predicate.enPlural : predicate.enSingular}` };
}

/**
 * Describes why a deadline is provisional. `yearsWithDates` contains the years of the days the deadline
 * depends on. A missing year outside it matters only because its notice can still change late December
 * of the year before.
 */
export function describeMissingSchedules(
  missingYears: readonly number[],
  yearsWithDates: ReadonlySet<number>,
): DeadlineExplanation | undefined {
  if (missingYears.length === 0) return undefined;
  const counted = missingYears.filter((year) => yearsWithDates.has(year));
  const lateDecemberOnly = missingYears.filter((year) => !yearsWithDates.has(year));
  const zh: string[] = [];
  const en: string[] = [];
  if (counted.length > 0) {
    zh.push(`尚未载入 ${counted.join('、')} 年的官方放假安排，该年按周一至周五工作、周六周日休息计算`);
    en.push(
      `no official schedule is loaded for ${joinEnglish(counted.map(String))}, so ` +
        `${counted.length > 1 ? 'those years count' : 'that year counts'} as plain weeks with Monday to Friday working`,
    );
  }
  for (const year of lateDecemberOnly) {
    zh.push(`尚未载入 ${year} 年的官方放假安排，其通知仍可能调整 ${year - 1} 年12月下旬的放假和调休`);
    en.push(
      `no official schedule is loaded for ${year}, whose notice can still set days off and make-up working days in late December ${year - 1}`,
    );
  }
  return { zh: `暂定：${zh.join('；')}`, en: `provisional: ${en.join('; ')}` };
}

/** Joins a head and optional clauses with semicolons: 「；」 in Chinese, "; " in English. */
export function joinClauses(
  head: DeadlineExplanation,
  clauses: readonly (DeadlineExplanation | undefined)[],
): DeadlineExplanation {
  const present = clauses.filter((clause): clause is DeadlineExplanation => clause !== undefined);
  return {
    zh: [head.zh, ...present.map((clause) => clause.zh)].join('；'),
    en: [head.en, ...present.map((clause) => clause.en)].join('; '),
  };
}
