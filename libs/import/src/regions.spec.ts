import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';

import { divisionIndex, mapRegion, type RegionMatch } from './regions';

const SAMPLE = join(__dirname, '..', '..', '..', 'docs', 'sample-data', 'listed-hazards.csv');

function code(region: string): string | undefined {
  const result = mapRegion(region);
  return result.ok ? result.match.code : undefined;
}

function matched(region: string): RegionMatch {
  const result = mapRegion(region);
  if (!result.ok) throw new Error(`${region} did not map: ${JSON.stringify(result.reason)}`);
  return result.match;
}

describe('region mapping', () => {
  it('maps every region of the public data set', () => {
    const records = parse<{ region: string }>(readFileSync(SAMPLE), { columns: true, bom: true });
    const unmapped = [...new Set(records.map((r) => r.region))].filter((region) => code(region) === undefined);
    expect(unmapped).toEqual([]);
  });

  it.each([
    ['Hunan; Changsha; Furong District', '430102'],
    ['湖南省; 长沙市; 芙蓉区', '430102'],
    ['湖南省长沙市芙蓉区', '430102'],
    ['Ningxia', '640000'],
    ["Anhui; Lu'an; Jin'an District", '341502'],
    ['Guangdong; Guangzhou; Panyu District', '440113'],
    ['Shaanxi; Yulin', '610800'],
    ['Shanxi; Luliang; Fangshan County', '141128'],
    ['Henan; Jiyuan', '419001'],
    ['Qinghai; Haibei; Gangcha County', '632224'],
    ['Shanghai; Pudong New Area', '310115'],
  ])('maps %s to %s', (region, expected) => {
    expect(code(region)).toBe(expected);
  });

  it('maps an abolished county to its successor with a note', () => {
    const match = matched('Jiangsu; Nanjing; Baixia District');
    expect(match.code).toBe('320104');
    expect(match.notes[0]?.en).toMatch(/abolished in 2013/);
  });

  it('maps a county since renamed a city by its name', () => {
    const match = matched('Hunan; Shaoyang; Shaodong County');
    expect(match.code).toBe('430582');
    expect(match.notes[0]?.en).toMatch(/suffix/);
  });

  it('places towns and development zones in the division above them', () => {
    const town = matched('Guangdong; Dongguan; Qiaotou Town');
    const zone = matched('Anhui; Hefei; High-tech Zone');
    expect(town).toMatchObject({ code: '441900', below: ['Qiaotou Town'] });
    expect(zone).toMatchObject({ code: '340100', below: ['High-tech Zone'] });
  });

  it('names the part it cannot map', () => {
    expect(mapRegion('Hunan; Atlantis')).toEqual({
      ok: false,
      reason: { kind: 'unknown_part', part: 'Atlantis', within: '湖南省' },
    });
    expect(mapRegion('Narnia')).toEqual({ ok: false, reason: { kind: 'unknown_part', part: 'Narnia', within: '' } });
    expect(mapRegion(' ; ')).toEqual({ ok: false, reason: { kind: 'empty' } });
  });
});

describe('division list', () => {
  it('lists every current division with its parent first', () => {
    const divisions = divisionIndex().divisions();
    const listed = new Set<string>();
    const orphans: string[] = [];
    for (const division of divisions) {
      if (division.parentCode !== undefined && !listed.has(division.parentCode)) orphans.push(division.code);
      listed.add(division.code);
    }

    expect(orphans).toEqual([]);
    expect(listed.size).toBe(divisions.length);
    expect(divisions.filter((division) => division.level === 'province')).toHaveLength(31);
    expect(divisions.length).toBe(3220);
    expect(divisions.find((division) => division.code === '430102')?.parentCode).toBe('430100');
    expect(divisions.some((division) => division.successorCode !== undefined)).toBe(false);
  });
});
