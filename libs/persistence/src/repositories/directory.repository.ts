import type { DataSource, SelectQueryBuilder } from 'typeorm';

import { FINAL_STAGES, type JurisdictionLevel, type Role } from '@duban/domain';

import { JurisdictionEntity, UnitEntity, UserEntity } from '../entities';

export interface JurisdictionFilter {
  /** Lists only the direct children of this code. */
  readonly parentCode?: string;
  /** GB/T 2260 code prefix of a subtree to list (43 for Hunan), including its root. */
  readonly prefix?: string;
  readonly level?: JurisdictionLevel;
  readonly active?: boolean;
  /** Part of the name, matched literally. */
  readonly nameContains?: string;
}

export interface UnitFilter {
  /** GB/T 2260 code prefix of the jurisdiction subtree the units are in. */
  readonly jurisdictionPrefix?: string;
  readonly nameContains?: string;
}

export interface UserFilter {
  readonly role?: Role;
  readonly jurisdictionPrefix?: string;
  readonly unitCreditCode?: string;
  readonly active?: boolean;
}

/** One page of a list ordered by key, with the key the next page starts after. */
export interface KeyedPage<T> {
  readonly items: T[];
  readonly nextAfter?: string;
}

export type NewJurisdiction = Pick<JurisdictionEntity, 'code' | 'name' | 'parentCode' | 'level' | 'active'>;
export type NewUnit = Pick<UnitEntity, 'creditCode' | 'name' | 'jurisdictionCode' | 'address'>;
export type NewUser = Pick<
  UserEntity,
  'id' | 'displayName' | 'role' | 'jurisdictionCode' | 'unitCreditCode' | 'active'
>;

/** The fields of a stored user that decide what its tokens may do. */
export type UserAccess = Pick<UserEntity, 'role' | 'jurisdictionCode' | 'unitCreditCode' | 'active'>;

