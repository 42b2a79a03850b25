import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

import type { JurisdictionLevel } from '@duban/domain';
import type { JurisdictionEntity } from '@duban/persistence';

import { IsJurisdictionCode, IsNotBlank, IsOmittable } from '../../validation/validators';
import { DirectoryPageQuery, toBoolean } from './page.query';

export const JURISDICTION_LEVELS: readonly JurisdictionLevel[] = ['province', 'city', 'county'];
export const NAME_MAX_LENGTH = 100;

/** Body of POST /admin/jurisdictions. */
export class CreateJurisdictionBody {
  @ApiProperty({
    description: 'Administrative division code (行政区划代码), six digits of GB/T 2260',
    example: '430182',
  })
  @IsDefined()
  @IsString()
  @IsJurisdictionCode()
  code!: string;

  @ApiProperty({ description: 'Name (名称)', example: '宁乡市', maxLength: NAME_MAX_LENGTH })
  @IsDefined()
  @IsString()
  @IsNotBlank()
  @MaxLength(NAME_MAX_LENGTH, { context: { max: NAME_MAX_LENGTH } })
  name!: string;

  @ApiPropertyOptional({
    description:
      'Parent division (上级辖区): required for a city or county code, omitted for a province. A city nests under ' +
      'its province; a county under its city, or under its province when no city has its first four digits ' +
      '(省直辖县级行政区划).',
    example: '430100',
  })
  @IsOmittable()
  @IsString()
  @IsJurisdictionCode()
  parentCode?: string;

  @ApiPropertyOptional({ description: 'Active (现行); false for a division kept only for old records', default: true })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

/** Body of PATCH /admin/jurisdictions/:code. The code and parent never change: a new code is a new division. */
export class UpdateJurisdictionBody {
  @ApiPropertyOptional({ description: 'Name (名称)', maxLength: NAME_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(NAME_MAX_LENGTH, { context: { max: NAME_MAX_LENGTH } })
  name?: string;

  @ApiPropertyOptional({
    description:
      'Active (现行). Set false when the division is merged or abolished (撤并): no new case, unit or user may ' +
      'name it, while existing ones keep it. Rejected while an active division lies directly below it.',
  })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

/** Query of GET /admin/jurisdictions. */
export class ListJurisdictionsQuery extends DirectoryPageQuery {
  @ApiPropertyOptional({ description: 'Only the direct children (下级辖区) of this code' })
  @IsOptional()
  @IsString()
  @IsJurisdictionCode()
  parent?: string;

  @ApiPropertyOptional({ description: 'Only this division and everything below it (辖区及下级)' })
  @IsOptional()
  @IsString()
  @IsJurisdictionCode()
  under?: string;

  @ApiPropertyOptional({
    description: 'Level (层级): province (省级), city (市级) or county (县级)',
    enum: JURISDICTION_LEVELS,
  })
  @IsOptional()
  @IsIn(JURISDICTION_LEVELS, { context: { values: JURISDICTION_LEVELS } })
  level?: JurisdictionLevel;

  @ApiPropertyOptional({ description: 'Only active (现行) or only inactive (已撤并) divisions', type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name (名称包含)', example: '长沙' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX_LENGTH, { context: { max: NAME_MAX_LENGTH } })
  name?: string;
}

export class JurisdictionResponse {
  @ApiProperty({ description: 'Administrative division code (行政区划代码)', example: '430102' })
  code!: string;

  @ApiProperty({ description: 'Name (名称)', example: '芙蓉区' })
  name!: string;

  @ApiProperty({ description: 'Parent division code (上级辖区), null for a province', type: String, nullable: true })
  parentCode!: string | null;

  @ApiProperty({ description: 'Level (层级)', enum: JURISDICTION_LEVELS })
  level!: JurisdictionLevel;

  @ApiProperty({ description: 'Active (现行); false once merged or abolished (已撤并)' })
  active!: boolean;

  @ApiProperty({ description: 'Last change (更新时间)', format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ description: 'Who made the last change (更新人): a user id, or seed for the seeded divisions' })
  updatedBy!: string;
}

export class JurisdictionListResponse {
  @ApiProperty({ type: [JurisdictionResponse], description: 'Divisions in code order (辖区列表)' })
  items!: JurisdictionResponse[];

  @ApiPropertyOptional({ description: 'Cursor of the next page (下一页游标); absent on the last page' })
  nextCursor?: string;
}

export function toJurisdictionResponse(row: JurisdictionEntity): JurisdictionResponse {
  return {
    code: row.code,
    name: row.name,
    parentCode: row.parentCode,
    level: row.level,
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}
