import { selectRuleSet } from './editions';

describe('selectRuleSet', () => {
  it.each([
    ['2003-12-30', undefined],
    ['2006-11-30', undefined],
    ['2006-12-01', 'GA 653-2006'],
    ['2012-09-10', 'GA 653-2006'],
    ['2018-06-30', 'GA 653-2006'],
    ['2018-07-01', 'GB 35181-2017'],
    ['2025-10-31', 'GB 35181-2017'],
    ['2025-11-01', 'GB 35181-2025'],
    ['2026-12-04', 'GB 35181-2025'],
  ])('inspected on %s selects %s', (inspectedOn, edition) => {
    expect(selectRuleSet(inspectedOn)?.edition).toBe(edition);
  });

  it('rejects a date that is not a calendar date', () => {
    expect(() => selectRuleSet('2025-02-29')).toThrow('2025-02-29 is not a YYYY-MM-DD calendar date');
  });
});
