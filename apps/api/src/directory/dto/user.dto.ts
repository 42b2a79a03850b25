import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

import { ROLES, type Role } from '@duban/domain';
import type { UserEntity } from '@duban/persistence';

import { IsCreditCode, IsJurisdictionCode, IsNotBlank, IsOmittable } from '../../validation/validators';
import { DirectoryPageQuery, toBoolean } from './page.query';

/** A user id is the token's `sub` claim: 1 to 128 visible ASCII characters. */
export const USER_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;
const DISPLAY_NAME_MAX_LENGTH = 100;

const ROLE_DESCRIPTION =
  'Role (角色): inspector (监督检查员), brigade_leader (大队领导), government_officer (政府工作人员), ' +
  'government_leader (政府领导), unit (责任单位) or admin (系统管理员)';

/** Body of POST /admin/users. A unit user needs unitCreditCode; every other role needs jurisdictionCode. */
export class CreateUserBody {
  @ApiProperty({
    description: 'User id (用户标识): the `sub` claim of the user’s tokens, 1–128 visible ASCII characters',
    example: 'zhang.san@changsha.example',
  })
  @IsDefined()
  @IsString()
  @Matches(USER_ID_PATTERN, { context: { pattern: '1–128 visible ASCII characters' } })
  id!: string;

  @ApiProperty({ description: 'Display name (姓名)', example: '张三', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsDefined()
  @IsString()
  @IsNotBlank()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH, { context: { max: DISPLAY_NAME_MAX_LENGTH } })
  displayName!: string;

  @ApiProperty({ description: ROLE_DESCRIPTION, enum: ROLES })
  @IsDefined()
  @IsIn(ROLES, { context: { values: ROLES } })
  role!: Role;

  @ApiPropertyOptional({
    description: 'Jurisdiction (管辖辖区): required for every role but unit, omitted for unit; an active code',
    example: '430102',
  })
  @IsOmittable()
  @IsString()
  @IsJurisdictionCode()
  jurisdictionCode?: string;

  @ApiPropertyOptional({
    description: 'Unit (所属单位) by unified social credit code: required for the unit role, omitted otherwise',
  })
  @IsOmittable()
  @IsString()
  @IsCreditCode()
  unitCreditCode?: string;

  @ApiPropertyOptional({
    description: 'Active (启用); the API rejects the tokens of an inactive user with 401',
    default: true,
  })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

/**
 * Body of PATCH /admin/users/:id. A change of role clears the scope field the new role does not use, so
 * a change to or from unit sends the other scope field with it.
 */
export class UpdateUserBody {
  @ApiPropertyOptional({ description: 'Display name (姓名)', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(DISPLAY_NAME_MAX_LENGTH, { context: { max: DISPLAY_NAME_MAX_LENGTH } })
  displayName?: string;

  @ApiPropertyOptional({ description: ROLE_DESCRIPTION, enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES, { context: { values: ROLES } })
  role?: Role;

  @ApiPropertyOptional({ description: 'Jurisdiction (管辖辖区), for every role but unit' })
  @IsOmittable()
  @IsString()
  @IsJurisdictionCode()
  jurisdictionCode?: string;

  @ApiPropertyOptional({ description: 'Unit (所属单位) by unified social credit code, for the unit role' })
  @IsOmittable()
  @IsString()
  @IsCreditCode()
  unitCreditCode?: string;

  @ApiPropertyOptional({ description: 'Active (启用); false stops the user’s tokens at once (停用)' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

/** Query of GET /admin/users. */
export class ListUsersQuery extends DirectoryPageQuery {
  @ApiPropertyOptional({ description: ROLE_DESCRIPTION, enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { context: { values: ROLES } })
  role?: Role;

  @ApiPropertyOptional({ description: 'Only users of this jurisdiction and below it (辖区及下级)' })
  @IsOptional()
  @IsString()
  @IsJurisdictionCode()
  jurisdiction?: string;

  @ApiPropertyOptional({ description: 'Only users of this unit (所属单位), by credit code' })
  @IsOptional()
  @IsString()
  @IsCreditCode()
  unit?: string;

  @ApiPropertyOptional({ description: 'Only active (启用) or only inactive (停用) users', type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}

export class UserResponse {
  @ApiProperty({ description: 'User id (用户标识), the `sub` claim of its tokens' })
  id!: string;

  @ApiProperty({ description: 'Display name (姓名)' })
  displayName!: string;

  @ApiProperty({ description: ROLE_DESCRIPTION, enum: ROLES })
  role!: Role;

  @ApiProperty({ description: 'Jurisdiction (管辖辖区); null for a unit user', type: String, nullable: true })
  jurisdictionCode!: string | null;

  @ApiProperty({ description: 'Unit (所属单位); null for every role but unit', type: String, nullable: true })
  unitCreditCode!: string | null;

  @ApiProperty({ description: 'Active (启用)' })
  active!: boolean;

  @ApiProperty({ description: 'Last change (更新时间)', format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ description: 'Who made the last change (更新人)' })
  updatedBy!: string;
}

export class UserListResponse {
  @ApiProperty({ type: [UserResponse], description: 'Users in id order (用户列表)' })
  items!: UserResponse[];

  @ApiPropertyOptional({ description: 'Cursor of the next page (下一页游标); absent on the last page' })
  nextCursor?: string;
}

export function toUserResponse(row: UserEntity): UserResponse {
  return {
    id: row.id,
    displayName: row.displayName,
    role: row.role,
    jurisdictionCode: row.jurisdictionCode,
    unitCreditCode: row.unitCreditCode,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}
