import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';

import type { UnitEntity } from '@duban/persistence';

import { IsCreditCode, IsJurisdictionCode, IsNotBlank, IsOmittable } from '../../validation/validators';
import { DirectoryPageQuery } from './page.query';

const UNIT_NAME_MAX_LENGTH = 200;
const ADDRESS_MAX_LENGTH = 500;

/** Body of POST /admin/units. */
export class CreateUnitBody {
  @ApiProperty({
    description: 'Unified social credit code (统一社会信用代码), 18 characters with a correct check character',
    example: '91430102MA4L0Q0B18',
  })
  @IsDefined()
  @IsString()
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({
    description: 'Registered name (单位名称)',
    example: '某某宾馆有限公司',
    maxLength: UNIT_NAME_MAX_LENGTH,
  })
  @IsDefined()
  @IsString()
  @IsNotBlank()
  @MaxLength(UNIT_NAME_MAX_LENGTH, { context: { max: UNIT_NAME_MAX_LENGTH } })
  name!: string;

  @ApiProperty({
    description: 'Jurisdiction (所在辖区) the unit is supervised in; an active GB/T 2260 code',
    example: '430102',
  })
  @IsDefined()
  @IsString()
  @IsJurisdictionCode()
  jurisdictionCode!: string;

  @ApiProperty({ description: 'Address (地址)', example: '长沙市芙蓉区某某路 1 号', maxLength: ADDRESS_MAX_LENGTH })
  @IsDefined()
  @IsString()
  @IsNotBlank()
  @MaxLength(ADDRESS_MAX_LENGTH, { context: { max: ADDRESS_MAX_LENGTH } })
  address!: string;
}

/** Body of PATCH /admin/units/:creditCode. The credit code never changes. */
export class UpdateUnitBody {
  @ApiPropertyOptional({ description: 'Registered name (单位名称)', maxLength: UNIT_NAME_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(UNIT_NAME_MAX_LENGTH, { context: { max: UNIT_NAME_MAX_LENGTH } })
  name?: string;

  @ApiPropertyOptional({ description: 'Jurisdiction (所在辖区); an active GB/T 2260 code' })
  @IsOmittable()
  @IsString()
  @IsJurisdictionCode()
  jurisdictionCode?: string;

  @ApiPropertyOptional({ description: 'Address (地址)', maxLength: ADDRESS_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @IsNotBlank()
  @MaxLength(ADDRESS_MAX_LENGTH, { context: { max: ADDRESS_MAX_LENGTH } })
  address?: string;
}

/** Query of GET /admin/units. */
export class ListUnitsQuery extends DirectoryPageQuery {
  @ApiPropertyOptional({ description: 'Only units in this jurisdiction and below it (辖区及下级)' })
  @IsOptional()
  @IsString()
  @IsJurisdictionCode()
  jurisdiction?: string;

  @ApiPropertyOptional({ description: 'Part of the name (名称包含)' })
  @IsOptional()
  @IsString()
  @MaxLength(UNIT_NAME_MAX_LENGTH, { context: { max: UNIT_NAME_MAX_LENGTH } })
  name?: string;
}

export class UnitResponse {
  @ApiProperty({ description: 'Unified social credit code (统一社会信用代码)' })
  creditCode!: string;

  @ApiProperty({ description: 'Registered name (单位名称)' })
  name!: string;

  @ApiProperty({ description: 'Jurisdiction (所在辖区)' })
  jurisdictionCode!: string;

  @ApiProperty({ description: 'Address (地址)' })
  address!: string;

  @ApiProperty({ description: 'Last change (更新时间)', format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ description: 'Who made the last change (更新人)' })
  updatedBy!: string;
}

export class UnitListResponse {
  @ApiProperty({ type: [UnitResponse], description: 'Units in credit code order (单位列表)' })
  items!: UnitResponse[];

  @ApiPropertyOptional({ description: 'Cursor of the next page (下一页游标); absent on the last page' })
  nextCursor?: string;
}

export function toUnitResponse(row: UnitEntity): UnitResponse {
  return {
    creditCode: row.creditCode,
    name: row.name,
    jurisdictionCode: row.jurisdictionCode,
    address: row.address,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}
