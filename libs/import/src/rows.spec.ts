import type { ColumnKey, SourceRow } from './columns';
import { parseRow, type ParsedRow, type RowIssue } from './rows';

const TODAY = '2025-12-04';

function row(values: Partial<Record<ColumnKey, string>>, number = 2): SourceRow {
  return {
    row: number,
    values: {
      notice_id: 'N02',
      issuer_level: 'city',
      region: 'Jiangsu; Nanjing; Xuanwu District',
      notice_year: '2007',
      listed_on: '2007-06-07',
      deadline: '2007-12-20',
      place_type: 'hotel',
      unit: 'Hotel A (Xuanwu District, Nanjing)',
      supervising_body: 'Xuanwu district government',
      outcome: 'listed',
      ...values,
    },
  };
}

function parsed(values: Partial<Record<ColumnKey, string>>): ParsedRow {
  const result = parseRow(row(values), { today: TODAY });
  if ('issues' in result) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result.row;
}

function issues(values: Partial<Record<ColumnKey, string>>): RowIssue[] {
  const result = parseRow(row(values), { today: TODAY });
  return 'issues' in result ? result.issues : [];
}

describe('row parsing', () => {
  it('parses a complete row', () => {
    const result = parsed({});
    expect(result).toMatchObject({
      noticeId: 'N02',
      jurisdictionCode: '320102',
      placeType: 'hotel',
      creditCode: null,
      listingLevel: 'county',
      levelSource: 'supervising_body',
      deadline: { date: '2007-12-20', asStated: '2007-12-20' },
      referenceDate: { date: '2007-06-07', precision: 'day' },
    });
  });

  it.each([
    ['a NUL character', 'unit', 'Hotel\u0000A'],
    ['a lone surrogate', 'hazards', 'exit blocked\ud800'],
    ['a bell character', 'supervising_body', 'gov\u0007'],
  ] as const)('rejects a cell with %s', (_case, column, text) => {
    const found = issues({ [column]: text });

    expect(found.map((issue) => issue.column)).toEqual([column]);
    expect(found[0]?.message.en).toContain('control character or invalid Unicode');
  });

  it('keeps line breaks inside a hazard cell', () => {
    expect(parsed({ hazards: 'exit blocked\nsprinklers off' }).hazards).toEqual(['exit blocked', 'sprinklers off']);
  });

  it('takes a month-only listing date as the first of the month', () => {
    const result = parsed({ listed_on: '2021-05', notice_year: '2022', deadline: '' });
    expect(result.referenceDate).toEqual({ date: '2021-05-01', precision: 'month' });
    expect(result.notes.map((n) => n.en)).toContain(
      'listed_on gives only the month (2021-05), so the 1st of that month is used',
    );
  });

  it('reads "year end" with the notice year', () => {
    const result = parsed({ deadline: 'year end', listed_on: '', notice_year: '2009' });
    expect(result.deadline).toEqual({ date: '2009-12-31', asStated: 'year end' });
    expect(result.referenceDate).toEqual({ date: '2009-01-01', precision: 'year' });
  });

  it('rejects a deadline without a year when the row has none', () => {
    const found = issues({ deadline: 'end of December (year not stated)', notice_year: '', listed_on: '' });
    expect(found.map((i) => i.column)).toEqual(['(row)', 'deadline']);
    expect(found[0]?.message.en).toMatch(/fill in notice_year or listed_on/);
  });

  it('keeps a missing deadline as a gap, not an error', () => {
    expect(parsed({ deadline: '' }).deadline).toBeUndefined();
  });

  it('rejects a row with no date at all', () => {
    const found = issues({ notice_year: '', listed_on: '', deadline: '' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ row: 2, column: '(row)' });
  });

  it('rejects a deadline before the listing', () => {
    const found = issues({ deadline: '2007-01-01' });
    expect(found.map((i) => i.column)).toEqual(['deadline']);
  });

  it('rejects dates after today', () => {
    expect(issues({ listed_on: '2026-01-01' }).map((i) => i.column)).toContain('listed_on');
  });

  it('accepts a missing credit code and rejects an invalid one', () => {
    expect(parsed({ credit_code: '' }).creditCode).toBeNull();
    expect(parsed({ credit_code: '91350100m000100y43' }).creditCode).toBe('91350100M000100Y43');
    expect(issues({ credit_code: '91350100M000100Y44' }).map((i) => i.column)).toEqual(['credit_code']);
  });

  it('splits hazards and keeps an empty list when none are stated', () => {
    expect(parsed({ hazards: 'no alarm | sprinklers off |' }).hazards).toEqual(['no alarm', 'sprinklers off']);
    expect(parsed({ hazards: '' }).hazards).toEqual([]);
  });

  it('flags areas listed as units', () => {
    expect(parsed({ place_type: 'high-risk area', unit: 'Key area (Xintang Town)' }).isArea).toBe(true);
    expect(parsed({}).isArea).toBe(false);
  });

  it('names the region part it cannot map, with the fix', () => {
    const found = issues({ region: 'Jiangsu; Gotham' });
    expect(found).toHaveLength(1);
    expect(found[0]?.column).toBe('region');
    expect(found[0]?.message.en).toMatch(/"Gotham" .* fill in jurisdiction_code/);
  });

  it('takes a jurisdiction code over the region', () => {
    expect(parsed({ jurisdiction_code: '430102', region: '' }).jurisdictionCode).toBe('430102');
    expect(issues({ jurisdiction_code: '439999' }).map((i) => i.column)).toEqual(['jurisdiction_code']);
  });

  it('gives an exposure no listing unless the record names one', () => {
    expect(parsed({ outcome: 'exposed', supervising_body: '' }).listingLevel).toBeUndefined();
    expect(parsed({ outcome: 'exposed', supervising_body: 'provincial-level list' }).listingLevel).toBe('province');
  });

  it('lists every problem of a row at once', () => {
    const found = issues({ unit: '', outcome: 'pending', place_type: 'spaceport', notice_year: '20x1' });
    expect(found.map((i) => i.column).sort()).toEqual(['notice_year', 'outcome', 'place_type', 'unit']);
  });
});
