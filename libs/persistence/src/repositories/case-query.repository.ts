import type { DataSource, SelectQueryBuilder } from 'typeorm';

import type { CaseStage, ListingLevel, PlaceType } from '@duban/domain';

import { CaseEventEntity, HazardCaseEntity, NotificationEntity } from '../entities';

/** Cases a caller may see: a unit its own, everyone else a jurisdiction subtree. */
export type CaseVisibility =
  { readonly unitCreditCode: string } | { readonly jurisdictionPrefix: string } | { readonly none: true };

export type CaseSort = 'opened_desc' | 'deadline_asc';

export interface CaseListFilter {
  readonly stages?: readonly CaseStage[];
  /** GB/T 2260 code prefix of the jurisdiction to list, with everything below it. */
  readonly jurisdictionPrefix?: string;
  readonly listingLevel?: ListingLevel;
  readonly placeType?: PlaceType;
  readonly overdue?: boolean;
  readonly deadlineFrom?: string;
  readonly deadlineTo?: string;
  readonly unitCreditCode?: string;
}

/** Position in the case list: the sort key and case number of the last row of the previous page. */
export interface CaseListPosition {
  readonly key: string | null;
  readonly caseNumber: string;
}

export interface CaseListPage {
  readonly items: HazardCaseEntity[];
  /** Position where the next page starts, or undefined on the last page. */
  readonly next?: CaseListPosition;
}

/** Reads cases, their events and inbox notifications from the read model for the API. */
export class CaseQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `SELECT 1`, so a caller fails fast with the driver's error while PostgreSQL is unreachable. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  async findByCaseNumber(caseNumber: string): Promise<HazardCaseEntity | null> {
    return this.dataSource.getRepository(HazardCaseEntity).findOneBy({ caseNumber });
  }

  /** Lists visible cases matching the filter, by keyset pagination on (sort key, case number). */
  async list(
    visibility: CaseVisibility,
    filter: CaseListFilter,
    sort: CaseSort,
    limit: number,
    after?: CaseListPosition,
  ): Promise<CaseListPage> {
    const query = this.dataSource.getRepository(HazardCaseEntity).createQueryBuilder('c');
    applyVisibility(query, visibility);
    applyFilter(query, filter);
    if (sort === 'opened_desc') {
      query.orderBy('c.opened_at', 'DESC').addOrderBy('c.case_number', 'DESC');
      if (after) {
        query.andWhere('(c.opened_at, c.case_number) < (:key, :caseNumber)', {
          key: after.key,
          caseNumber: after.caseNumber,
        });
      }
    } else {
      // Cases without a deadline sort last; COALESCE gives them a key after every real date.
      query.orderBy(`COALESCE(c.deadline, '9999-12-31')`, 'ASC').addOrderBy('c.case_number', 'ASC');
      if (after) {
        query.andWhere(`(COALESCE(c.deadline, '9999-12-31'), c.case_number) > (:key, :caseNumber)`, {
          key: after.key ?? '9999-12-31',
          caseNumber: after.caseNumber,
        });
      }
    }
    const rows = await query.limit(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    if (rows.length <= limit || last === undefined) return { items };
    const key = sort === 'opened_desc' ? last.openedAt.toISOString() : last.deadline;
    return { items, next: { key, caseNumber: last.caseNumber } };
  }

  /** Counts visible cases matching the filter. */
  async count(visibility: CaseVisibility, filter: CaseListFilter): Promise<number> {
    const query = this.dataSource.getRepository(HazardCaseEntity).createQueryBuilder('c');
    applyVisibility(query, visibility);
    applyFilter(query, filter);
    return query.getCount();
  }

  async events(caseNumber: string): Promise<CaseEventEntity[]> {
    return this.dataSource.getRepository(CaseEventEntity).find({ where: { caseNumber }, order: { sequence: 'ASC' } });
  }

  /**
   * Notifications addressed to a caller, newest first: to its role in its jurisdiction, or to its unit.
   */
  async inbox(
    recipient: { readonly role: string; readonly jurisdictionCode: string } | { readonly unitCreditCode: string },
    limit: number,
    before?: { readonly createdAt: Date; readonly key: string },
  ): Promise<NotificationEntity[]> {
    const query = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n');
    if ('unitCreditCode' in recipient) {
      query.where(`n.recipient_kind = 'unit' AND n.recipient_unit_credit_code = :unit`, {
        unit: recipient.unitCreditCode,
      });
    } else {
      query.where(`n.recipient_kind = 'role' AND n.recipient_role = :role AND n.recipient_jurisdiction_code = :code`, {
        role: recipient.role,
        code: recipient.jurisdictionCode,
      });
    }
    if (before) {
      query.andWhere('(n.created_at, n.key) < (:createdAt, :key)', { createdAt: before.createdAt, key: before.key });
    }
    return query.orderBy('n.created_at', 'DESC').addOrderBy('n.key', 'DESC').limit(limit).getMany();
  }
}

function applyVisibility(query: SelectQueryBuilder<HazardCaseEntity>, visibility: CaseVisibility): void {
  if ('none' in visibility) query.andWhere('false');
  else if ('unitCreditCode' in visibility)
    query.andWhere('c.unit_credit_code = :visibleUnit', { visibleUnit: visibility.unitCreditCode });
  else
    query.andWhere('c.jurisdiction_code LIKE :visiblePrefix', { visiblePrefix: `${visibility.jurisdictionPrefix}%` });
}

function applyFilter(query: SelectQueryBuilder<HazardCaseEntity>, filter: CaseListFilter): void {
  if (filter.stages && filter.stages.length > 0) query.andWhere('c.stage IN (:...stages)', { stages: filter.stages });
  if (filter.jurisdictionPrefix)
    query.andWhere('c.jurisdiction_code LIKE :prefix', { prefix: `${filter.jurisdictionPrefix}%` });
  if (filter.listingLevel) query.andWhere('c.listing_level = :level', { level: filter.listingLevel });
  if (filter.placeType) query.andWhere('c.place_type = :placeType', { placeType: filter.placeType });
  if (filter.overdue !== undefined) query.andWhere('c.overdue = :overdue', { overdue: filter.overdue });
  if (filter.deadlineFrom) query.andWhere('c.deadline >= :deadlineFrom', { deadlineFrom: filter.deadlineFrom });
  if (filter.deadlineTo) query.andWhere('c.deadline <= :deadlineTo', { deadlineTo: filter.deadlineTo });
  if (filter.unitCreditCode) query.andWhere('c.unit_credit_code = :unit', { unit: filter.unitCreditCode });
}
