import type { DataSource } from 'typeorm';

import type { CaseState, HazardItem, ListingLevel, PlaceType } from '@duban/domain';

import type { ReportScope } from './report-scope';

/** One case as the reports read it from the read model. */
export interface ReportCase {
  readonly caseNumber: string;
  readonly stage: CaseState['stage'];
  readonly jurisdictionCode: string;
  readonly placeType: PlaceType;
  readonly address: string;
  readonly unitName: string;
  readonly unitCreditCode: string | null;
  readonly discoveredOn: string;
  readonly hazardItems: HazardItem[];
  readonly listingLevel: ListingLevel | null;
  readonly deadline: string | null;
  readonly overdue: boolean;
  readonly imported: boolean;
  /** China date the case's rectification ended (closure, else delisting, else withdrawal), or null while it runs. */
  readonly endedOn: string | null;
  readonly state: CaseState;
}

/** Rows per keyset batch: large enough to keep round trips few, small enough to keep memory flat. */
export const REPORT_BATCH_SIZE = 500;

/**
 * China date a case's rectification ended: its closure (销案), else its delisting, else its
 * withdrawal. The projection stores it in an indexed column, which the exports and the statistics share.
 */
export const ENDED_ON_SQL = 'c.ended_on';

/**
 * Builds the condition on the cases a report covers: in the jurisdiction or below it, and active in the period, meaning
 * discovered on or before its last day and not ended before its first. `ended` restricts the results
 * list to cases whose rectification ended within the period.
 */
export function scopeWhere(
  scope: ReportScope,
  ended: boolean,
  firstParameter = 1,
): { sql: string; parameters: string[] } {
  const p = (offset: number) => `$${firstParameter + offset}`;
  const active = ended
    ? `${ENDED_ON_SQL} BETWEEN ${p(1)}::date AND ${p(2)}::date`
    : `c.discovered_on <= ${p(2)}::date AND (${ENDED_ON_SQL} IS NULL OR ${ENDED_ON_SQL} >= ${p(1)}::date)`;
  return {
    sql: `c.jurisdiction_code LIKE ${p(0)} AND ${active}`,
    parameters: [`${scope.prefix}%`, scope.from, scope.to],
  };
}

interface RawCaseRow {
  case_number: string;
  stage: CaseState['stage'];
  jurisdiction_code: string;
  place_type: PlaceType;
  address: string;
  unit_name: string;
  unit_credit_code: string | null;
  discovered_on: string;
  hazard_items: HazardItem[];
  listing_level: ListingLevel | null;
  deadline: string | null;
  overdue: boolean;
  imported: boolean;
  ended_on: string | null;
  state: CaseState;
}

/**
 * Streams the cases of a report in case-number order, REPORT_BATCH_SIZE at a time by keyset
 * pagination, so an export of any size keeps only one batch in memory.
 */
export async function* streamReportCases(
  dataSource: DataSource,
  scope: ReportScope,
  options: { readonly ended: boolean },
): AsyncGenerator<ReportCase> {
  const where = scopeWhere(scope, options.ended, 2);
  let after = '';
  for (;;) {
    const rows: RawCaseRow[] = await dataSource.query(
      `SELECT c.case_number, c.stage, c.jurisdiction_code, c.place_type, c.address, c.unit_name, c.unit_credit_code,
              c.discovered_on, c.hazard_items, c.listing_level, c.deadline, c.overdue, c.imported, c.state,
              ${ENDED_ON_SQL}::text AS ended_on
         FROM hazard_cases c
        WHERE c.case_number > $1 AND ${where.sql}
        ORDER BY c.case_number
        LIMIT ${REPORT_BATCH_SIZE}`,
      [after, ...where.parameters],
    );
    for (const row of rows) {
      yield {
        caseNumber: row.case_number,
        stage: row.stage,
        jurisdictionCode: row.jurisdiction_code,
        placeType: row.place_type,
        address: row.address,
        unitName: row.unit_name,
        unitCreditCode: row.unit_credit_code,
        discoveredOn: row.discovered_on,
        hazardItems: row.hazard_items,
        listingLevel: row.listing_level,
        deadline: row.deadline,
        overdue: row.overdue,
        imported: row.imported,
        endedOn: row.ended_on,
        state: row.state,
      };
    }
    const last = rows[rows.length - 1];
    if (rows.length < REPORT_BATCH_SIZE || !last) return;
    after = last.case_number;
  }
}