/** Jurisdictions, units and users that administrators maintain, and the user check on every request. */
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  findJurisdiction(code: string): Promise<JurisdictionEntity | null> {
    return this.dataSource.getRepository(JurisdictionEntity).findOneBy({ code });
  }

  listJurisdictions(filter: JurisdictionFilter, limit: number, after?: string): Promise<KeyedPage<JurisdictionEntity>> {
    const query = this.dataSource.getRepository(JurisdictionEntity).createQueryBuilder('j');
    if (filter.parentCode !== undefined)
      query.andWhere('j.parent_code = :parentCode', { parentCode: filter.parentCode });
    if (filter.prefix !== undefined) query.andWhere('j.code LIKE :prefix', { prefix: `${filter.prefix}%` });
    if (filter.level !== undefined) query.andWhere('j.level = :level', { level: filter.level });
    if (filter.active !== undefined) query.andWhere('j.active = :active', { active: filter.active });
    if (filter.nameContains !== undefined) {
      query.andWhere('strpos(j.name, :name) > 0', { name: filter.nameContains });
    }
    return page(query, 'j.code', (row) => row.code, limit, after);
  }

  /** Counts the active divisions directly below a code. */
  /** Counts the cases in the jurisdiction itself whose workflow has not ended. */
  async countOpenCases(code: string): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM hazard_cases WHERE jurisdiction_code = $1 AND NOT (stage = ANY($2))`,
      [code, [...FINAL_STAGES]],
    );
    return row?.count ?? 0;
  }

  countActiveChildren(code: string): Promise<number> {
    return this.dataSource.getRepository(JurisdictionEntity).countBy({ parentCode: code, active: true });
  }

  /** Inserts a jurisdiction and returns it, or returns null when the code is taken. */
  async createJurisdiction(row: NewJurisdiction, by: string): Promise<JurisdictionEntity | null> {
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(JurisdictionEntity)
      .values({ ...row, updatedAt: () => 'now()', updatedBy: by })
      .orIgnore()
      .returning('code')
      .execute();
    return (inserted.raw as unknown[]).length > 0 ? this.findJurisdiction(row.code) : null;
  }

  async updateJurisdiction(
    code: string,
    changes: Partial<Pick<JurisdictionEntity, 'name' | 'active'>>,
    by: string,
  ): Promise<JurisdictionEntity | null> {
    await this.dataSource
      .getRepository(JurisdictionEntity)
      .update({ code }, { ...changes, updatedAt: () => 'now()', updatedBy: by });
    return this.findJurisdiction(code);
  }

  findUnit(creditCode: string): Promise<UnitEntity | null> {
    return this.dataSource.getRepository(UnitEntity).findOneBy({ creditCode });
  }

  listUnits(filter: UnitFilter, limit: number, after?: string): Promise<KeyedPage<UnitEntity>> {
    const query = this.dataSource.getRepository(UnitEntity).createQueryBuilder('u');
    if (filter.jurisdictionPrefix !== undefined) {
      query.andWhere('u.jurisdiction_code LIKE :prefix', { prefix: `${filter.jurisdictionPrefix}%` });
    }
    if (filter.nameContains !== undefined) query.andWhere('strpos(u.name, :name) > 0', { name: filter.nameContains });
    return page(query, 'u.credit_code', (row) => row.creditCode, limit, after);
  }

  /** Inserts a unit and returns it, or returns null when the credit code is taken. */
  async createUnit(row: NewUnit, by: string): Promise<UnitEntity | null> {
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UnitEntity)
      .values({ ...row, updatedAt: () => 'now()', updatedBy: by })
      .orIgnore()
      .returning('credit_code')
      .execute();
    return (inserted.raw as unknown[]).length > 0 ? this.findUnit(row.creditCode) : null;
  }

  async updateUnit(
    creditCode: string,
    changes: Partial<Pick<UnitEntity, 'name' | 'jurisdictionCode' | 'address'>>,
    by: string,
  ): Promise<UnitEntity | null> {
    await this.dataSource
      .getRepository(UnitEntity)
      .update({ creditCode }, { ...changes, updatedAt: () => 'now()', updatedBy: by });
    return this.findUnit(creditCode);
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  listUsers(filter: UserFilter, limit: number, after?: string): Promise<KeyedPage<UserEntity>> {
    const query = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (filter.role !== undefined) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.jurisdictionPrefix !== undefined) {
      query.andWhere('u.jurisdiction_code LIKE :prefix', { prefix: `${filter.jurisdictionPrefix}%` });
    }
    if (filter.unitCreditCode !== undefined) {
      query.andWhere('u.unit_credit_code = :unit', { unit: filter.unitCreditCode });
    }
    if (filter.active !== undefined) query.andWhere('u.active = :active', { active: filter.active });
    return page(query, 'u.id', (row) => row.id, limit, after);
  }

  /** Inserts a user and returns it, or returns null when the id is taken. */
  async createUser(row: NewUser, by: string): Promise<UserEntity | null> {
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({ ...row, updatedAt: () => 'now()', updatedBy: by })
      .orIgnore()
      .returning('id')
      .execute();
    return (inserted.raw as unknown[]).length > 0 ? this.findUser(row.id) : null;
  }

  async updateUser(
    id: string,
    changes: Partial<Pick<UserEntity, 'displayName' | 'role' | 'jurisdictionCode' | 'unitCreditCode' | 'active'>>,
    by: string,
  ): Promise<UserEntity | null> {
    await this.dataSource
      .getRepository(UserEntity)
      .update({ id }, { ...changes, updatedAt: () => 'now()', updatedBy: by });
    return this.findUser(id);
  }

  /** Returns the stored role, scope and active flag of a user, or undefined when no user has the id. */
  async findUserAccess(id: string): Promise<UserAccess | undefined> {
    const rows = await this.dataSource.query<UserAccess[]>(
      `SELECT role, jurisdiction_code AS "jurisdictionCode", unit_credit_code AS "unitCreditCode", active
         FROM users WHERE id = $1`,
      [id],
    );
    return rows[0];
  }
}

async function page<T extends object>(
  query: SelectQueryBuilder<T>,
  keyColumn: string,
  keyOf: (row: T) => string,
  limit: number,
  after: string | undefined,
): Promise<KeyedPage<T>> {
  if (after !== undefined) query.andWhere(`${keyColumn} > :after`, { after });
  const rows = await query
    .orderBy(keyColumn, 'ASC')
    .limit(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return rows.length > limit && last ? { items, nextAfter: keyOf(last) } : { items };
}
