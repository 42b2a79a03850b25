import { addDays, DateOutOfRangeError } from './calendar-date';
import { deadlineAfterWorkingDays } from './deadline';
import { OFFICIAL_SCHEDULES } from './official-schedules.data';
import { WorkingCalendar } from './working-calendar';
import type { YearSchedule } from './year-schedule';

const official = WorkingCalendar.fromSchedules(OFFICIAL_SCHEDULES);

/** A made-up schedule for tests, with a regional day off for Tibet (54) on Monday 2025-03-03. */
const TEST_SCHEDULE_2025: YearSchedule = {
  year: 2025,
  daysOff: ['2025-01-01', '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05'],
  makeUpWorkingDays: ['2025-09-28'],
  regionalDaysOff: { '54': ['2025-03-03'], '6501': ['2025-03-04'] },
  source: 'test schedule',
};

describe('WorkingCalendar.isWorkingDay', () => {
  it.each([
    // [date, working?, kind]
    ['2025-09-26', true, 'working_day'], // Friday
    ['2025-09-27', false, 'weekend'], // Saturday
    ['2025-09-28', true, 'make_up_working_day'], // Sunday worked for National Day
    ['2025-10-01', false, 'day_off'], // National Day, a Wednesday
    ['2025-10-04', false, 'day_off'], // Saturday inside the published block
    ['2025-10-08', false, 'day_off'], // Wednesday bridging day
    ['2025-10-09', true, 'working_day'],
    ['2025-10-11', true, 'make_up_working_day'], // Saturday
    ['2026-01-04', true, 'make_up_working_day'], // Sunday
    ['2026-02-28', true, 'make_up_working_day'], // Saturday
    ['2018-12-29', true, 'make_up_working_day'], // set by the notice for 2019
    ['2018-12-31', false, 'day_off'], // Monday, set by the notice for 2019
    ['2020-01-31', false, 'day_off'], // Spring Festival extended to 2 February 2020
    ['2020-02-01', false, 'day_off'], // planned as a make-up day, cancelled by the extension
    ['2020-02-03', true, 'working_day'],
    ['2027-01-01', true, 'working_day'], // Friday in a year with no schedule
    ['2027-01-02', false, 'weekend'],
  ])('classifies %s', (date, working, kind) => {
    expect(official.isWorkingDay(date)).toBe(working);
    expect(official.dayKind(date)).toBe(kind);
  });

  it('rejects an impossible date', () => {
    expect(() => official.isWorkingDay('2025-02-29')).toThrow(
      'date must be a real calendar date written YYYY-MM-DD, from 1900 on; got 2025-02-29',
    );
  });
});

describe('WorkingCalendar schedules', () => {
  it('lists the loaded years', () => {
    expect(official.loadedYears[0]).toBe(2007);
    expect(official.loadedYears[official.loadedYears.length - 1]).toBe(2026);
    expect(official.loadedYears).toHaveLength(20);
    expect(official.hasSchedule(2026)).toBe(true);
    expect(official.hasSchedule(2027)).toBe(false);
  });

  it.each([
    // [dates, missing years]
    [['2026-06-01'], []],
    [['2026-12-24'], []],
    [['2026-12-25'], [2027]],
    [['2027-03-01'], [2027]],
    [['2006-12-31', '2007-01-02'], [2006]],
    [
      ['2027-12-31', '2028-01-03'],
      [2027, 2028],
    ],
  ])('finds the missing years for %j', (dates, missing) => {
    expect(official.missingScheduleYears(dates)).toEqual(missing);
  });
});

describe('WorkingCalendar regional days off', () => {
  it.each([
    // [jurisdiction, date, kind]
    ['540102', '2025-03-03', 'regional_day_off'],
    ['110101', '2025-03-03', 'working_day'],
    ['650102', '2025-03-04', 'regional_day_off'],
    ['652301', '2025-03-04', 'working_day'],
    [undefined, '2025-03-03', 'working_day'],
  ])('in %s classifies %s', (jurisdictionCode, date, kind) => {
    const calendar = WorkingCalendar.fromSchedules([TEST_SCHEDULE_2025], { jurisdictionCode });

    expect(calendar.dayKind(date)).toBe(kind);
  });

  it('names regional days off in explanations', () => {
    const calendar = WorkingCalendar.fromSchedules([TEST_SCHEDULE_2025], { jurisdictionCode: '540102' });

    const deadline = deadlineAfterWorkingDays(calendar, '2025-02-28', 1);

    expect(deadline.due).toBe('2025-03-04');
    expect(deadline.explanation.en).toBe(
      '1 working day from 2025-02-28, due 2025-03-04; 3 March is a regional day off',
    );
    expect(deadline.explanation.zh).toBe('自 2025-02-28 起 1 个工作日，截止 2025-03-04；3月3日为本地区放假日');
  });

  it('turns a make-up working day into a regional day off', () => {
    const schedule: YearSchedule = { ...TEST_SCHEDULE_2025, regionalDaysOff: { '54': ['2025-09-28'] } };

    const calendar = WorkingCalendar.fromSchedules([schedule], { jurisdictionCode: '540000' });

    expect(calendar.isWorkingDay('2025-09-28')).toBe(false);
  });

  it('rejects a jurisdiction code that is not six digits', () => {
    expect(() => WorkingCalendar.fromSchedules([], { jurisdictionCode: '54' })).toThrow(
      'jurisdictionCode must be a six-digit GB/T 2260 code; got 54',
    );
  });
});

