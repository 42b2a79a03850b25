/**
 * Administrative division codes (GB/T 2260): six digits, the first two a province-level division,
 * the next two a prefecture (00 for the province itself), the last two a county (00 for the
 * prefecture itself).
 */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export type JurisdictionLevel = 'province' | 'city' | 'county';

export function isJurisdictionCode(code: string): boolean {
  return (
    /^\d{6}$/.test(code) &&
    PROVINCE_PREFIXES.has(code.slice(0, 2)) &&
    !(code.slice(2, 4) === '00' && code.slice(4) !== '00')
  );
}

export function jurisdictionLevel(code: string): JurisdictionLevel {
  if (code.slice(2) === '0000') return 'province';
  if (code.slice(4) === '00') return 'city';
  return 'county';
}

/** Returns the codes of the divisions that contain this one, nearest first. */
export function parentJurisdictionCodes(code: string): string[] {
  const level = jurisdictionLevel(code);
  if (level === 'province') return [];
  const province = `${code.slice(0, 2)}0000`;
  if (level === 'city') return [province];
  return [`${code.slice(0, 4)}00`, province];
}
