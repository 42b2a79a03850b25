/**
 * Calendar dates in China Standard Time. Dates are `YYYY-MM-DD` strings, never Date objects at
 * midnight UTC. China has used UTC+8 all year since 1992, so a fixed offset is exact for every date
 * this product handles.
 */
export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns true when the string is a real calendar date such as 2024-02-29 (not 2023-02-29). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Returns the calendar date in China of an instant. */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Returns the instant a China calendar date ends (24:00 in Asia/Shanghai), the way deadlines are stored. */
export function endOfChinaDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000 - CHINA_UTC_OFFSET_MS);
}

/** Returns the instant a China calendar date starts (00:00 in Asia/Shanghai). */
export function startOfChinaDate(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_UTC_OFFSET_MS);
}
