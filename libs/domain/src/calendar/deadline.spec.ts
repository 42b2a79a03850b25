import {
  deadlineAfterCalendarDays,
  deadlineAfterElapsedTime,
  deadlineAfterHours,
  deadlineAfterWorkingDays,
  governmentSetDeadline,
} from './deadline';
import { DateOutOfRangeError } from './calendar-date';
import { OFFICIAL_SCHEDULES } from './official-schedules.data';
import { WorkingCalendar } from './working-calendar';

const calendar = WorkingCalendar.fromSchedules(OFFICIAL_SCHEDULES);

describe('deadlineAfterWorkingDays', () => {
  it('counts 7 working days across National Day', () => {
    const deadline = deadlineAfterWorkingDays(calendar, '2025-09-26', 7);

    expect(deadline.due).toBe('2025-10-13');
    expect(deadline.dueAt).toBe('2025-10-13T16:00:00.000Z');
    expect(deadline.provisional).toBe(false);
    expect(deadline.missingScheduleYears).toEqual([]);
    expect(deadline.explanation.en).toBe(
      '7 working days from 2025-09-26, due 2025-10-13; 1–8 October are days off; ' +
        '28 September and 11 October are make-up working days',
    );
    expect(deadline.explanation.zh).toBe(
      '自 2025-09-26 起 7 个工作日，截止 2025-10-13；10月1日至8日放假；9月28日、10月11日调休上班',
    );
  });

  it.each([
    // [from, working days, due, English explanation]
    [
      '2025-12-30',
      3,
      '2026-01-05',
      '3 working days from 2025-12-30, due 2026-01-05; 1–3 January 2026 are days off; ' +
        '4 January 2026 is a make-up working day',
    ],
    ['2024-12-30', 2, '2025-01-02', '2 working days from 2024-12-30, due 2025-01-02; 1 January 2025 is a day off'],
    [
      '2025-01-24',
      5,
      '2025-02-07',
      '5 working days from 2025-01-24, due 2025-02-07; 28 January – 4 February are days off; ' +
        '26 January is a make-up working day',
    ],
    [
      '2026-02-12',
      3,
      '2026-02-24',
      '3 working days from 2026-02-12, due 2026-02-24; 15–23 February are days off; ' +
        '14 February is a make-up working day',
    ],
    [
      '2025-02-06',
      2,
      '2025-02-08',
      '2 working days from 2025-02-06, due 2025-02-08; 8 February is a make-up working day',
    ],
    [
      '2026-02-24',
      4,
      '2026-02-28',
      '4 working days from 2026-02-24, due 2026-02-28; 28 February is a make-up working day',
    ],
    [
      '2026-01-02',
      1,
      '2026-01-04',
      '1 working day from 2026-01-02, due 2026-01-04; 3 January is a day off; 4 January is a make-up working day',
    ],
    [
      '2024-09-27',
      1,
      '2024-09-29',
      '1 working day from 2024-09-27, due 2024-09-29; 29 September is a make-up working day',
    ],
    [
      '2025-10-09',
      3,
      '2025-10-13',
      '3 working days from 2025-10-09, due 2025-10-13; 11 October is a make-up working day',
    ],
    ['2025-03-07', 1, '2025-03-10', '1 working day from 2025-03-07, due 2025-03-10'],
    ['2025-10-01', 0, '2025-10-01', '0 working days from 2025-10-01, due 2025-10-01'],
  ])('counts from %s plus %i working days', (from, workingDays, due, english) => {
    const deadline = deadlineAfterWorkingDays(calendar, from, workingDays);

    expect(deadline.due).toBe(due);
    expect(deadline.provisional).toBe(false);
    expect(deadline.explanation.en).toBe(english);
  });

  it('writes years in Chinese across a year end', () => {
    const deadline = deadlineAfterWorkingDays(calendar, '2025-12-30', 3);

    expect(deadline.explanation.zh).toBe(
      '自 2025-12-30 起 3 个工作日，截止 2026-01-05；2026年1月1日至3日放假；2026年1月4日调休上班',
    );
  });

  it('marks a deadline in 2027 provisional', () => {
    const deadline = deadlineAfterWorkingDays(calendar, '2027-03-01', 5);

    expect(deadline.due).toBe('2027-03-08');
    expect(deadline.dueAt).toBe('2027-03-08T16:00:00.000Z');
    expect(deadline.provisional).toBe(true);
    expect(deadline.missingScheduleYears).toEqual([2027]);
    expect(deadline.explanation.en).toBe(
      '5 working days from 2027-03-01, due 2027-03-08; provisional: no official schedule is loaded for 2027, ' +
        'so that year counts as plain weeks with Monday to Friday working',
    );
    expect(deadline.explanation.zh).toBe(
      '自 2027-03-01 起 5 个工作日，截止 2027-03-08；暂定：尚未载入 2027 年的官方放假安排，该年按周一至周五工作、周六周日休息计算',
    );
  });

  it('marks a deadline from late 2026 into 2027 provisional', () => {
    // 2027-01-01 is a Friday and counts as a working day until the 2027 schedule is loaded.
    const deadline = deadlineAfterWorkingDays(calendar, '2026-12-28', 5);

    expect(deadline.due).toBe('2027-01-04');
    expect(deadline.provisional).toBe(true);
    expect(deadline.missingScheduleYears).toEqual([2027]);
    expect(deadline.explanation.en).toContain('no official schedule is loaded for 2027');
  });

  it('marks late December 2026 provisional', () => {
    const deadline = deadlineAfterWorkingDays(calendar, '2026-12-22', 3);

    expect(deadline.due).toBe('2026-12-25');
    expect(deadline.provisional).toBe(true);
    expect(deadline.missingScheduleYears).toEqual([2027]);
    expect(deadline.explanation.en).toBe(
      '3 working days from 2026-12-22, due 2026-12-25; provisional: no official schedule is loaded for 2027, ' +
        'whose notice can still set days off and make-up working days in late December 2026',
    );
    expect(deadline.explanation.zh).toBe(
      '自 2026-12-22 起 3 个工作日，截止 2026-12-25；暂定：尚未载入 2027 年的官方放假安排，其通知仍可能调整 2026 年12月下旬的放假和调休',
    );
  });

  it('keeps a deadline before 25 December 2026 final', () => {
    const deadline = deadlineAfterWorkingDays(calendar, '2026-12-21', 3);

    expect(deadline.due).toBe('2026-12-24');
    expect(deadline.provisional).toBe(false);
  });

  it('marks a deadline before 2007 provisional', () => {
    const deadline = deadlineAfterWorkingDays(calendar, '2006-06-01', 1);

    expect(deadline.due).toBe('2006-06-02');
    expect(deadline.missingScheduleYears).toEqual([2006]);
  });

  it('counts a calendar with no schedules as plain weeks', () => {
    const empty = WorkingCalendar.fromSchedules([]);

    const deadline = deadlineAfterWorkingDays(empty, '2025-09-26', 7);

    expect(deadline.due).toBe('2025-10-07');
    expect(deadline.missingScheduleYears).toEqual([2025]);
  });

  it.each([
    ['2025-02-29', 1, /from must be a real calendar date written YYYY-MM-DD.*got 2025-02-29/],
    ['2025-13-01', 1, /from must be a real calendar date/],
    ['20250926', 1, /from must be a real calendar date/],
    ['2025-09-26', -1, /workingDays must be a whole number from 0 to \d+; got -1/],
    ['2025-09-26', 1.5, /workingDays must be a whole number from 0 to \d+; got 1.5/],
    ['2025-09-26', Number.NaN, /workingDays must be a whole number from 0 to \d+; got NaN/],
    ['2025-09-26', Number.POSITIVE_INFINITY, /workingDays must be a whole number/],
  ])('rejects from %s with %s working days', (from, workingDays, message) => {
    expect(() => deadlineAfterWorkingDays(calendar, from, workingDays)).toThrow(RangeError);
    expect(() => deadlineAfterWorkingDays(calendar, from, workingDays)).toThrow(message);
  });

  it('rejects a deadline after 9999-12-31', () => {
    expect(() => deadlineAfterWorkingDays(calendar, '9999-12-30', 2)).toThrow(DateOutOfRangeError);
  });
});

