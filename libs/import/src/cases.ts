import { createHash } from 'node:crypto';

import {
  canonicalJson,
  LISTING_LEVELS,
  LISTING_LEVEL_LABELS,
  type CaseImport,
  type CaseOpening,
  type Government,
  type ImportStage,
  type ListingLevel,
  type SourceGap,
  type SourceRecord,
} from '@duban/domain';

import { lastDay } from './dates';
import { divisionIndex, type DivisionIndex } from './regions';
import type { ParsedRow, RowIssue, Text } from './rows';

/** One case an import starts: the rows it comes from, its opening and the historic record. */
export interface ImportedCase {
  readonly caseNumber: string;
  readonly rows: readonly number[];
  readonly opening: CaseOpening;
  readonly record: CaseImport;
  /** SHA-256 of the canonical opening and record: the same rows give the same hash on every import. */
  readonly openingHash: string;
  readonly stage: ImportStage;
}

/** Prefix of the case numbers the import makes. */
export const IMPORTED_CASE_PREFIX = 'IMP';

const NATIONAL_GOVERNMENT = '国务院安全生产委员会办公室';

/**
 * Groups rows into cases and builds each case. Rows that name the same unit are one hazard case: the
 * same credit code, else the same unit name in the same jurisdiction (or the same case_number when
 * the file gives one). A unit listed in several notices thus becomes one case that keeps every
 * notice. Rows of one case that disagree on the jurisdiction are returned as issues.
 */
export function buildCases(
  rows: readonly ParsedRow[],
  index: DivisionIndex = divisionIndex(),
): { cases: ImportedCase[]; issues: RowIssue[] } {
  const groups = new Map<string, ParsedRow[]>();
  const issues: RowIssue[] = [];
  for (const row of rows) {
    const key = caseNumberOf(row);
    const group = groups.get(key) ?? [];
    const first = group[0];
    if (first && first.jurisdictionCode !== row.jurisdictionCode) {
      issues.push({
        row: row.row,
        column: row.caseNumber ? 'case_number' : 'credit_code',
        value: row.caseNumber ?? row.creditCode ?? '',
        message: {
          zh: `与第 ${first.row} 行属同一案件，但区划不同（${first.jurisdictionCode} 与 ${row.jurisdictionCode}）：请核对地区或编号`,
          en: `belongs to the same case as row ${first.row} but names another jurisdiction (${first.jurisdictionCode}, not ${row.jurisdictionCode}): check the region or the number`,
        },
      });
      continue;
    }
    group.push(row);
    groups.set(key, group);
  }
  const cases = [...groups.entries()].map(([caseNumber, group]) => buildCase(caseNumber, group, index));
  return { cases, issues };
}

/** Derives the case number of a row: its case_number, else a hash of the unit's credit code, or of its name and jurisdiction. */
export function caseNumberOf(row: ParsedRow): string {
  if (row.caseNumber) return row.caseNumber;
  const identity = row.creditCode ?? `${row.jurisdictionCode}|${normaliseName(row.unitName)}`;
  const digest = createHash('sha256').update(identity).digest('hex').slice(0, 10).toUpperCase();
  return `${IMPORTED_CASE_PREFIX}-${row.jurisdictionCode}-${digest}`;
}

function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Orders the rows of a case by notice year, then by row: the last row is the latest word on the case. */
function chronological(rows: readonly ParsedRow[]): ParsedRow[] {
  return [...rows].sort(
    (a, b) => (a.noticeYear ?? a.listedOn?.year ?? 0) - (b.noticeYear ?? b.listedOn?.year ?? 0) || a.row - b.row,
  );
}