describe('WorkingCalendar.fromSchedules validation', () => {
  const valid: YearSchedule = { year: 2025, daysOff: [], makeUpWorkingDays: [], source: 'test schedule' };

  it.each([
    [{ ...valid, year: 2025.5 }, 'schedule year must be a whole number from 1900 to 9999; got 2025.5'],
    [{ ...valid, source: ' ' }, 'schedule for 2025 must name its source'],
    [{ ...valid, daysOff: ['2025-02-30'] }, 'schedule for 2025 daysOff must be a real calendar date'],
    [
      { ...valid, daysOff: ['2026-01-01'] },
      'schedule for 2025 daysOff contains 2026-01-01, which is neither in 2025 nor on or after 2024-12-25',
    ],
    [
      { ...valid, makeUpWorkingDays: ['2024-12-21'] },
      'schedule for 2025 makeUpWorkingDays contains 2024-12-21, which is neither in 2025 nor on or after 2024-12-25',
    ],
    [
      { ...valid, makeUpWorkingDays: ['2025-09-29'] },
      'schedule for 2025 lists 2025-09-29 as a make-up working day, but it is not a Saturday or Sunday',
    ],
    [
      { ...valid, daysOff: ['2025-09-28'], makeUpWorkingDays: ['2025-09-28'] },
      'schedule for 2025 lists 2025-09-28 both as a day off and as a make-up working day',
    ],
    [
      { ...valid, regionalDaysOff: { '5401x': ['2025-03-03'] } },
      "schedule for 2025 has regional days off under '5401x'; keys must be GB/T 2260 prefixes of 2, 4 or 6 digits",
    ],
  ])('rejects an inconsistent schedule (%#)', (schedule, message) => {
    expect(() => WorkingCalendar.fromSchedules([schedule])).toThrow(message);
  });

  it('accepts late December of the previous year', () => {
    const schedule: YearSchedule = {
      year: 2019,
      daysOff: ['2018-12-30', '2018-12-31', '2019-01-01'],
      makeUpWorkingDays: ['2018-12-29'],
      source: 'test schedule',
    };

    expect(WorkingCalendar.fromSchedules([schedule]).isWorkingDay('2018-12-29')).toBe(true);
  });

  it('rejects two schedules for one year', () => {
    expect(() => WorkingCalendar.fromSchedules([valid, valid])).toThrow(
      'two schedules are for 2025; pass one schedule per year',
    );
  });

  it('rejects schedules that disagree about a date', () => {
    const schedule2024: YearSchedule = { ...valid, year: 2024, daysOff: ['2024-12-28'] };
    const schedule2025: YearSchedule = { ...valid, makeUpWorkingDays: ['2024-12-28'] };

    expect(() => WorkingCalendar.fromSchedules([schedule2024, schedule2025])).toThrow(
      'schedules disagree about 2024-12-28: one makes it a day_off, the schedule for 2025 a make_up_working_day',
    );
  });
});

/** Counts working days one date at a time with addDays and isWorkingDay, the definition stepWorkingDays must match. */
function stepOneDayAtATime(calendar: WorkingCalendar, date: string, count: number, direction: 1 | -1): string {
  let current = date;
  for (let remaining = count; remaining > 0;) {
    current = addDays(current, direction);
    if (calendar.isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

describe('WorkingCalendar.stepWorkingDays', () => {
  const regional = WorkingCalendar.fromSchedules([TEST_SCHEDULE_2025], { jurisdictionCode: '540102' });

  it.each([
    // [from, count, direction, expected]
    ['2025-09-26', 1, 1, '2025-09-28'], // Friday to the make-up Sunday
    ['2025-09-30', 1, 1, '2025-10-09'], // over the National Day block
    ['2025-10-09', 1, -1, '2025-09-30'],
    ['2025-10-09', 0, 1, '2025-10-09'],
    ['2026-01-01', 1, -1, '2025-12-31'],
  ] as const)('counts %s + %i working days (direction %i) to %s', (from, count, direction, expected) => {
    expect(official.stepWorkingDays(from, count, direction)).toBe(expected);
  });

  it('skips a regional day off', () => {
    expect(regional.stepWorkingDays('2025-02-28', 1, 1)).toBe('2025-03-04');
    expect(regional.stepWorkingDays('2025-03-04', 1, -1)).toBe('2025-02-28');
  });

  it('matches stepping one day at a time', () => {
    // Start dates 41 days apart from 1960 to 2027, so both sides of 1970 and every weekday are covered.
    for (let i = 0; i < 600; i++) {
      const from = addDays('1960-01-01', i * 41);
      const count = (i * 13) % 400;
      const direction = i % 2 === 0 ? 1 : -1;
      for (const calendar of [official, regional]) {
        expect(calendar.stepWorkingDays(from, count, direction)).toBe(
          stepOneDayAtATime(calendar, from, count, direction),
        );
      }
    }
  });

  it('rejects counts past the supported dates', () => {
    expect(() => official.stepWorkingDays('9999-12-30', 2, 1)).toThrow(DateOutOfRangeError);
    expect(() => official.stepWorkingDays('1900-01-02', 5, -1)).toThrow(
      '5 working days before 1900-01-02 fall outside the supported dates 1900-01-01 to 9999-12-31',
    );
  });

  it('names an invalid date or count', () => {
    expect(() => official.stepWorkingDays('2025-02-29', 1, 1)).toThrow('date must be a real calendar date');
    expect(() => official.stepWorkingDays('2025-02-28', 1.5, 1)).toThrow('count must be a whole number');
  });
});
