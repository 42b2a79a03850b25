import { Injectable, Logger } from '@nestjs/common';

import { jurisdictionLevel, jurisdictionPrefix, type Actor, type Role } from '@duban/domain';
import { DirectoryRepository, type JurisdictionEntity, type UserEntity } from '@duban/persistence';

import { ApiProblem } from '../problems/problem';
import { RequestValidationError, type FieldViolation } from '../problems/request-validation.error';
import {
  toJurisdictionResponse,
  type CreateJurisdictionBody,
  type JurisdictionListResponse,
  type JurisdictionResponse,
  type ListJurisdictionsQuery,
  type UpdateJurisdictionBody,
} from './dto/jurisdiction.dto';
import { DEFAULT_DIRECTORY_PAGE_SIZE } from './dto/page.query';
import {
  toUnitResponse,
  type CreateUnitBody,
  type ListUnitsQuery,
  type UnitListResponse,
  type UnitResponse,
  type UpdateUnitBody,
} from './dto/unit.dto';
import {
  toUserResponse,
  type CreateUserBody,
  type ListUsersQuery,
  type UpdateUserBody,
  type UserListResponse,
  type UserResponse,
} from './dto/user.dto';
import { checkCursor, referenceNotUsable } from './directory-checks';

/**
 * Administration of jurisdictions, units and users (辖区、单位、用户管理). The controllers admit only
 * administrators, and the actor is recorded as the author of each change.
 */
@Injectable()
export class DirectoryService {
  private readonly logger = new Logger(DirectoryService.name);

  constructor(private readonly directory: DirectoryRepository) {}

  async listJurisdictions(actor: Actor, query: ListJurisdictionsQuery): Promise<JurisdictionListResponse> {
    checkCursor(query.cursor, /^\d{6}$/);
    const page = await this.directory.listJurisdictions(
      {
        ...(query.parent !== undefined ? { parentCode: query.parent } : {}),
        ...(query.under !== undefined ? { prefix: jurisdictionPrefix(query.under) } : {}),
        ...(query.level !== undefined ? { level: query.level } : {}),
        ...(query.active !== undefined ? { active: query.active } : {}),
        ...(query.name !== undefined ? { nameContains: query.name } : {}),
      },
      query.limit ?? DEFAULT_DIRECTORY_PAGE_SIZE,
      query.cursor,
    );
    return { items: page.items.map(toJurisdictionResponse), ...(page.nextAfter ? { nextCursor: page.nextAfter } : {}) };
  }

  async getJurisdiction(actor: Actor, code: string): Promise<JurisdictionResponse> {
    return toJurisdictionResponse(await this.existingJurisdiction(code));
  }

  async createJurisdiction(actor: Actor, body: CreateJurisdictionBody): Promise<JurisdictionResponse> {
    const level = jurisdictionLevel(body.code);
    if (level === 'province' && body.parentCode !== undefined) {
      throw new RequestValidationError([{ field: 'parentCode', constraint: 'provinceHasNoParent', params: {} }]);
    }
    if (level !== 'province' && body.parentCode === undefined) {
      throw new RequestValidationError([{ field: 'parentCode', constraint: 'parentRequired', params: {} }]);
    }
    if (body.parentCode !== undefined) {
      await this.requireUsableJurisdiction('parentCode', body.parentCode);
      const expected = await this.expectedParent(body.code);
      if (body.parentCode !== expected) {
        throw new RequestValidationError([
          {
            field: 'parentCode',
            constraint: 'nestsUnderParent',
            params: { code: body.code, parent: body.parentCode, expected },
          },
        ]);
      }
    }
    const created = await this.directory.createJurisdiction(
      {
        code: body.code,
        name: body.name.trim(),
        parentCode: body.parentCode ?? null,
        level,
        active: body.active ?? true,
      },
      actor.id,
    );
    if (!created) {
      throw new ApiProblem(
        'jurisdiction_exists',
        {
          zh: `辖区代码 ${body.code} 已存在；修改名称或状态请用 PATCH /admin/jurisdictions/${body.code}`,
          en: `Jurisdiction ${body.code} already exists; change its name or status with PATCH /admin/jurisdictions/${body.code}`,
        },
        {},
        [{ field: 'code', constraint: 'isUnique', params: { value: body.code } }],
      );
    }
    this.logger.log(`jurisdiction ${created.code} (${created.name}) added by ${actor.id}`);
    return toJurisdictionResponse(created);
  }