describe('deadlineAfterCalendarDays', () => {
  it.each([
    // [from, calendar days, due, English explanation]
    [
      '2025-09-26',
      10,
      '2025-10-09',
      '10 calendar days from 2025-09-26 end on 2025-10-06, which is not a working day, so the deadline moves ' +
        'to the next working day, 2025-10-09; 6–8 October are days off',
    ],
    [
      '2025-10-02',
      10,
      '2025-10-13',
      '10 calendar days from 2025-10-02 end on 2025-10-12, which is not a working day, so the deadline moves ' +
        'to the next working day, 2025-10-13',
    ],
    [
      '2025-10-01',
      10,
      '2025-10-11',
      '10 calendar days from 2025-10-01, due 2025-10-11; 11 October is a make-up working day',
    ],
    [
      '2026-02-05',
      10,
      '2026-02-24',
      '10 calendar days from 2026-02-05 end on 2026-02-15, which is not a working day, so the deadline moves ' +
        'to the next working day, 2026-02-24; 15–23 February are days off',
    ],
    ['2025-09-10', 5, '2025-09-15', '5 calendar days from 2025-09-10, due 2025-09-15'],
    ['2025-09-10', 1, '2025-09-11', '1 calendar day from 2025-09-10, due 2025-09-11'],
    [
      '2025-09-30',
      1,
      '2025-10-09',
      '1 calendar day from 2025-09-30 ends on 2025-10-01, which is not a working day, so the deadline moves ' +
        'to the next working day, 2025-10-09; 1–8 October are days off',
    ],
  ])('rolls %s plus %i calendar days forward', (from, calendarDays, due, english) => {
    const deadline = deadlineAfterCalendarDays(calendar, from, calendarDays);

    expect(deadline.due).toBe(due);
    expect(deadline.dueAt).toBe(`${due}T16:00:00.000Z`);
    expect(deadline.provisional).toBe(false);
    expect(deadline.explanation.en).toBe(english);
  });

  it('explains a rolled deadline in Chinese', () => {
    const deadline = deadlineAfterCalendarDays(calendar, '2025-09-26', 10);

    expect(deadline.explanation.zh).toBe(
      '自 2025-09-26 起 10 个自然日，届满日 2025-10-06 不是工作日，顺延至下一个工作日 2025-10-09；10月6日至8日放假',
    );
  });

  it.each([
    // [from, days, due without rolling, due with rolling]
    ['2025-09-26', 30, '2025-10-26', '2025-10-27'],
    ['2025-09-05', 30, '2025-10-05', '2025-10-09'],
    ['2026-01-16', 30, '2026-02-15', '2026-02-24'],
  ])('never rolls a maximum period from %s of %i days', (from, days, unrolled, rolled) => {
    const maximum = deadlineAfterCalendarDays(calendar, from, days, { rollForward: false });
    const rolling = deadlineAfterCalendarDays(calendar, from, days);

    expect(maximum.due).toBe(unrolled);
    expect(maximum.dueAt).toBe(`${unrolled}T16:00:00.000Z`);
    expect(maximum.provisional).toBe(false);
    expect(rolling.due).toBe(rolled);
  });

  it('explains a maximum period', () => {
    const deadline = deadlineAfterCalendarDays(calendar, '2025-09-05', 30, { rollForward: false });

    expect(deadline.explanation.en).toBe(
      '30 calendar days from 2025-09-05, due 2025-10-05; a maximum period, so it is not moved when it ends on a day off',
    );
    expect(deadline.explanation.zh).toBe(
      '自 2025-09-05 起 30 个自然日，截止 2025-10-05；该期限为最长期限，遇节假日不顺延',
    );
  });

  it('marks a rolled period ending in 2027 provisional', () => {
    const deadline = deadlineAfterCalendarDays(calendar, '2026-12-20', 30);

    expect(deadline.due).toBe('2027-01-19');
    expect(deadline.provisional).toBe(true);
    expect(deadline.missingScheduleYears).toEqual([2027]);
  });

  it('keeps a maximum period ending in 2027 final', () => {
    const deadline = deadlineAfterCalendarDays(calendar, '2026-12-20', 30, { rollForward: false });

    expect(deadline.due).toBe('2027-01-19');
    expect(deadline.provisional).toBe(false);
  });

  it.each([
    ['2025-04-31', 3, /from must be a real calendar date/],
    ['2025-09-26', -3, /calendarDays must be a whole number from 0 to \d+; got -3/],
    ['2025-09-26', 0.5, /calendarDays must be a whole number/],
  ])('rejects from %s with %s calendar days', (from, days, message) => {
    expect(() => deadlineAfterCalendarDays(calendar, from, days)).toThrow(message);
  });

  it('rejects a deadline after 9999-12-31', () => {
    expect(() => deadlineAfterCalendarDays(calendar, '9999-12-25', 10)).toThrow(DateOutOfRangeError);
    expect(() => deadlineAfterCalendarDays(calendar, '9999-12-25', 10)).toThrow(
      '10 days after 9999-12-25 is outside the supported dates 1900-01-01 to 9999-12-31',
    );
  });
});

