import {
  checkCreditCode,
  hasControlCharacter,
  isCaseNumber,
  isJurisdictionCode,
  isUnstorable,
  type DatePrecision,
  type ListingLevel,
  type PlaceType,
} from '@duban/domain';

import { COLUMNS, type ColumnKey, type SourceRow } from './columns';
import { deadlineInYear, firstDay, formatPartialDate, parsePartialDate, readDeadline, type PartialDate } from './dates';
import { divisionIndex, mapRegion, type DivisionIndex, type RegionError } from './regions';
import {
  ACCEPTED_PLACE_TYPES,
  ISSUER_LEVELS,
  issuerListingLevel,
  levelNamedIn,
  OUTCOMES,
  parseIssuerLevel,
  parseListingLevel,
  parseOutcome,
  parsePlaceType,
  type IssuerLevel,
  type Outcome,
} from './vocabulary';

export interface Text {
  readonly zh: string;
  readonly en: string;
}

/** Problem with one value of one row, with its fix. */
export interface RowIssue {
  readonly row: number;
  readonly column: ColumnKey | '(row)';
  readonly value: string;
  readonly message: Text;
}

/** Origin of a listing level, most explicit first. */
export type LevelSource = 'listing_level' | 'supervising_body' | 'issuer_level' | 'jurisdiction';

/** One valid row, with every value parsed and every gap decision recorded in `notes`. */
export interface ParsedRow {
  readonly row: number;
  readonly caseNumber?: string;
  readonly noticeId: string;
  readonly documentNumber?: string;
  readonly noticeYear?: number;
  readonly url?: string;
  readonly outcome: Outcome;
  readonly jurisdictionCode: string;
  readonly regionAsStated: string;
  /** Towns, subdistricts or development zones the region names below its GB/T 2260 division. */
  readonly below: readonly string[];
  readonly placeType: PlaceType;
  readonly placeTypeAsStated: string;
  readonly isArea: boolean;
  readonly unitName: string;
  readonly creditCode: string | null;
  readonly address?: string;
  readonly hazards: readonly string[];
  readonly basis?: string;
  readonly supervisingBody?: string;
  /** Listing level, when the row states or implies one; see `levelSource`. */
  readonly listingLevel?: ListingLevel;
  readonly levelSource?: LevelSource;
  readonly listedOn?: PartialDate;
  readonly closedOn?: PartialDate;
  readonly deadline?: { readonly date: string; readonly asStated: string };
  /** Earliest date the row states: the listing date, else 1 January of the notice year. */
  readonly referenceDate: { readonly date: string; readonly precision: DatePrecision };
  readonly notes: readonly Text[];
}

export interface RowContext {
  /** Today in China, YYYY-MM-DD: dates after it are rejected. */
  readonly today: string;
  readonly index?: DivisionIndex;
}

const MAX_TEXT = 500;
const MAX_UNIT_NAME = 200;
const HAZARD_SEPARATOR = /\s*[|｜；;\n]\s*/;