  async updateJurisdiction(actor: Actor, code: string, body: UpdateJurisdictionBody): Promise<JurisdictionResponse> {
    const current = await this.existingJurisdiction(code);
    if (body.active === false && current.active) {
      const children = await this.directory.countActiveChildren(code);
      if (children > 0) {
        throw new ApiProblem(
          'jurisdiction_has_active_children',
          {
            zh: `辖区 ${code} 下仍有 ${children} 个现行辖区，请先停用它们`,
            en: `Jurisdiction ${code} has ${children} active divisions directly below it; deactivate them first`,
          },
          {},
          [{ field: 'active', constraint: 'noActiveChildren', params: { count: children } }],
        );
      }
      const openCases = await this.directory.countOpenCases(code);
      if (openCases > 0) {
        throw new ApiProblem(
          'jurisdiction_has_open_cases',
          {
            zh: `辖区 ${code} 仍有 ${openCases} 起未终结的案件，请先办结或移交它们`,
            en: `Jurisdiction ${code} still has ${openCases} open cases; end or transfer them first`,
          },
          {},
          [{ field: 'active', constraint: 'noOpenCases', params: { count: openCases } }],
        );
      }
    }
    if (body.active === true && !current.active && current.parentCode !== null) {
      await this.requireUsableJurisdiction('active', current.parentCode);
    }
    const updated = await this.directory.updateJurisdiction(
      code,
      { ...(body.name !== undefined ? { name: body.name.trim() } : {}), ...pick(body, 'active') },
      actor.id,
    );
    if (!updated) throw jurisdictionNotFound(code);
    if (body.active !== undefined && body.active !== current.active) {
      this.logger.log(`jurisdiction ${code} marked ${body.active ? 'active' : 'inactive'} by ${actor.id}`);
    }
    return toJurisdictionResponse(updated);
  }

  async listUnits(actor: Actor, query: ListUnitsQuery): Promise<UnitListResponse> {
    checkCursor(query.cursor, /^[0-9A-Z]{18}$/);
    const page = await this.directory.listUnits(
      {
        ...(query.jurisdiction !== undefined ? { jurisdictionPrefix: jurisdictionPrefix(query.jurisdiction) } : {}),
        ...(query.name !== undefined ? { nameContains: query.name } : {}),
      },
      query.limit ?? DEFAULT_DIRECTORY_PAGE_SIZE,
      query.cursor,
    );
    return { items: page.items.map(toUnitResponse), ...(page.nextAfter ? { nextCursor: page.nextAfter } : {}) };
  }

  async getUnit(actor: Actor, creditCode: string): Promise<UnitResponse> {
    return toUnitResponse(await this.existingUnit(creditCode));
  }

  async createUnit(actor: Actor, body: CreateUnitBody): Promise<UnitResponse> {
    await this.requireUsableJurisdiction('jurisdictionCode', body.jurisdictionCode);
    const created = await this.directory.createUnit(
      {
        creditCode: body.creditCode,
        name: body.name.trim(),
        jurisdictionCode: body.jurisdictionCode,
        address: body.address.trim(),
      },
      actor.id,
    );
    if (!created) {
      throw new ApiProblem(
        'unit_exists',
        {
          zh: `统一社会信用代码为 ${body.creditCode} 的单位已登记；修改请用 PATCH /admin/units/${body.creditCode}`,
          en: `A unit with credit code ${body.creditCode} is already registered; change it with PATCH /admin/units/${body.creditCode}`,
        },
        {},
        [{ field: 'creditCode', constraint: 'isUnique', params: { value: body.creditCode } }],
      );
    }
    this.logger.log(`unit ${created.creditCode} registered in ${created.jurisdictionCode} by ${actor.id}`);
    return toUnitResponse(created);
  }

