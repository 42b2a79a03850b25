import { chinaDateOf, endOfChinaDate, isCalendarDate, startOfChinaDate } from './china-date';

describe('China calendar dates', () => {
  it.each(['2024-02-29', '2025-09-26', '2000-02-29', '2025-12-31'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2023-02-29', '1900-02-29', '2025-02-30', '2025-13-01', '2025-00-10', '2025-9-26', '26/09/2025', ''])(
    'rejects %s',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );

  it('takes the China date of an instant, not the UTC one', () => {
    expect(chinaDateOf(new Date('2025-09-26T15:59:59Z'))).toBe('2025-09-26');
    expect(chinaDateOf(new Date('2025-09-26T16:00:00Z'))).toBe('2025-09-27');
  });

  it('ends a date at 24:00 in Asia/Shanghai', () => {
    expect(endOfChinaDate('2025-10-13').toISOString()).toBe('2025-10-13T16:00:00.000Z');
    expect(startOfChinaDate('2025-10-13').toISOString()).toBe('2025-10-12T16:00:00.000Z');
  });
});
