import type { DataSource } from 'typeorm';

import {
  DEFAULT_ESCALATION_POLICY,
  jurisdictionPrefix,
  OFFICIAL_SCHEDULES,
  type EscalationPolicy,
  type ListingLevel,
  type YearSchedule,
} from '@duban/domain';

export interface StoredPolicy {
  readonly policy: EscalationPolicy;
  readonly jurisdictionPrefix: string;
  readonly listingLevel: ListingLevel | null;
  readonly createdAt: Date;
  readonly createdBy: string;
}

/** Holiday schedules and escalation policies that administrators maintain as data. */
export class ConfigurationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns every schedule in force: the built-in official ones, replaced year by year by loaded ones. */
  async schedules(): Promise<YearSchedule[]> {
    const rows = await this.dataSource.query<{ year: number; schedule: YearSchedule }[]>(
      'SELECT year, schedule FROM calendar_years ORDER BY year',
    );
    const byYear = new Map<number, YearSchedule>(OFFICIAL_SCHEDULES.map((schedule) => [schedule.year, schedule]));
    for (const row of rows) byYear.set(row.year, row.schedule);
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  }

  async loadedYears(): Promise<{ year: number; loadedAt: Date; loadedBy: string }[]> {
    const rows = await this.dataSource.query<{ year: number; loaded_at: Date; loaded_by: string }[]>(
      'SELECT year, loaded_at, loaded_by FROM calendar_years ORDER BY year',
    );
    return rows.map((row) => ({ year: row.year, loadedAt: row.loaded_at, loadedBy: row.loaded_by }));
  }

  async saveSchedule(schedule: YearSchedule, loadedBy: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO calendar_years (year, schedule, loaded_at, loaded_by) VALUES ($1, $2, now(), $3)
       ON CONFLICT (year) DO UPDATE SET schedule = EXCLUDED.schedule, loaded_at = EXCLUDED.loaded_at, loaded_by = EXCLUDED.loaded_by`,
      [schedule.year, JSON.stringify(schedule), loadedBy],
    );
  }

  /**
   * Returns the latest version of the most specific policy for a case: the longest jurisdiction prefix
   * that contains it, a policy for its listing level before one for any level, else the default.
   */
  async policyFor(jurisdictionCode: string, listingLevel: ListingLevel | null): Promise<EscalationPolicy> {
    const rows = await this.dataSource.query<{ policy: EscalationPolicy }[]>(
      `SELECT policy FROM escalation_policies
       WHERE $1 LIKE jurisdiction_prefix || '%' AND (listing_level IS NULL OR listing_level = $2)
       ORDER BY length(jurisdiction_prefix) DESC, (listing_level IS NULL), version DESC
       LIMIT 1`,
      [jurisdictionCode, listingLevel],
    );
    return rows[0]?.policy ?? DEFAULT_ESCALATION_POLICY;
  }

  /** Stores a policy as the next version of its id and returns it with that version. */
  async savePolicy(
    policy: Omit<EscalationPolicy, 'version'>,
    scope: { jurisdictionCode: string | null; listingLevel: ListingLevel | null },
    createdBy: string,
  ): Promise<EscalationPolicy> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [policy.id]);
      const [latest] = await manager.query<{ version: number }[]>(
        'SELECT max(version) AS version FROM escalation_policies WHERE id = $1',
        [policy.id],
      );
      const versioned: EscalationPolicy = { ...policy, version: (latest?.version ?? 0) + 1 };
      await manager.query(
        `INSERT INTO escalation_policies (id, version, jurisdiction_prefix, listing_level, policy, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, now(), $6)`,
        [
          versioned.id,
          versioned.version,
          scope.jurisdictionCode ? jurisdictionPrefix(scope.jurisdictionCode) : '',
          scope.listingLevel,
          JSON.stringify(versioned),
          createdBy,
        ],
      );
      return versioned;
    });
  }

  async policies(): Promise<StoredPolicy[]> {
    const rows = await this.dataSource.query<
      {
        policy: EscalationPolicy;
        jurisdiction_prefix: string;
        listing_level: ListingLevel | null;
        created_at: Date;
        created_by: string;
      }[]
    >(
      'SELECT policy, jurisdiction_prefix, listing_level, created_at, created_by FROM escalation_policies ORDER BY id, version',
    );
    return rows.map((row) => ({
      policy: row.policy,
      jurisdictionPrefix: row.jurisdiction_prefix,
      listingLevel: row.listing_level,
      createdAt: row.created_at,
      createdBy: row.created_by,
    }));
  }

  /** Case numbers of open cases with a running provisional clock, which a new schedule may change. */
  async casesWithProvisionalClocks(): Promise<string[]> {
    const rows = await this.dataSource.query<{ case_number: string }[]>(
      `SELECT case_number FROM hazard_cases
       WHERE stage NOT IN ('delisted', 'not_major', 'excluded', 'withdrawn')
         AND jsonb_path_exists(state, '$.clocks.* ? (@.provisional == true && @.status == "running")')`,
    );
    return rows.map((row) => row.case_number);
  }
}
