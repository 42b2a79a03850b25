import type { DataSource } from 'typeorm';

import { HazardCaseEntity } from '../entities';

/** Position in the case list: the last row of the previous page, in list order. */
export interface CaseListPosition {
  readonly openedAt: Date;
  readonly caseNumber: string;
}

export interface CaseListPage {
  readonly items: HazardCaseEntity[];
  /** Where the next page starts, or undefined on the last page. */
  readonly next?: CaseListPosition;
}

/** Reads cases from the read model for the API. */
export class CaseQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByCaseNumber(caseNumber: string): Promise<HazardCaseEntity | null> {
    return this.dataSource.getRepository(HazardCaseEntity).findOneBy({ caseNumber });
  }

  /** Lists cases newest first, by keyset pagination on (opened_at, case_number). */
  async listNewestFirst(limit: number, after?: CaseListPosition): Promise<CaseListPage> {
    const query = this.dataSource
      .getRepository(HazardCaseEntity)
      .createQueryBuilder('c')
      .orderBy('c.opened_at', 'DESC')
      .addOrderBy('c.case_number', 'DESC')
      .limit(limit + 1);
    if (after) {
      query.where('(c.opened_at, c.case_number) < (:openedAt, :caseNumber)', {
        openedAt: after.openedAt,
        caseNumber: after.caseNumber,
      });
    }
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    if (rows.length <= limit || last === undefined) return { items };
    return { items, next: { openedAt: last.openedAt, caseNumber: last.caseNumber } };
  }
}
