import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildCases, caseNumberOf, type ImportedCase } from './cases';
import type { ColumnKey, SourceRow } from './columns';
import { parseRow, type ParsedRow } from './rows';
import { readSourceBuffer } from './source-table';

const TODAY = '2025-12-04';
const SAMPLE = join(__dirname, '..', '..', '..', 'docs', 'sample-data', 'listed-hazards.csv');

function parsedRow(values: Partial<Record<ColumnKey, string>>, number: number): ParsedRow {
  const source: SourceRow = {
    row: number,
    values: {
      notice_id: 'N29',
      issuer_level: 'city',
      region: 'Anhui; Huaibei; Suixi County',
      notice_year: '2021',
      listed_on: '2021-03-31',
      place_type: 'shopping mall',
      unit: 'Shopping centre A (Suixi County)',
      supervising_body: 'city government',
      outcome: 'listed',
      ...values,
    },
  };
  const result = parseRow(source, { today: TODAY });
  if ('issues' in result) throw new Error(JSON.stringify(result.issues));
  return result.row;
}

function only(cases: ImportedCase[]): ImportedCase {
  expect(cases).toHaveLength(1);
  return cases[0] as ImportedCase;
}

describe('building imported cases', () => {
  it('merges one unit listed in two notices into one case', () => {
    const city = parsedRow({}, 10);
    const province = parsedRow(
      {
        notice_id: 'N30',
        issuer_level: 'province',
        listed_on: '',
        deadline: 'year end (2021)',
        supervising_body: 'provincial government',
      },
      20,
    );
    const built = only(buildCases([province, city]).cases);
    expect(built.rows).toEqual([10, 20]);
    expect(built.stage).toBe('listed');
    expect(built.record.listing).toMatchObject({
      level: 'province',
      listedOn: '2021-03-31',
      deadline: '2021-12-31',
      government: { jurisdictionCode: '340000', name: '安徽省人民政府' },
    });
    expect(built.opening.source?.notices.map((n) => n.noticeId)).toEqual(['N29', 'N30']);
  });

  it('makes a listed record without a deadline wait at reported', () => {
    const built = only(buildCases([parsedRow({}, 2)]).cases);
    expect(built.stage).toBe('reported');
    expect(built.record.report).toEqual({
      reportedOn: '2021-03-31',
      government: { jurisdictionCode: '340600', name: '淮北市人民政府' },
    });
    expect(built.opening.source?.listingAsStated).toEqual({
      level: 'city',
      governmentCode: '340600',
      listedOn: '2021-03-31',
      supervisingBody: 'city government',
    });
    expect(built.opening.source?.gaps).toEqual(
      expect.arrayContaining(['credit_code', 'hazard_items', 'deadline', 'responsible_person']),
    );
  });

  it('delists a closed listed record with its closing date', () => {
    const built = only(buildCases([parsedRow({ outcome: 'closed', closed_on: '2022-09-21' }, 2)]).cases);
    expect(built.stage).toBe('delisted');
    expect(built.record).toMatchObject({ closedOn: '2022-09-21', delistedOn: '2022-09-21' });
  });

  it('records a closed record without a date as a gap', () => {
    const built = only(buildCases([parsedRow({ outcome: 'closed' }, 2)]).cases);
    expect(built.record.closedOn).toBeUndefined();
    expect(built.opening.source?.gaps).toContain('closed_on');
  });

  it('keeps an imported case with no hazards and no credit code', () => {
    const built = only(buildCases([parsedRow({}, 2)]).cases);
    expect(built.opening.hazardItems).toEqual([]);
    expect(built.opening.responsibleUnit.creditCode).toBeNull();
  });

  it('reports an exposure at reported, to its own government', () => {
    const built = only(
      buildCases([parsedRow({ outcome: 'exposed', supervising_body: '', issuer_level: 'fire-brigade' }, 2)]).cases,
    );
    expect(built.stage).toBe('reported');
    expect(built.record.report?.government.jurisdictionCode).toBe('340621');
  });

  it('derives the same case number and hash from the same row', () => {
    const first = only(buildCases([parsedRow({}, 2)]).cases);
    const again = only(buildCases([parsedRow({}, 2)]).cases);
    expect(again.caseNumber).toBe(first.caseNumber);
    expect(again.openingHash).toBe(first.openingHash);
    expect(first.caseNumber).toMatch(/^IMP-340621-[0-9A-F]{10}$/);
    expect(caseNumberOf(parsedRow({ unit: 'shopping centre a (suixi county) ' }, 3))).toBe(first.caseNumber);
  });

  it('builds the public data set into cases and reports the rest', async () => {
    const table = await readSourceBuffer(readFileSync(SAMPLE), 'csv');
    const rows: ParsedRow[] = [];
    const invalid = new Set<number>();
    for (const source of table.rows) {
      const result = parseRow(source, { today: TODAY });
      if ('row' in result) rows.push(result.row);
      else invalid.add(source.row);
    }
    const { cases, issues } = buildCases(rows);
    const inCases = cases.flatMap((c) => c.rows);
    expect(table.rows).toHaveLength(199);
    expect(issues).toEqual([]);
    expect(inCases.length + invalid.size).toBe(199);
    expect(new Set([...inCases, ...invalid]).size).toBe(199);
    const stages = Object.fromEntries(
      ['listed', 'reported', 'delisted'].map((s) => [s, cases.filter((c) => c.stage === s).length]),
    );
    expect(stages).toEqual({ listed: 27, reported: 85, delisted: 23 });
  });
});
