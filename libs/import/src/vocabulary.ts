import { LISTING_LEVELS, PLACE_TYPE_LABELS, PLACE_TYPES, type ListingLevel, type PlaceType } from '@duban/domain';

/** Outcome a record reports for a listed hazard. */
export const OUTCOMES = ['listed', 'closed', 'extended', 'exposed', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Level of the authority that issued the notice a record comes from. */
export const ISSUER_LEVELS = ['national', 'province', 'city', 'county', 'district', 'fire-brigade'] as const;
export type IssuerLevel = (typeof ISSUER_LEVELS)[number];

function lookup<T extends string>(table: Readonly<Record<string, T>>, raw: string): T | undefined {
  const key = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  return table[key];
}

const OUTCOME_WORDS: Readonly<Record<string, Outcome>> = {
  listed: 'listed',
  挂牌: 'listed',
  挂牌督办: 'listed',
  督办中: 'listed',
  closed: 'closed',
  delisted: 'closed',
  rectified: 'closed',
  销案: 'closed',
  摘牌: 'closed',
  已销案: 'closed',
  已摘牌: 'closed',
  已整改: 'closed',
  extended: 'extended',
  延期: 'extended',
  exposed: 'exposed',
  曝光: 'exposed',
  unknown: 'unknown',
  不详: 'unknown',
  未知: 'unknown',
};

export function parseOutcome(raw: string): Outcome | undefined {
  return lookup(OUTCOME_WORDS, raw);
}

const ISSUER_WORDS: Readonly<Record<string, IssuerLevel>> = {
  national: 'national',
  国家: 'national',
  国务院: 'national',
  province: 'province',
  provincial: 'province',
  省: 'province',
  省级: 'province',
  city: 'city',
  市: 'city',
  市级: 'city',
  county: 'county',
  县: 'county',
  县级: 'county',
  district: 'district',
  区: 'district',
  区级: 'district',
  'fire-brigade': 'fire-brigade',
  'fire brigade': 'fire-brigade',
  消防: 'fire-brigade',
  消防救援机构: 'fire-brigade',
};

export function parseIssuerLevel(raw: string): IssuerLevel | undefined {
  return lookup(ISSUER_WORDS, raw);
}

/** Returns the listing level a government issuer lists at, or undefined for a fire brigade, which does not list. */
export function issuerListingLevel(issuer: IssuerLevel): ListingLevel | undefined {
  if (issuer === 'fire-brigade') return undefined;
  return issuer === 'district' ? 'county' : issuer;
}

const LEVEL_WORDS: Readonly<Record<string, ListingLevel>> = {
  ...Object.fromEntries(LISTING_LEVELS.map((level) => [level, level])),
  provincial: 'province',
  district: 'county',
  县级: 'county',
  区级: 'county',
  市级: 'city',
  省级: 'province',
  国家级: 'national',
  国务院安委办: 'national',
};

export function parseListingLevel(raw: string): ListingLevel | undefined {
  return lookup(LEVEL_WORDS, raw);
}

/**
 * Reads the listing level from a free-text supervising body such as "Gulou district government" or
 * "provincial (3) or city (13) government; split not shown". Qualifiers are checked first, so
 * "Xiangxiang city (county-level) government" is a county. When the text offers a choice ("… or …"),
 * the lowest level named is taken, because a government can raise a level later but not lower it.
 */
export function levelNamedIn(text: string): ListingLevel | undefined {
  const lower = text.toLowerCase();
  const named: ListingLevel[] = [];
  if (/state council|national|国务院|国家/.test(lower)) named.push('national');
  if (/county-level|县级市/.test(lower)) named.push('county');
  if (/provinc|regional \(provincial\)|省/.test(lower)) named.push('province');
  if (/\bcity\b|city-level|municipal|市/.test(lower) && !/county-level|县级市/.test(lower)) named.push('city');
  if (/\bcounty\b|\bdistrict\b|县|区政府|区人民政府/.test(lower)) named.push('county');
  if (named.length === 0) return undefined;
  if (/\bor\b|或/.test(lower)) {
    return [...named].sort((a, b) => LISTING_LEVELS.indexOf(a) - LISTING_LEVELS.indexOf(b))[0];
  }
  return named[0];
}

/**
 * Place types of the public notices of listed hazards (29 values), with the Duban place type each
 * maps to. Where Duban has no close type the mapping falls back to `other`, and the case keeps the
 * record's own term in `placeTypeAsStated`.
 */
const SOURCE_PLACE_TYPES: Readonly<Record<string, { type: PlaceType; area?: boolean }>> = {
  hotel: { type: 'hotel' },
  restaurant: { type: 'restaurant' },
  'shopping mall': { type: 'shopping_mall' },
  'retail store': { type: 'shopping_mall' },
  market: { type: 'market' },
  'market area': { type: 'market', area: true },
  'commercial complex': { type: 'shopping_mall' },
  'building (use not stated)': { type: 'other' },
  'office building': { type: 'office_building' },
  'entertainment venue': { type: 'entertainment_venue' },
  ktv: { type: 'entertainment_venue' },
  'internet cafe': { type: 'internet_cafe' },
  'bathhouse/spa': { type: 'entertainment_venue' },
  'sports venue': { type: 'other' },
  hospital: { type: 'hospital' },
  'elderly-care home': { type: 'elderly_care' },
  'welfare institution': { type: 'other' },
  kindergarten: { type: 'kindergarten' },
  school: { type: 'school' },
  'cultural venue': { type: 'museum' },
  factory: { type: 'factory' },
  warehouse: { type: 'warehouse' },
  'fuel depot': { type: 'flammable_goods_site' },
  'filling station': { type: 'flammable_goods_site' },
  residential: { type: 'residential_area' },
  garage: { type: 'other' },
  'industrial park': { type: 'factory', area: true },
  'high-risk area': { type: 'other', area: true },
  other: { type: 'other' },
  // Chinese terms a ledger may use besides the labels of the place types themselves.
  酒店: { type: 'hotel' },
  宾馆: { type: 'hotel' },
  旅馆: { type: 'hotel' },
  饭店: { type: 'restaurant' },
  超市: { type: 'shopping_mall' },
  商店: { type: 'shopping_mall' },
  商业综合体: { type: 'shopping_mall' },
  市场: { type: 'market' },
  歌舞厅: { type: 'entertainment_venue' },
  洗浴场所: { type: 'entertainment_venue' },
  足浴店: { type: 'entertainment_venue' },
  养老院: { type: 'elderly_care' },
  敬老院: { type: 'elderly_care' },
  工厂: { type: 'factory' },
  加油站: { type: 'flammable_goods_site' },
  油库: { type: 'flammable_goods_site' },
  住宅: { type: 'residential_area' },
  工业园区: { type: 'factory', area: true },
  火灾高风险区域: { type: 'other', area: true },
  区域: { type: 'other', area: true },
};

const BY_CODE_OR_LABEL: Readonly<Record<string, PlaceType>> = Object.fromEntries([
  ...PLACE_TYPES.map((type): [string, PlaceType] => [type, type]),
  ...PLACE_TYPES.map((type): [string, PlaceType] => [PLACE_TYPE_LABELS[type], type]),
]);

/** Maps a place type as a record states it; `area` is true for whole areas listed as one unit. */
export function parsePlaceType(raw: string): { type: PlaceType; area: boolean } | undefined {
  const key = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const code = BY_CODE_OR_LABEL[key] ?? BY_CODE_OR_LABEL[raw.trim()];
  if (code) return { type: code, area: false };
  const source = SOURCE_PLACE_TYPES[key];
  return source ? { type: source.type, area: source.area === true } : undefined;
}

/** Place-type values the template accepts, for error messages. */
export const ACCEPTED_PLACE_TYPES: readonly string[] = [
  ...Object.keys(SOURCE_PLACE_TYPES).filter((key) => /^[a-z]/.test(key)),
  ...PLACE_TYPES,
];