/** Parses and checks one row; returns the parsed row or every issue found in it. */
export function parseRow(source: SourceRow, context: RowContext): { row: ParsedRow } | { issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const notes: Text[] = [];
  const value = (key: ColumnKey): string => (source.values[key] ?? '').trim();
  const fail = (column: ColumnKey | '(row)', zh: string, en: string) =>
    issues.push({ row: source.row, column, value: column === '(row)' ? '' : value(column), message: { zh, en } });
  const index = context.index ?? divisionIndex();

  for (const [column, text] of Object.entries(source.values) as [ColumnKey, string | undefined][]) {
    // Line breaks stay allowed, because hazard lists are split on them.
    if (text !== undefined && (isUnstorable(text) || hasControlCharacter(text, true))) {
      fail(
        column,
        '含有控制字符或无效的 Unicode 字符（如 NUL）：请删除后重新导入',
        'contains a control character or invalid Unicode (such as NUL): remove it and import again',
      );
    }
  }

  const unitName = value('unit');
  if (unitName === '')
    fail('unit', '单位名称为空：请填写责任单位或区域的名称', 'unit is empty: give the name of the unit or area');
  else if (unitName.length > MAX_UNIT_NAME)
    fail('unit', `单位名称超过 ${MAX_UNIT_NAME} 字`, `unit is longer than ${MAX_UNIT_NAME} characters`);

  const noticeId = value('notice_id') || value('document_number');
  if (noticeId === '')
    fail(
      'notice_id',
      '通知编号和文号均为空：请至少填写其一，以便追溯来源',
      'notice_id and document_number are both empty: give one, so the case can be traced to its source',
    );

  const caseNumber = value('case_number');
  if (caseNumber !== '' && !isCaseNumber(caseNumber))
    fail(
      'case_number',
      '案件编号只能含字母、数字、“-”“_”“.”，3 至 64 位；留空则自动生成',
      'case_number may hold only letters, digits, "-", "_" and ".", 3 to 64 long; leave it empty to have one made',
    );

  const outcome = parseOutcome(value('outcome'));
  if (!outcome) fail('outcome', `状态须为：${OUTCOMES.join('、')}`, `outcome must be one of: ${OUTCOMES.join(', ')}`);

  const place = parsePlaceType(value('place_type'));
  if (!place)
    fail(
      'place_type',
      `无法识别的场所类型；可用值：${ACCEPTED_PLACE_TYPES.join('、')}，或场所类型的中文名称`,
      `unknown place type; use one of: ${ACCEPTED_PLACE_TYPES.join(', ')}`,
    );

  let issuer: IssuerLevel | undefined;
  if (value('issuer_level') !== '') {
    issuer = parseIssuerLevel(value('issuer_level'));
    if (!issuer)
      fail(
        'issuer_level',
        `发文机关级别须为：${ISSUER_LEVELS.join('、')}`,
        `issuer_level must be one of: ${ISSUER_LEVELS.join(', ')}`,
      );
  }

  let explicitLevel: ListingLevel | undefined;
  if (value('listing_level') !== '') {
    explicitLevel = parseListingLevel(value('listing_level'));
    if (!explicitLevel)
      fail(
        'listing_level',
        '挂牌级别须为 county、city、province 或 national（县级、市级、省级、国家级）',
        'listing_level must be county, city, province or national',
      );
  }

  const creditCode = value('credit_code');
  if (creditCode !== '') {
    const problem = checkCreditCode(creditCode.toUpperCase());
    if (problem)
      fail(
        'credit_code',
        '统一社会信用代码无效（应为 18 位且校验位正确）；不掌握时请留空',
        'credit_code is not a valid unified social credit code (18 characters with a correct check character); leave it empty if unknown',
      );
  }

  const jurisdiction = resolveJurisdiction(value('region'), value('jurisdiction_code'), index);
  if ('issue' in jurisdiction) fail(jurisdiction.column, jurisdiction.issue.zh, jurisdiction.issue.en);
  else notes.push(...jurisdiction.notes);

  const noticeYear = parseYear(value('notice_year'), context.today);
  if (noticeYear === null)
    fail(
      'notice_year',
      `通知年份须为 1949 至 ${context.today.slice(0, 4)} 之间的四位年份`,
      `notice_year must be a four-digit year from 1949 to ${context.today.slice(0, 4)}`,
    );

  const listedOn = parseDateColumn('listed_on', value('listed_on'), context.today, fail);
  const closedOn = parseDateColumn('closed_on', value('closed_on'), context.today, fail);
  if (listedOn?.precision === 'month')
    notes.push({
      zh: `挂牌日期只记载到月（${formatPartialDate(listedOn)}），按当月 1 日计`,
      en: `listed_on gives only the month (${formatPartialDate(listedOn)}), so the 1st of that month is used`,
    });
  if (closedOn && closedOn.precision !== 'day')
    notes.push({
      zh: `销案日期只记载到${closedOn.precision === 'month' ? '月' : '年'}，按该期间最后一日计`,
      en: `closed_on gives only the ${closedOn.precision}, so the last day of that period is used`,
    });

  const referenceDate = listedOn
    ? { date: firstDay(listedOn), precision: listedOn.precision }
    : noticeYear
      ? { date: `${noticeYear}-01-01`, precision: 'year' as const }
      : undefined;
  if (!referenceDate && value('notice_year') === '' && value('listed_on') === '')
    fail(
      '(row)',
      '该行没有任何年份（通知年份、挂牌日期均为空），无法确定案件所属时期：请补填 notice_year 或 listed_on',
      'the row states no year (notice_year and listed_on are empty), so the case cannot be placed in time: fill in notice_year or listed_on',
    );
  if (!listedOn && noticeYear)
    notes.push({
      zh: `未记载挂牌日期，发现日期按通知年份 ${noticeYear} 年 1 月 1 日计`,
      en: `listed_on is not stated, so discovered on is taken as 1 January of the notice year ${noticeYear}`,
    });

  const deadline = parseDeadlineColumn(value('deadline'), noticeYear ?? listedOn?.year, fail, notes);
  if (deadline && referenceDate && deadline.date <= referenceDate.date)
    fail(
      'deadline',
      `整改期限 ${deadline.date} 不晚于挂牌（或通知）日期 ${referenceDate.date}：请核对`,
      `deadline ${deadline.date} is not after the listing (or notice) date ${referenceDate.date}: check both`,
    );
  if (closedOn && referenceDate && lastDayOf(closedOn) < referenceDate.date)
    fail(
      'closed_on',
      `销案日期早于挂牌（或通知）日期 ${referenceDate.date}：请核对`,
      `closed_on is before the listing (or notice) date ${referenceDate.date}: check both`,
    );

  const supervisingBody = value('supervising_body');
  const level = listingLevelOf(explicitLevel, supervisingBody, issuer, outcome);

  const hazards = value('hazards')
    .split(HAZARD_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (hazards.some((item) => item.length > MAX_TEXT))
    fail('hazards', `单项隐患超过 ${MAX_TEXT} 字`, `a hazard item is longer than ${MAX_TEXT} characters`);

  if (issues.length > 0 || 'issue' in jurisdiction || !outcome || !place || !referenceDate) return { issues };
  const url = value('source');
  const address = value('address');
  const row: ParsedRow = {
    row: source.row,
    ...(caseNumber ? { caseNumber } : {}),
    noticeId,
    ...(value('document_number') ? { documentNumber: value('document_number') } : {}),
    ...(noticeYear ? { noticeYear } : {}),
    ...(url ? { url } : {}),
    outcome,
    jurisdictionCode: jurisdiction.code,
    regionAsStated: value('region') || value('jurisdiction_code'),
    below: jurisdiction.below,
    placeType: place.type,
    placeTypeAsStated: value('place_type'),
    isArea: place.area || /^key area\b|区域|片区/i.test(unitName),
    unitName,
    creditCode: creditCode === '' ? null : creditCode.toUpperCase(),
    ...(address ? { address } : {}),
    hazards,
    ...(value('basis') ? { basis: value('basis') } : {}),
    ...(supervisingBody ? { supervisingBody } : {}),
    ...(level ? { listingLevel: level.level, levelSource: level.source } : {}),
    ...(listedOn ? { listedOn } : {}),
    ...(closedOn ? { closedOn } : {}),
    ...(deadline ? { deadline } : {}),
    referenceDate,
    notes,
  };
  return { row };
}

function parseYear(raw: string, today: string): number | undefined | null {
  if (raw === '') return undefined;
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 1949 || year > Number(today.slice(0, 4))) return null;
  return year;
}

