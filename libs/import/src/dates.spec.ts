import { firstDay, lastDay, parsePartialDate, readDeadline } from './dates';

describe('partial dates', () => {
  it.each([
    ['2021-05-10', { year: 2021, month: 5, day: 10, precision: 'day' }],
    ['2021/5/10', { year: 2021, month: 5, day: 10, precision: 'day' }],
    ['2021-05', { year: 2021, month: 5, precision: 'month' }],
    ['2021年5月', { year: 2021, month: 5, precision: 'month' }],
    ['2021年5月10日', { year: 2021, month: 5, day: 10, precision: 'day' }],
    ['2021', { year: 2021, precision: 'year' }],
  ])('reads %s', (text, expected) => {
    expect(parsePartialDate(text)).toEqual(expected);
  });

  it.each(['2021-02-30', '2021-13', 'May 2021', '', '21-05-10'])('rejects %s', (text) => {
    expect(parsePartialDate(text)).toBeUndefined();
  });

  it('takes the first and last day of a month-only date', () => {
    const may = { year: 2022, month: 5, precision: 'month' as const };
    expect(firstDay(may)).toBe('2022-05-01');
    expect(lastDay(may)).toBe('2022-05-31');
    expect(lastDay({ year: 2024, month: 2, precision: 'month' })).toBe('2024-02-29');
  });
});

describe('deadline texts', () => {
  it.each([
    ['2007-12-20', '2007-12-20'],
    ['2022-12', '2022-12-31'],
    ['year end (2021)', '2021-12-31'],
    ['year end (2009)', '2009-12-31'],
    ['end of October 2023 (self-assessment report due)', '2023-10-31'],
    ['2021年底', '2021-12-31'],
    ['2021年12月底', '2021-12-31'],
  ])('reads %s as %s', (text, date) => {
    expect(readDeadline(text)).toMatchObject({ kind: 'date', date });
  });

  it('needs a year for year end without one', () => {
    expect(readDeadline('year end')).toEqual({ kind: 'needs_year', rule: 'year_end', month: 12 });
    expect(readDeadline('年底前')).toEqual({ kind: 'needs_year', rule: 'year_end', month: 12 });
  });

  it('needs a year when the text says the year is not stated', () => {
    expect(readDeadline('end of December (year not stated)')).toEqual({
      kind: 'needs_year',
      rule: 'month_end',
      month: 12,
    });
  });

  it('rejects text it cannot read', () => {
    expect(readDeadline('as soon as possible')).toEqual({ kind: 'invalid' });
    expect(readDeadline('within the set limit')).toEqual({ kind: 'invalid' });
  });
});
