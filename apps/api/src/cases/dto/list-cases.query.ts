import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

import {
  CASE_STAGES,
  LISTING_LEVELS,
  PLACE_TYPES,
  type CaseStage,
  type ListingLevel,
  type PlaceType,
} from '@duban/domain';

import { IsCalendarDate, IsCreditCode, IsJurisdictionCode } from '../../validation/validators';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const CASE_SORTS = ['opened_desc', 'deadline_asc'] as const;

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Query of GET /cases. */
export class ListCasesQuery {
  @ApiPropertyOptional({ description: `Page size, 1–${MAX_PAGE_SIZE}`, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(MAX_PAGE_SIZE, { context: { max: MAX_PAGE_SIZE } })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page; omit for the first page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ description: 'Sort order: newest opened first, or nearest deadline first', enum: CASE_SORTS })
  @IsOptional()
  @IsIn(CASE_SORTS, { context: { values: CASE_SORTS } })
  sort?: (typeof CASE_SORTS)[number];

  @ApiPropertyOptional({ description: 'Stages (阶段), comma-separated', example: 'listed,rectifying' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(CASE_STAGES, { each: true, context: { values: CASE_STAGES } })
  stage?: CaseStage[];

  @ApiPropertyOptional({ description: 'Jurisdiction (辖区) to list, with everything below it; GB/T 2260 code' })
  @IsOptional()
  @IsString()
  @IsJurisdictionCode()
  jurisdiction?: string;

  @ApiPropertyOptional({ description: 'Listing level (挂牌级别)', enum: LISTING_LEVELS })
  @IsOptional()
  @IsIn(LISTING_LEVELS, { context: { values: LISTING_LEVELS } })
  listingLevel?: ListingLevel;

  @ApiPropertyOptional({ description: 'Place type (场所类型)', enum: PLACE_TYPES })
  @IsOptional()
  @IsIn(PLACE_TYPES, { context: { values: PLACE_TYPES } })
  placeType?: PlaceType;

  @ApiPropertyOptional({ description: 'Only overdue (逾期) cases, or only cases that are not', type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Deadline (整改期限) on or after this date, YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  deadlineFrom?: string;

  @ApiPropertyOptional({ description: 'Deadline (整改期限) on or before this date, YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  @IsCalendarDate()
  deadlineTo?: string;

  @ApiPropertyOptional({ description: 'Responsible unit (责任单位) by unified social credit code' })
  @IsOptional()
  @IsString()
  @IsCreditCode()
  unit?: string;
}
