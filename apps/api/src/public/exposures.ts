import type { DataSource } from 'typeorm';

import { PLACE_TYPE_LABELS, STAGE_LABELS, type CaseState, type PlaceType } from '@duban/domain';
import { divisionIndex } from '@duban/import';

/**
 * One exposed hazard as the public page shows it. It names the unit, the place and the hazards, as exposure
 * notices do, and leaves out everything about people: no credit code (a sole trader's identifies a
 * person), responsible person, attendee, actor or contact.
 */
export interface PublicExposure {
  readonly caseNumber: string;
  readonly unitName: string;
  readonly address: string;
  readonly area: string;
  readonly placeType: { readonly code: PlaceType; readonly zh: string };
  readonly hazards: readonly string[];
  readonly deadline: string | null;
  readonly status: { readonly zh: string; readonly en: string };
  readonly overdue: boolean;
  readonly publishedOn: string | null;
}

/** Most entries the page shows; exposures are few, so this only bounds a runaway. */
export const MAX_PUBLIC_EXPOSURES = 1000;

interface Row {
  case_number: string;
  unit_name: string;
  address: string;
  jurisdiction_code: string;
  place_type: PlaceType;
  deadline: string | null;
  overdue: boolean;
  stage: CaseState['stage'];
  hazard_items: { description: string }[];
  /** China date of publication. */
  published_on: string | null;
}

/** Reads the cases whose exposure is published (not yet taken down), newest publication first. */
export async function listPublishedExposures(dataSource: DataSource): Promise<PublicExposure[]> {
  const rows: Row[] = await dataSource.query(
    `SELECT c.case_number, c.unit_name, c.address, c.jurisdiction_code, c.place_type, c.deadline::text AS deadline,
            c.overdue, c.stage, c.hazard_items,
            to_char(x.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS published_on
       FROM case_exposures x
       JOIN hazard_cases c ON c.case_number = x.case_number
      WHERE x.status = 'published'
      ORDER BY x.published_at DESC NULLS LAST, x.case_number
      LIMIT ${MAX_PUBLIC_EXPOSURES}`,
  );
  const index = divisionIndex();
  return rows.map((row) => ({
    caseNumber: row.case_number,
    unitName: row.unit_name,
    address: row.address,
    area: index.fullName(row.jurisdiction_code) || row.jurisdiction_code,
    placeType: { code: row.place_type, zh: PLACE_TYPE_LABELS[row.place_type] },
    hazards: row.hazard_items.map((item) => item.description),
    deadline: row.deadline,
    status: STAGE_LABELS[row.stage],
    overdue: row.overdue,
    publishedOn: row.published_on,
  }));
}