function lastDayOf(date: PartialDate): string {
  if (date.precision === 'day') return firstDay(date);
  const month = date.month ?? 12;
  return `${date.year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(date.year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

function parseDateColumn(
  column: 'listed_on' | 'closed_on',
  raw: string,
  today: string,
  fail: (column: ColumnKey, zh: string, en: string) => void,
): PartialDate | undefined {
  if (raw === '') return undefined;
  const date = parsePartialDate(raw);
  if (!date) {
    fail(
      column,
      `${COLUMNS[column].zh}无法识别：请写作 YYYY-MM-DD，只知月份时写 YYYY-MM`,
      `${column} is not a date: write YYYY-MM-DD, or YYYY-MM when only the month is known`,
    );
    return undefined;
  }
  if (firstDay(date) > today) {
    fail(column, `${COLUMNS[column].zh}晚于今天（${today}）`, `${column} is after today (${today})`);
    return undefined;
  }
  return date;
}

function parseDeadlineColumn(
  raw: string,
  year: number | undefined,
  fail: (column: ColumnKey, zh: string, en: string) => void,
  notes: Text[],
): { date: string; asStated: string } | undefined {
  if (raw === '') return undefined;
  const reading = readDeadline(raw);
  if (reading.kind === 'invalid') {
    fail(
      'deadline',
      '整改期限无法识别：请写作 YYYY-MM-DD、YYYY-MM（当月底）或“2021年底”“year end (2021)”',
      'deadline is not understood: write YYYY-MM-DD, YYYY-MM (end of that month) or "year end (2021)"',
    );
    return undefined;
  }
  if (reading.kind === 'needs_year') {
    if (year === undefined) {
      fail(
        'deadline',
        '整改期限未写年份，且该行没有通知年份或挂牌日期可供推定：请写明年份',
        'deadline names no year, and the row has no notice_year or listed_on to take it from: add the year',
      );
      return undefined;
    }
    const date = deadlineInYear(reading, year);
    notes.push({
      zh: `整改期限“${raw}”未写年份，按通知年份取 ${date}`,
      en: `deadline "${raw}" names no year, so the notice year gives ${date}`,
    });
    return { date, asStated: raw };
  }
  if (reading.rule !== 'date')
    notes.push({
      zh: `整改期限“${raw}”按所指期间的最后一日 ${reading.date} 计`,
      en: `deadline "${raw}" is read as the last day of the period it names, ${reading.date}`,
    });
  return { date: reading.date, asStated: raw };
}

/**
 * Chooses the listing level: the listing_level column, else the level the supervising body names,
 * else the issuer's (for rows that record a listing), else none. An exposure or an unknown outcome
 * implies no listing, so only an explicit level or supervising body gives such a row one.
 */
function listingLevelOf(
  explicit: ListingLevel | undefined,
  supervisingBody: string,
  issuer: IssuerLevel | undefined,
  outcome: Outcome | undefined,
): { level: ListingLevel; source: LevelSource } | undefined {
  if (explicit) return { level: explicit, source: 'listing_level' };
  const named = supervisingBody ? levelNamedIn(supervisingBody) : undefined;
  if (named) return { level: named, source: 'supervising_body' };
  if (outcome === 'exposed' || outcome === 'unknown') return undefined;
  const fromIssuer = issuer ? issuerListingLevel(issuer) : undefined;
  if (fromIssuer) return { level: fromIssuer, source: 'issuer_level' };
  return undefined;
}

type JurisdictionResult =
  { code: string; below: readonly string[]; notes: readonly Text[] } | { column: ColumnKey; issue: Text };

function resolveJurisdiction(region: string, code: string, index: DivisionIndex): JurisdictionResult {
  if (code !== '') {
    if (!isJurisdictionCode(code) || !index.get(code))
      return {
        column: 'jurisdiction_code',
        issue: {
          zh: `行政区划代码 ${code} 不是现行的 GB/T 2260 区划代码：请核对，或留空并填写地区名称`,
          en: `jurisdiction_code ${code} is not a current GB/T 2260 division code: check it, or leave it empty and fill in region`,
        },
      };
    return { code, below: [], notes: [] };
  }
  if (region === '')
    return {
      column: 'region',
      issue: {
        zh: '地区为空：请填写“省; 市; 区县”或行政区划代码',
        en: 'region is empty: write "province; city; county" or fill in jurisdiction_code',
      },
    };
  const result = mapRegion(region, index);
  if (result.ok) return { code: result.match.code, below: result.match.below, notes: result.match.notes };
  return { column: 'region', issue: regionIssue(region, result.reason) };
}

function regionIssue(region: string, reason: RegionError): Text {
  switch (reason.kind) {
    case 'empty':
      return { zh: '地区为空', en: 'region is empty' };
    case 'unknown_part':
      return {
        zh: `地区“${region}”中的“${reason.part}”${reason.within ? `不是${reason.within}下辖的区划` : '不是省级区划'}：请按“省; 市; 区县”逐级填写，或填写 jurisdiction_code`,
        en: `"${reason.part}" in region "${region}" is not a division ${reason.within ? `of ${reason.within}` : 'at province level'}: write "province; city; county" level by level, or fill in jurisdiction_code`,
      };
    case 'ambiguous':
      return {
        zh: `地区“${region}”中的“${reason.part}”可对应多个区划（${reason.candidates.join('、')}）：请写明后缀（县、区、市）或填写 jurisdiction_code`,
        en: `"${reason.part}" in region "${region}" matches several divisions (${reason.candidates.join(', ')}): add its suffix (County, District, City) or fill in jurisdiction_code`,
      };
  }
}