function buildCase(caseNumber: string, group: readonly ParsedRow[], index: DivisionIndex): ImportedCase {
  const rows = chronological(group);
  const latest = rows[rows.length - 1] as ParsedRow;
  const earliest = rows.reduce((a, b) => (b.referenceDate.date < a.referenceDate.date ? b : a));
  const notes: Text[] = [];
  for (const row of rows) for (const note of row.notes) if (!notes.some((n) => n.en === note.en)) notes.push(note);
  if (rows.length > 1) {
    notes.push({
      zh: `同一单位见于 ${rows.length} 份通知（${rows.map((r) => r.noticeId).join('、')}），合并为一个案件，以最新通知的状态为准`,
      en: `The same unit appears in ${rows.length} notices (${rows.map((r) => r.noticeId).join(', ')}), so they form one case whose status is the latest notice's`,
    });
  }

  const listed = rows.filter((row) => row.listingLevel !== undefined);
  const highest = listed.reduce<ParsedRow | undefined>(
    (best, row) =>
      !best ||
      LISTING_LEVELS.indexOf(row.listingLevel as ListingLevel) >
        LISTING_LEVELS.indexOf(best.listingLevel as ListingLevel)
        ? row
        : best,
    undefined,
  );
  let level = highest?.listingLevel;
  if (!level && (latest.outcome === 'listed' || latest.outcome === 'extended' || latest.outcome === 'closed')) {
    level = ownLevel(latest.jurisdictionCode, index);
    notes.push({
      zh: `记载未说明挂牌级别，按单位所在区划的级别取${LISTING_LEVEL_LABELS[level]}`,
      en: `The record does not state the listing level, so the level of the unit's own jurisdiction (${level}) is used`,
    });
  }
  const government = level ? governmentAt(level, latest.jurisdictionCode, index, notes) : undefined;

  const listedRow = rows.find((row) => row.listedOn) ?? earliest;
  const listedOn = listedRow.referenceDate.date;
  const deadlineRow = [...rows].reverse().find((row) => row.deadline);
  const deadline = deadlineRow?.deadline?.date;
  const closedOn = latest.closedOn ? lastDay(latest.closedOn) : undefined;
  const documentNumber = (highest ?? latest).documentNumber ?? (highest ?? latest).noticeId;
  const supervisingBody = (highest ?? latest).supervisingBody ?? '';

  const gaps: SourceGap[] = [];
  if (rows.every((row) => row.creditCode === null)) gaps.push('credit_code');
  const hazards = [...new Set(rows.flatMap((row) => row.hazards))];
  if (hazards.length === 0) gaps.push('hazard_items');
  const address = rows.find((row) => row.address)?.address;
  if (!address) gaps.push('address');
  if (!rows.some((row) => row.listedOn)) gaps.push('listed_on');
  if (!deadline) gaps.push('deadline');
  if (latest.outcome === 'closed' && !closedOn) gaps.push('closed_on');
  gaps.push('responsible_person');
  if (!supervisingBody) gaps.push('supervising_department');

  const stageChoice = chooseStage(latest, level, government, deadline, notes);
  const source = rows.map((row) => [row.noticeId, row.url].filter(Boolean).join(' ')).join('; ');
  const listing =
    stageChoice.withListing && level && government && deadline
      ? {
          documentNumber,
          listedOn,
          level,
          government,
          responsiblePerson: '',
          supervisingDepartment: supervisingBody,
          deadline,
          reportingIntervalMonths: 0,
        }
      : undefined;
  const record: CaseImport = {
    stage: stageChoice.stage,
    ...(listing ? { listing } : {}),
    ...(stageChoice.stage === 'reported'
      ? {
          report: {
            reportedOn: listedOn,
            government:
              government ??
              governmentAt(ownLevel(latest.jurisdictionCode, index), latest.jurisdictionCode, index, notes),
          },
        }
      : {}),
    ...(closedOn && (stageChoice.stage === 'closed' || stageChoice.stage === 'delisted') ? { closedOn } : {}),
    ...(closedOn && stageChoice.stage === 'delisted' ? { delistedOn: closedOn } : {}),
    source,
  };

  const sourceRecord: SourceRecord = {
    notices: rows.map((row) => ({
      noticeId: row.noticeId,
      ...(row.noticeYear ? { year: row.noticeYear } : {}),
      ...(row.url ? { url: row.url } : {}),
      outcome: row.outcome,
      row: row.row,
    })),
    gaps,
    regionAsStated: latest.regionAsStated,
    placeTypeAsStated: latest.placeTypeAsStated,
    isArea: rows.some((row) => row.isArea),
    discoveredOnPrecision: earliest.referenceDate.precision,
    ...(!listing && level && government
      ? {
          listingAsStated: {
            level,
            governmentCode: government.jurisdictionCode,
            listedOn,
            ...(supervisingBody ? { supervisingBody } : {}),
          },
        }
      : {}),
    notes,
  };
  const addressText = address ?? [index.fullName(latest.jurisdictionCode), ...latest.below].join(' ');
  const opening: CaseOpening = {
    caseNumber,
    responsibleUnit: { name: latest.unitName, creditCode: rows.find((row) => row.creditCode)?.creditCode ?? null },
    jurisdictionCode: latest.jurisdictionCode,
    placeType: latest.placeType,
    address: addressText,
    discoveredOn: earliest.referenceDate.date,
    // Every major hazard is determined after a fire supervision inspection, whatever notice later lists it.
    discoverySource: 'inspection',
    hazardItems: hazards.map((description) => ({ description })),
    source: sourceRecord,
  };
  const openingHash = createHash('sha256').update(canonicalJson({ opening, record })).digest('hex');
  return {
    caseNumber,
    rows: rows.map((row) => row.row).sort((a, b) => a - b),
    opening,
    record,
    openingHash,
    stage: record.stage,
  };
}