  async updateUnit(actor: Actor, creditCode: string, body: UpdateUnitBody): Promise<UnitResponse> {
    const current = await this.existingUnit(creditCode);
    if (body.jurisdictionCode !== undefined && body.jurisdictionCode !== current.jurisdictionCode) {
      await this.requireUsableJurisdiction('jurisdictionCode', body.jurisdictionCode);
    }
    const updated = await this.directory.updateUnit(
      creditCode,
      {
        ...(body.name !== undefined ? { name: body.name.trim() } : {}),
        ...(body.address !== undefined ? { address: body.address.trim() } : {}),
        ...pick(body, 'jurisdictionCode'),
      },
      actor.id,
    );
    if (!updated) throw unitNotFound(creditCode);
    return toUnitResponse(updated);
  }

  async listUsers(actor: Actor, query: ListUsersQuery): Promise<UserListResponse> {
    checkCursor(query.cursor, /^[\x21-\x7e]{1,128}$/);
    const page = await this.directory.listUsers(
      {
        ...pick(query, 'role'),
        ...(query.jurisdiction !== undefined ? { jurisdictionPrefix: jurisdictionPrefix(query.jurisdiction) } : {}),
        ...(query.unit !== undefined ? { unitCreditCode: query.unit } : {}),
        ...pick(query, 'active'),
      },
      query.limit ?? DEFAULT_DIRECTORY_PAGE_SIZE,
      query.cursor,
    );
    return { items: page.items.map(toUserResponse), ...(page.nextAfter ? { nextCursor: page.nextAfter } : {}) };
  }

  async getUser(actor: Actor, id: string): Promise<UserResponse> {
    return toUserResponse(await this.existingUser(id));
  }

  async createUser(actor: Actor, body: CreateUserBody): Promise<UserResponse> {
    const scope = await this.checkUserScope(body.role, body.jurisdictionCode, body.unitCreditCode, {});
    const created = await this.directory.createUser(
      { id: body.id, displayName: body.displayName.trim(), role: body.role, ...scope, active: body.active ?? true },
      actor.id,
    );
    if (!created) {
      throw new ApiProblem(
        'user_exists',
        {
          zh: `用户 ${body.id} 已存在；修改请用 PATCH /admin/users/{id}`,
          en: `User ${body.id} already exists; change it with PATCH /admin/users/{id}`,
        },
        {},
        [{ field: 'id', constraint: 'isUnique', params: { value: body.id } }],
      );
    }
    this.logger.log(`user ${created.id} added as ${created.role} by ${actor.id}`);
    return toUserResponse(created);
  }

  async updateUser(actor: Actor, id: string, body: UpdateUserBody): Promise<UserResponse> {
    const current = await this.existingUser(id);
    const role = body.role ?? current.role;
    // A change of role clears the scope field the new role does not use; the one it needs must then be sent.
    const roleChanged = role !== current.role;
    const keepJurisdiction = roleChanged && role === 'unit' ? undefined : (current.jurisdictionCode ?? undefined);
    const keepUnit = roleChanged && role !== 'unit' ? undefined : (current.unitCreditCode ?? undefined);
    const scope = await this.checkUserScope(
      role,
      body.jurisdictionCode ?? keepJurisdiction,
      body.unitCreditCode ?? keepUnit,
      { jurisdictionCode: current.jurisdictionCode, unitCreditCode: current.unitCreditCode },
    );
    const updated = await this.directory.updateUser(
      id,
      {
        ...(body.displayName !== undefined ? { displayName: body.displayName.trim() } : {}),
        role,
        ...scope,
        ...pick(body, 'active'),
      },
      actor.id,
    );
    if (!updated) throw userNotFound(id);
    if (body.active !== undefined && body.active !== current.active) {
      this.logger.log(`user ${id} ${body.active ? 'activated' : 'deactivated'} by ${actor.id}`);
    }
    return toUserResponse(updated);
  }

