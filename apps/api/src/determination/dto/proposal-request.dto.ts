import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { PLACE_TYPES, type PlaceType } from '@duban/domain';

import { IsCalendarDate, IsOmittable } from '../../validation/validators';

export const MAX_ELEMENTS = 100;
export const MAX_EXCLUSION_ANSWERS = 20;

export class ElementFindingDto {
  @ApiProperty({
    description:
      'Clause number of the element (判定要素条号) in the edition in force on inspectedOn, for example 6.6 or 7.3.3 under GB 35181-2017; GET /determination/rulesets lists them',
    example: '7.4.6',
    maxLength: 16,
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(16, { context: { max: 16 } })
  clause!: string;

  @ApiPropertyOptional({
    description: 'Evidence (证据): what the inspection found that shows the element',
    example: '湿式报警阀组压力表读数为零，末端试水装置放水无水流',
    maxLength: 2000,
  })
  @IsOmittable()
  @IsString()
  @MaxLength(2000, { context: { max: 2000 } })
  evidence?: string;
}

export class ExclusionAnswerDto {
  @ApiProperty({
    description:
      'Exclusion id (排除情形) of the edition, for example stopped_operating under GB 35181-2017 §5.1.3 b); GET /determination/rulesets lists them',
    example: 'stopped_operating',
    maxLength: 64,
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64, { context: { max: 64 } })
  id!: string;

  @ApiProperty({ description: 'Whether the situation applies to this hazard (是否适用)', example: false })
  @IsDefined()
  @IsBoolean()
  applies!: boolean;
}

/** Body of POST /determination/proposals. */
export class ProposalRequestDto {
  @ApiProperty({
    description:
      'Inspection date (检查日期), YYYY-MM-DD in China Standard Time; it chooses the edition: GA 653-2006, GB 35181-2017 from 2018-07-01, GB 35181-2025 from 2025-11-01',
    example: '2024-05-06',
  })
  @IsDefined()
  @IsString()
  @IsCalendarDate()
  inspectedOn!: string;

  @ApiPropertyOptional({
    description:
      'Place category (场所类别) of the edition, for example crowded_place (人员密集场所). Send it, or placeType to derive it; when both are sent, placeCategory wins',
    example: 'crowded_place',
    maxLength: 64,
  })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64, { context: { max: 64 } })
  placeCategory?: string;

  @ApiPropertyOptional({
    description:
      'Place type (场所类型) to derive the category from, when placeCategory is not sent. Some types (factory, warehouse …) do not decide the category and need placeCategory',
    enum: PLACE_TYPES,
    example: 'hotel',
  })
  @IsOmittable()
  @IsIn(PLACE_TYPES, { context: { values: PLACE_TYPES } })
  placeType?: PlaceType;

  @ApiProperty({
    description: `Elements found (发现的判定要素), each once; may be empty; at most ${MAX_ELEMENTS}`,
    type: [ElementFindingDto],
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(MAX_ELEMENTS, { context: { max: MAX_ELEMENTS } })
  @ValidateNested({ each: true })
  @Type(() => ElementFindingDto)
  elements!: ElementFindingDto[];

  @ApiPropertyOptional({
    description:
      'Answers to the exclusion questions (排除情形核查). An exclusion not answered is treated as not applying and named in the explanation',
    type: [ExclusionAnswerDto],
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_EXCLUSION_ANSWERS, { context: { max: MAX_EXCLUSION_ANSWERS } })
  @ValidateNested({ each: true })
  @Type(() => ExclusionAnswerDto)
  exclusions?: ExclusionAnswerDto[];
}
