import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { DISCOVERY_SOURCES, PLACE_TYPES, type DiscoverySource, type PlaceType } from '@duban/domain';

import {
  IsCalendarDate,
  IsCaseNumber,
  IsCreditCode,
  IsJurisdictionCode,
  IsNotBlank,
  IsNotFutureChinaDate,
  IsOmittable,
} from '../../validation/validators';

export const MAX_HAZARD_ITEMS = 200;

export class ResponsibleUnitDto {
  @ApiProperty({
    description: 'Name of the responsible unit (责任单位名称)',
    example: '某某宾馆有限公司',
    maxLength: 200,
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(200, { context: { max: 200 } })
  name!: string;

  @ApiProperty({
    description: 'Unified social credit code (统一社会信用代码), 18 characters with a check character (GB 32100-2015)',
    example: '91430102MA4L0Q0B18',
  })
  @IsDefined()
  @IsString()
  @IsCreditCode()
  creditCode!: string;
}

export class HazardItemDto {
  @ApiProperty({ description: 'What is wrong (隐患描述)', example: '自动喷水灭火系统未保持正常运行', maxLength: 1000 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(1000, { context: { max: 1000 } })
  description!: string;

  @ApiPropertyOptional({ description: 'Where at the place (部位)', example: '地下一层', maxLength: 200 })
  @IsOmittable()
  @IsString()
  @MaxLength(200, { context: { max: 200 } })
  location?: string;
}

/** Body of POST /cases: what an inspector records when opening a hazard case (隐患案件). */
export class OpenCaseDto {
  @ApiProperty({
    description:
      "Case number (案件编号): the case's id in URLs. 3–64 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit.",
    example: 'HZ-2025-0001',
  })
  @IsDefined()
  @IsString()
  @IsCaseNumber()
  caseNumber!: string;

  @ApiProperty({ description: 'Responsible unit (责任单位)', type: ResponsibleUnitDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ResponsibleUnitDto)
  responsibleUnit!: ResponsibleUnitDto;

  @ApiProperty({ description: 'Jurisdiction (辖区): six-digit GB/T 2260 division code', example: '430102' })
  @IsDefined()
  @IsString()
  @IsJurisdictionCode()
  jurisdictionCode!: string;

  @ApiProperty({ description: 'Place type (场所类型)', enum: PLACE_TYPES, example: 'hotel' })
  @IsDefined()
  @IsIn(PLACE_TYPES, { context: { values: PLACE_TYPES } })
  placeType!: PlaceType;

  @ApiProperty({ description: 'Address of the place (场所地址)', example: '长沙市芙蓉区某某路 1 号', maxLength: 500 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @IsNotBlank()
  @MaxLength(500, { context: { max: 500 } })
  address!: string;

  @ApiProperty({
    description:
      'Discovered on (发现日期): the day the hazard was found, YYYY-MM-DD in China Standard Time, not in the future',
    example: '2025-09-26',
  })
  @IsDefined()
  @IsString()
  @IsCalendarDate()
  @IsNotFutureChinaDate()
  discoveredOn!: string;

  @ApiProperty({
    description: 'Source of discovery (发现来源): inspection 监督检查, complaint 举报投诉, campaign_check 专项检查',
    enum: DISCOVERY_SOURCES,
    example: 'inspection',
  })
  @IsDefined()
  @IsIn(DISCOVERY_SOURCES, { context: { values: DISCOVERY_SOURCES } })
  discoverySource!: DiscoverySource;

  @ApiProperty({ description: 'Hazard items (隐患项), at least one', type: [HazardItemDto] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(MAX_HAZARD_ITEMS, { context: { max: MAX_HAZARD_ITEMS } })
  @ValidateNested({ each: true })
  @Type(() => HazardItemDto)
  hazardItems!: HazardItemDto[];
}
