import { describeDates, describeMissingSchedules, joinEnglish } from './explanation';

const DAYS_OFF = { zh: '放假', enSingular: 'is a day off', enPlural: 'are days off' };

describe('describeDates', () => {
  it.each([
    // [dates, reference year, English, Chinese]
    [['2025-10-01'], 2025, '1 October is a day off', '10月1日放假'],
    [['2025-10-01', '2025-10-02', '2025-10-03'], 2025, '1–3 October are days off', '10月1日至3日放假'],
    [['2025-05-31', '2025-06-01', '2025-06-02'], 2025, '31 May – 2 June are days off', '5月31日至6月2日放假'],
    [['2025-01-01', '2025-10-01'], 2025, '1 January and 1 October are days off', '1月1日、10月1日放假'],
    [
      ['2025-01-01', '2025-05-01', '2025-10-01'],
      2025,
      '1 January, 1 May and 1 October are days off',
      '1月1日、5月1日、10月1日放假',
    ],
    [['2026-01-01', '2026-01-02'], 2025, '1–2 January 2026 are days off', '2026年1月1日至2日放假'],
    [
      ['2018-12-30', '2018-12-31', '2019-01-01'],
      2018,
      '30 December 2018 – 1 January 2019 are days off',
      '2018年12月30日至2019年1月1日放假',
    ],
    [['2025-10-02', '2025-10-01', '2025-10-01'], 2025, '1–2 October are days off', '10月1日至2日放假'],
  ])('describes %j', (dates, referenceYear, english, chinese) => {
    const text = describeDates(dates, referenceYear, DAYS_OFF);

    expect(text?.en).toBe(english);
    expect(text?.zh).toBe(chinese);
  });

  it('returns undefined for no dates', () => {
    expect(describeDates([], 2025, DAYS_OFF)).toBeUndefined();
  });
});

describe('joinEnglish', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('joins %j', (items, joined) => {
    expect(joinEnglish(items)).toBe(joined);
  });
});

describe('describeMissingSchedules', () => {
  it('names several missing years', () => {
    const text = describeMissingSchedules([2027, 2028], new Set([2027, 2028]));

    expect(text?.en).toBe(
      'provisional: no official schedule is loaded for 2027 and 2028, so those years count as plain weeks with Monday to Friday working',
    );
    expect(text?.zh).toBe('暂定：尚未载入 2027、2028 年的官方放假安排，该年按周一至周五工作、周六周日休息计算');
  });

  it('returns undefined when no year is missing', () => {
    expect(describeMissingSchedules([], new Set())).toBeUndefined();
  });
});