/**
 * Chooses the stage a record supports. A closed outcome with a listing is delisted, because the notices
 * that report closure are the listing government's; without a listing it is closed. Any other outcome
 * is listed when the record gives a listing level and a deadline. A listed case in Duban always has the
 * deadline its clocks run to, so without one the case waits at `reported` for the listing government
 * to enter the listing with its deadline.
 */
function chooseStage(
  latest: ParsedRow,
  level: ListingLevel | undefined,
  government: Government | undefined,
  deadline: string | undefined,
  notes: Text[],
): { stage: ImportStage; withListing: boolean } {
  if (latest.outcome === 'closed') {
    if (!level) return { stage: 'closed', withListing: false };
    return { stage: 'delisted', withListing: deadline !== undefined };
  }
  if (latest.outcome === 'extended')
    notes.push({
      zh: '记载为已批准延期；新的整改期限未载明的，沿用原期限或待政府录入',
      en: 'The record reports an approved extension; where the new deadline is not stated, the stated deadline stands or the government enters one',
    });
  if (latest.outcome === 'exposed')
    notes.push({
      zh: '记载为已曝光；该曝光发生在导入之前，未经本系统审批，不在公开曝光页面发布',
      en: 'The record reports a media exposure; it happened before the import without approval in Duban, so the public exposure page does not show it',
    });
  if (level && government && deadline) return { stage: 'listed', withListing: true };
  notes.push(
    level && government
      ? {
          zh: `记载为${government.name}挂牌督办但未载明整改期限，案件处于“已报告政府”阶段，待政府以挂牌命令录入期限`,
          en: `The record says ${government.name} listed the hazard but gives no deadline, so the case waits at "reported" for the government to enter the listing with its deadline`,
        }
      : {
          zh: '记载未说明挂牌，案件处于“已报告政府”阶段，报告对象为所在区划的人民政府',
          en: 'The record names no listing, so the case waits at "reported", reported to the government of its jurisdiction',
        },
  );
  return { stage: 'reported', withListing: false };
}

function ownLevel(code: string, index: DivisionIndex): ListingLevel {
  const level = index.get(code)?.level;
  if (level === 'province' || level === 'city') return level;
  return 'county';
}

/**
 * Finds the government that lists at `level` for a unit in `code`: the division of that level containing
 * the unit. The State Council office has no GB/T 2260 code, so a national listing goes through the
 * province. A record naming a lower level than its region reaches gets the region's own division.
 */
function governmentAt(level: ListingLevel, code: string, index: DivisionIndex, notes: Text[]): Government {
  const wanted = level === 'national' ? 'province' : level;
  let division = index.get(code);
  const ranks = ['province', 'city', 'county'];
  while (division && ranks.indexOf(division.level) > ranks.indexOf(wanted) && division.parentCode) {
    division = index.get(division.parentCode);
  }
  const target = division ?? index.get(code);
  const jurisdictionCode = target?.code ?? code;
  if (level === 'national') {
    notes.push({
      zh: `国务院安委办挂牌的案件，其督办与升级经由${target?.name ?? jurisdictionCode}人民政府（${jurisdictionCode}）`,
      en: `A case listed by the State Council office is supervised and escalated through the government of ${target?.name ?? jurisdictionCode} (${jurisdictionCode})`,
    });
    return { jurisdictionCode, name: NATIONAL_GOVERNMENT };
  }
  return { jurisdictionCode, name: `${target?.name ?? jurisdictionCode}人民政府` };
}
