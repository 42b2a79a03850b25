import { isJurisdictionCode, jurisdictionLevel, parentJurisdictionCodes } from './jurisdiction-code';

describe('jurisdiction code', () => {
  it.each(['110000', '430100', '430102', '810000', '650100'])('accepts %s', (code) => {
    expect(isJurisdictionCode(code)).toBe(true);
  });

  it.each(['999999', '000000', '43010', '4301022', '430010', 'abcdef', '190000'])('rejects %s', (code) => {
    expect(isJurisdictionCode(code)).toBe(false);
  });

  it('tells the level of a code', () => {
    expect(jurisdictionLevel('430000')).toBe('province');
    expect(jurisdictionLevel('430100')).toBe('city');
    expect(jurisdictionLevel('430102')).toBe('county');
  });

  it('lists the divisions that contain a code, nearest first', () => {
    expect(parentJurisdictionCodes('430102')).toEqual(['430100', '430000']);
    expect(parentJurisdictionCodes('430100')).toEqual(['430000']);
    expect(parentJurisdictionCodes('430000')).toEqual([]);
  });
});