describe('governmentSetDeadline', () => {
  it.each([
    // National Day, an ordinary Sunday and a date in a year with no schedule all stay as set.
    ['2025-10-01', '2025-10-01T16:00:00.000Z'],
    ['2025-12-14', '2025-12-14T16:00:00.000Z'],
    ['2027-02-07', '2027-02-07T16:00:00.000Z'],
  ])('keeps %s as given', (date, dueAt) => {
    const deadline = governmentSetDeadline(date);

    expect(deadline.due).toBe(date);
    expect(deadline.dueAt).toBe(dueAt);
    expect(deadline.provisional).toBe(false);
  });

  it('explains that the date is not moved', () => {
    const deadline = governmentSetDeadline('2025-10-01');

    expect(deadline.explanation.en).toBe(
      'deadline of 2025-10-01 set by the government, taken as given and not moved for days off',
    );
    expect(deadline.explanation.zh).toBe('政府确定的期限 2025-10-01，按原日期执行，不因节假日顺延');
  });

  it('rejects an impossible date', () => {
    expect(() => governmentSetDeadline('2025-06-31')).toThrow('date must be a real calendar date');
  });
});

describe('deadlineAfterHours', () => {
  it.each([
    // [from, hours, dueAt, due]
    ['2025-09-30T10:00:00Z', 24, '2025-10-01T10:00:00.000Z', '2025-10-01'],
    ['2025-09-30T23:30:00+08:00', 1, '2025-09-30T16:30:00.000Z', '2025-10-01'],
    ['2025-12-31T20:00:00+08:00', 24, '2026-01-01T12:00:00.000Z', '2026-01-01'],
    ['2027-01-01T00:00:00Z', 48, '2027-01-03T00:00:00.000Z', '2027-01-03'],
  ])('adds hours to %s with no holiday adjustment', (from, hours, dueAt, due) => {
    const deadline = deadlineAfterHours(from, hours);

    expect(deadline.dueAt).toBe(dueAt);
    expect(deadline.due).toBe(due);
    expect(deadline.provisional).toBe(false);
  });

  it('accepts a Date', () => {
    const deadline = deadlineAfterHours(new Date('2025-09-30T10:00:00Z'), 24);

    expect(deadline.dueAt).toBe('2025-10-01T10:00:00.000Z');
  });

  it('explains the period in China Standard Time', () => {
    const deadline = deadlineAfterHours('2025-09-30T10:00:00Z', 24);

    expect(deadline.explanation.en).toBe(
      '24 hours from 2025-09-30 18:00 China Standard Time, due 2025-10-01 18:00; periods in hours are not adjusted for days off',
    );
    expect(deadline.explanation.zh).toBe(
      '自 2025-09-30 18:00（北京时间）起 24 小时，截止 2025-10-01 18:00（北京时间）；按小时计算的期限不因节假日调整',
    );
  });

  it('counts minutes and seconds for short test clocks', () => {
    const minutes = deadlineAfterElapsedTime('2025-09-30T10:00:00Z', 5, 'minutes');
    const seconds = deadlineAfterElapsedTime('2025-09-30T10:00:00Z', 90, 'seconds');

    expect(minutes.dueAt).toBe('2025-09-30T10:05:00.000Z');
    expect(minutes.explanation.en).toBe(
      '5 minutes from 2025-09-30 18:00 China Standard Time, due 2025-09-30 18:05; periods in minutes are not adjusted for days off',
    );
    expect(seconds.dueAt).toBe('2025-09-30T10:01:30.000Z');
    expect(seconds.explanation.en).toContain('due 2025-09-30 18:01:30');
  });

  it.each([
    ['2025-09-30T10:00:00', 24, /from must be an ISO 8601 instant with Z or a UTC offset/],
    ['2025-02-30T10:00:00Z', 24, /from must be an ISO 8601 instant/],
    ['2025-09-30T25:00:00Z', 24, /from must be an ISO 8601 instant/],
    ['yesterday', 24, /from must be an ISO 8601 instant/],
    ['2025-09-30T10:00:00Z', -1, /hours must be a whole number from 0 to \d+; got -1/],
    ['2025-09-30T10:00:00Z', 1.5, /hours must be a whole number/],
  ])('rejects from %s with %s hours', (from, hours, message) => {
    expect(() => deadlineAfterHours(from, hours)).toThrow(message);
  });

  it('rejects a deadline after 9999-12-31', () => {
    expect(() => deadlineAfterHours('9999-12-31T12:00:00Z', 24)).toThrow(DateOutOfRangeError);
    expect(() => deadlineAfterHours('2025-01-01T00:00:00Z', Number.MAX_SAFE_INTEGER)).toThrow(DateOutOfRangeError);
  });

  it('rejects an invalid Date', () => {
    expect(() => deadlineAfterHours(new Date('not a date'), 24)).toThrow('from must be a valid Date');
  });
});
