import { datesBetween } from './calendar-date';
import { OFFICIAL_SCHEDULES, OFFICIAL_SCHEDULES_PACKAGE } from './official-schedules.data';
import { statutoryHolidayDays, weekdaysOff } from './year-schedule';

/** Expands [first, last] ranges, or single dates, into every date they contain. */
function expand(ranges: readonly (readonly [string, string] | string)[]): string[] {
  return ranges.flatMap((range) => (typeof range === 'string' ? [range] : datesBetween(range[0], range[1])));
}

/**
 * The published State Council General Office (国务院办公厅) schedules: 2024 of 2023-10-25, 2025 of
 * 2024-11-12 (国办发明电〔2024〕12号) and 2026 of 2025-11-04.
 */
const PUBLISHED = [
  {
    year: 2024,
    daysOff: expand([
      '2024-01-01',
      ['2024-02-10', '2024-02-17'],
      ['2024-04-04', '2024-04-06'],
      ['2024-05-01', '2024-05-05'],
      '2024-06-10',
      ['2024-09-15', '2024-09-17'],
      ['2024-10-01', '2024-10-07'],
    ]),
    makeUpWorkingDays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    year: 2025,
    daysOff: expand([
      '2025-01-01',
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ]),
    makeUpWorkingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    daysOff: expand([
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ]),
    makeUpWorkingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

describe('OFFICIAL_SCHEDULES', () => {
  it('holds one schedule per year from 2007 to 2026', () => {
    const years = OFFICIAL_SCHEDULES.map((schedule) => schedule.year);

    expect(years).toEqual(Array.from({ length: 20 }, (_, index) => 2007 + index));
  });

  it('leaves 2027 unloaded', () => {
    expect(OFFICIAL_SCHEDULES.find((schedule) => schedule.year === 2027)).toBeUndefined();
  });

  it('names the package it was generated from', () => {
    expect(OFFICIAL_SCHEDULES_PACKAGE).toBe('chinese-days@1.5.7');
  });

  it.each(PUBLISHED)('matches the published schedule for $year', ({ year, daysOff, makeUpWorkingDays }) => {
    const schedule = OFFICIAL_SCHEDULES.find((candidate) => candidate.year === year);

    expect(schedule?.daysOff).toEqual(daysOff);
    expect(schedule?.makeUpWorkingDays).toEqual(makeUpWorkingDays);
    expect(schedule?.source).toContain(`国务院办公厅关于${year}年部分节假日安排的通知`);
    expect(schedule?.source).toContain('https://www.gov.cn/');
  });

  it('files late-December days under the next year’s notice', () => {
    const schedule2019 = OFFICIAL_SCHEDULES.find((schedule) => schedule.year === 2019);
    const schedule2018 = OFFICIAL_SCHEDULES.find((schedule) => schedule.year === 2018);

    expect(schedule2019?.daysOff.slice(0, 3)).toEqual(['2018-12-30', '2018-12-31', '2019-01-01']);
    expect(schedule2019?.makeUpWorkingDays[0]).toBe('2018-12-29');
    expect(schedule2018?.daysOff.filter((date) => date >= '2018-12-01')).toEqual([]);
  });

  it('includes the 2020 Spring Festival extension', () => {
    const schedule = OFFICIAL_SCHEDULES.find((candidate) => candidate.year === 2020);

    expect(schedule?.daysOff).toEqual(expect.arrayContaining(['2020-01-31', '2020-02-01', '2020-02-02']));
    expect(schedule?.makeUpWorkingDays).not.toContain('2020-02-01');
  });

  it('has a weekday off per statutory holiday', () => {
    const counted = OFFICIAL_SCHEDULES.filter((schedule) => statutoryHolidayDays(schedule.year) !== undefined);

    expect(counted.map((schedule) => schedule.year)).toEqual(Array.from({ length: 19 }, (_, i) => 2008 + i));
    for (const schedule of counted) {
      const enough = weekdaysOff(schedule) >= (statutoryHolidayDays(schedule.year) ?? 0);

      expect({ year: schedule.year, enough }).toEqual({ year: schedule.year, enough: true });
    }
  });
});
