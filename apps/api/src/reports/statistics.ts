import type { DataSource } from 'typeorm';

import { ENDED_ON_SQL, scopeWhere } from './case-rows';
import type { ReportScope } from './report-scope';

/** Stages in which a case still owes its rectification. */
const OPEN_STAGES = [
  'discovered',
  'determination',
  'notice_served',
  'reported',
  'listed',
  'rectifying',
  'reinspection',
  'suspended',
];

export interface Statistics {
  readonly jurisdiction: string;
  readonly from: string;
  readonly to: string;
  /** Cases active in the period: discovered by its end and not ended before its start. */
  readonly total: number;
  readonly byStage: Record<string, number>;
  /** Listing level in force, else the level an imported record states, else `none`. */
  readonly byListingLevel: Record<string, number>;
  readonly byPlaceType: Record<string, number>;
  /** By the division one level below the requested one (a county counts itself). */
  readonly byJurisdiction: Record<string, number>;
  /** Open cases past their rectification deadline. */
  readonly overdue: number;
  readonly closure: {
    /** Cases whose rectification ended in the period with a deadline to measure against. */
    readonly closedWithDeadline: number;
    readonly closedOnTime: number;
    /** closedOnTime / closedWithDeadline, or null when nothing closed with a deadline. */
    readonly onTimeRate: number | null;
    /** Closed in the period without a deadline (imported records that state none). */
    readonly closedWithoutDeadline: number;
  };
  /**
   * Escalations sent to leaders in the period, by kind, and how many still wait for acknowledgement
   * (not those an extended deadline or the closure superseded).
   */
  readonly escalations: { readonly sent: Record<string, number>; readonly unacknowledged: Record<string, number> };
  /** Interviews (约谈) held in the period. */
  readonly interviewsHeld: number;
  /** Per month of the period: cases discovered and cases whose rectification ended. */
  readonly monthly: readonly { readonly month: string; readonly discovered: number; readonly ended: number }[];
}

/** Computes the statistics of a jurisdiction and period in PostgreSQL, one query per figure group. */
export async function computeStatistics(dataSource: DataSource, scope: ReportScope): Promise<Statistics> {
  const active = scopeWhere(scope, false);
  const ended = scopeWhere(scope, true);
  const childLength = scope.prefix.length === 2 ? 4 : 6;
  const grouped = async (expression: string): Promise<Record<string, number>> => {
    const rows: { key: string; count: string }[] = await dataSource.query(
      `SELECT ${expression} AS key, count(*) AS count FROM hazard_cases c WHERE ${active.sql} GROUP BY 1 ORDER BY 1`,
      active.parameters,
    );
    return Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]));
  };

  const byStage = await grouped('c.stage');
  const byListingLevel = await grouped(
    `COALESCE(c.listing_level, c.state->'opening'->'source'->'listingAsStated'->>'level', 'none')`,
  );
  const byPlaceType = await grouped('c.place_type');
  const byJurisdiction = await grouped(`rpad(substr(c.jurisdiction_code, 1, ${childLength}), 6, '0')`);
  const total = Object.values(byStage).reduce((sum, count) => sum + count, 0);

  const [overdue] = await dataSource.query<{ count: string }[]>(
    `SELECT count(*) AS count FROM hazard_cases c WHERE ${active.sql} AND c.overdue AND c.stage = ANY($4)`,
    [...active.parameters, OPEN_STAGES],
  );

  const [closure] = await dataSource.query<{ with_deadline: string; on_time: string; without_deadline: string }[]>(
    `SELECT count(*) FILTER (WHERE c.deadline IS NOT NULL) AS with_deadline,
            count(*) FILTER (WHERE c.deadline IS NOT NULL AND ${ENDED_ON_SQL} <= c.deadline) AS on_time,
            count(*) FILTER (WHERE c.deadline IS NULL) AS without_deadline
       FROM hazard_cases c WHERE ${ended.sql} AND c.stage IN ('closed', 'delisted')`,
    ended.parameters,
  );

  const monthly: { month: string; discovered: string; ended: string }[] = await dataSource.query(
    `WITH months AS (
       SELECT to_char(m, 'YYYY-MM') AS month
         FROM generate_series(date_trunc('month', $2::date), date_trunc('month', $3::date), interval '1 month') AS m
     ), scoped AS (
       SELECT to_char(c.discovered_on, 'YYYY-MM') AS discovered_month, to_char(${ENDED_ON_SQL}, 'YYYY-MM') AS ended_month
         FROM hazard_cases c
        WHERE c.jurisdiction_code LIKE $1 AND (c.discovered_on BETWEEN $2::date AND $3::date
              OR ${ENDED_ON_SQL} BETWEEN $2::date AND $3::date)
     )
     SELECT months.month,
            (SELECT count(*) FROM scoped WHERE discovered_month = months.month) AS discovered,
            (SELECT count(*) FROM scoped WHERE ended_month = months.month) AS ended
       FROM months ORDER BY months.month`,
    active.parameters,
  );

  const escalations: { kind: string; sent: string; unacknowledged: string }[] = await dataSource.query(
    `SELECT e.kind, count(*) AS sent, count(*) FILTER (WHERE e.acknowledged_at IS NULL AND e.superseded_at IS NULL) AS unacknowledged
       FROM case_escalations e JOIN hazard_cases c ON c.case_number = e.case_number
      WHERE c.jurisdiction_code LIKE $1 AND (e.sent_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date
      GROUP BY e.kind ORDER BY e.kind`,
    active.parameters,
  );
  const [interviews] = await dataSource.query<{ count: string }[]>(
    `SELECT count(*) AS count
       FROM case_interviews i JOIN hazard_cases c ON c.case_number = i.case_number
      WHERE c.jurisdiction_code LIKE $1 AND i.held_on BETWEEN $2::date AND $3::date`,
    active.parameters,
  );

  const withDeadline = Number(closure?.with_deadline ?? 0);
  const onTime = Number(closure?.on_time ?? 0);
  return {
    jurisdiction: scope.jurisdictionCode,
    from: scope.from,
    to: scope.to,
    total,
    byStage,
    byListingLevel,
    byPlaceType,
    byJurisdiction,
    overdue: Number(overdue?.count ?? 0),
    closure: {
      closedWithDeadline: withDeadline,
      closedOnTime: onTime,
      onTimeRate: withDeadline === 0 ? null : Math.round((onTime / withDeadline) * 1000) / 1000,
      closedWithoutDeadline: Number(closure?.without_deadline ?? 0),
    },
    escalations: {
      sent: Object.fromEntries(escalations.map((row) => [row.kind, Number(row.sent)])),
      unacknowledged: Object.fromEntries(escalations.map((row) => [row.kind, Number(row.unacknowledged)])),
    },
    interviewsHeld: Number(interviews?.count ?? 0),
    monthly: monthly.map((row) => ({ month: row.month, discovered: Number(row.discovered), ended: Number(row.ended) })),
  };
}