  /**
   * Checks that a role and its scope fit together (a unit user has a registered unit and no jurisdiction,
   * every other role an active jurisdiction and no unit) and returns the scope to store. A reference
   * already stored on the user passes even when it has since become inactive.
   */
  private async checkUserScope(
    role: Role,
    jurisdictionCode: string | undefined,
    unitCreditCode: string | undefined,
    stored: Partial<Pick<UserEntity, 'jurisdictionCode' | 'unitCreditCode'>>,
  ): Promise<Pick<UserEntity, 'jurisdictionCode' | 'unitCreditCode'>> {
    const violations: FieldViolation[] = [];
    if (role === 'unit') {
      if (unitCreditCode === undefined) {
        violations.push({ field: 'unitCreditCode', constraint: 'unitRoleNeedsUnit', params: {} });
      }
      if (jurisdictionCode !== undefined) {
        violations.push({ field: 'jurisdictionCode', constraint: 'notForRole', params: { role } });
      }
    } else {
      if (jurisdictionCode === undefined) {
        violations.push({ field: 'jurisdictionCode', constraint: 'roleNeedsJurisdiction', params: { role } });
      }
      if (unitCreditCode !== undefined) {
        violations.push({ field: 'unitCreditCode', constraint: 'onlyForRole', params: { role: 'unit', actual: role } });
      }
    }
    if (violations.length > 0) throw new RequestValidationError(violations);
    if (role === 'unit' && unitCreditCode !== undefined) {
      if (unitCreditCode !== stored.unitCreditCode && !(await this.directory.findUnit(unitCreditCode))) {
        throw referenceNotUsable('unitCreditCode', 'knownUnit', { value: unitCreditCode });
      }
      return { jurisdictionCode: null, unitCreditCode };
    }
    if (jurisdictionCode !== undefined && jurisdictionCode !== stored.jurisdictionCode) {
      await this.requireUsableJurisdiction('jurisdictionCode', jurisdictionCode);
    }
    return { jurisdictionCode: jurisdictionCode ?? null, unitCreditCode: null };
  }

  /** Throws a 422 naming the field unless the code is a stored, active jurisdiction. */
  private async requireUsableJurisdiction(field: string, code: string): Promise<JurisdictionEntity> {
    const row = await this.directory.findJurisdiction(code);
    if (!row) throw referenceNotUsable(field, 'knownJurisdiction', { value: code });
    if (!row.active) throw referenceNotUsable(field, 'activeJurisdiction', { value: code, name: row.name });
    return row;
  }

  /**
   * Returns the parent a new code must name. A city's parent is its province. A county's parent is its
   * city, or its province when no city has its first four digits (省直辖县级行政区划).
   */
  private async expectedParent(code: string): Promise<string> {
    const province = `${code.slice(0, 2)}0000`;
    if (jurisdictionLevel(code) === 'city') return province;
    const city = `${code.slice(0, 4)}00`;
    return (await this.directory.findJurisdiction(city)) ? city : province;
  }

  private async existingJurisdiction(code: string): Promise<JurisdictionEntity> {
    const row = await this.directory.findJurisdiction(code);
    if (!row) throw jurisdictionNotFound(code);
    return row;
  }

  private async existingUnit(creditCode: string) {
    const row = await this.directory.findUnit(creditCode);
    if (!row) throw unitNotFound(creditCode);
    return row;
  }

  private async existingUser(id: string) {
    const row = await this.directory.findUser(id);
    if (!row) throw userNotFound(id);
    return row;
  }
}

/** Copies one field when the request sent it. */
function pick<T extends object, K extends keyof T>(source: T, key: K): Partial<Pick<T, K>> {
  return source[key] === undefined ? {} : ({ [key]: source[key] } as Partial<Pick<T, K>>);
}

function jurisdictionNotFound(code: string): ApiProblem {
  return new ApiProblem('jurisdiction_not_found', {
    zh: `没有代码为 ${code} 的辖区`,
    en: `No jurisdiction has code ${code}`,
  });
}

function unitNotFound(creditCode: string): ApiProblem {
  return new ApiProblem('unit_not_found', {
    zh: `没有统一社会信用代码为 ${creditCode} 的已登记单位`,
    en: `No registered unit has credit code ${creditCode}`,
  });
}

function userNotFound(id: string): ApiProblem {
  return new ApiProblem('user_not_found', { zh: `没有标识为 ${id} 的用户`, en: `No user has id ${id}` });
}
