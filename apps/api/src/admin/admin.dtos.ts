import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { isCalendarDate, LISTING_LEVELS, type ListingLevel } from '@duban/domain';

import type { FieldViolation } from '../problems/request-validation.error';
import { IsCalendarDate, IsJurisdictionCode, IsOmittable } from '../validation/validators';

/** Body of PUT /admin/calendar-years/:year: one year's official schedule (放假调休安排). */
export class YearScheduleBody {
  @ApiProperty({
    description: 'Official days off (放假日期), YYYY-MM-DD, including weekends inside holiday blocks',
    type: [String],
  })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(120, { context: { max: 120 } })
  @IsString({ each: true })
  @IsCalendarDate({ each: true })
  daysOff!: string[];

  @ApiProperty({ description: 'Saturdays and Sundays that are working days (调休上班), YYYY-MM-DD', type: [String] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(30, { context: { max: 30 } })
  @IsString({ each: true })
  @IsCalendarDate({ each: true })
  makeUpWorkingDays!: string[];

  @ApiPropertyOptional({
    description: 'Regional days off (地方假日) keyed by GB/T 2260 code prefix (2, 4 or 6 digits)',
    example: { '54': ['2027-02-07'] },
  })
  @IsOmittable()
  @IsObject()
  regionalDaysOff?: Record<string, string[]>;

  @ApiProperty({
    description: 'The notice the schedule comes from (通知名称及文号)',
    example: '国务院办公厅关于2027年部分节假日安排的通知',
  })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500, { context: { max: 500 } })
  source!: string;
}

const REGION_PREFIX = /^\d{2}(?:\d{2}){0,2}$/;
const MAX_REGIONAL_DAYS_OFF = 120;

/**
 * Checks regionalDaysOff, which @IsObject only checks to be an object: each key a GB/T 2260 prefix of 2,
 * 4 or 6 digits, and each value an array of YYYY-MM-DD dates. Returns one violation per bad key or date.
 */
export function regionalDaysOffViolations(regional: Readonly<Record<string, unknown>> | undefined): FieldViolation[] {
  const violations: FieldViolation[] = [];
  for (const [prefix, dates] of Object.entries(regional ?? {})) {
    const field = `regionalDaysOff.${prefix}`;
    if (!REGION_PREFIX.test(prefix)) {
      violations.push({ field, constraint: 'isRegionPrefix', params: {} });
    } else if (!Array.isArray(dates)) {
      violations.push({ field, constraint: 'isArray', params: {} });
    } else if (dates.length > MAX_REGIONAL_DAYS_OFF) {
      violations.push({ field, constraint: 'arrayMaxSize', params: { max: MAX_REGIONAL_DAYS_OFF } });
    } else {
      for (const [index, date] of dates.entries()) {
        if (typeof date !== 'string' || !isCalendarDate(date)) {
          violations.push({ field: `${field}[${index}]`, constraint: 'isCalendarDate', params: {} });
        }
      }
    }
  }
  return violations;
}

type OffsetUnit = 'working_days' | 'calendar_days' | 'months' | 'hours' | 'minutes';
const OFFSET_UNITS: readonly OffsetUnit[] = ['working_days', 'calendar_days', 'months', 'hours', 'minutes'];

export class OffsetDto {
  @ApiProperty({ description: 'Unit of the span', enum: OFFSET_UNITS })
  @IsDefined()
  @IsIn(OFFSET_UNITS, { context: { values: OFFSET_UNITS } })
  unit!: OffsetUnit;

  @ApiProperty({ description: 'Length of the span in that unit, 1–1000' })
  @IsDefined()
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(1000, { context: { max: 1000 } })
  amount!: number;
}

function OffsetField(): PropertyDecorator {
  return (target, key) => {
    IsDefined()(target, key);
    IsObject()(target, key);
    ValidateNested()(target, key);
    Type(() => OffsetDto)(target, key);
  };
}

export class EscalationPolicyDto {
  @ApiProperty({ description: 'Policy id; saving the same id again makes a new version', example: 'changsha-county' })
  @IsDefined()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,63}$/, { context: { pattern: 'lowercase letters, digits and -' } })
  id!: string;

  @ApiProperty({ description: 'What the policy is for' })
  @IsDefined()
  @IsString()
  @MaxLength(500, { context: { max: 500 } })
  description!: string;

  @ApiProperty({
    description: 'Reminders to the unit before the deadline (期限前提醒), farthest first',
    type: [OffsetDto],
  })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(10, { context: { max: 10 } })
  @ValidateNested({ each: true })
  @Type(() => OffsetDto)
  remindersBefore!: OffsetDto[];

  @ApiProperty({ description: 'Supervisory letter (督办函) after the deadline', type: OffsetDto })
  @OffsetField()
  supervisoryLetterAfter!: OffsetDto;

  @ApiProperty({ description: 'Interview (约谈) after the deadline', type: OffsetDto })
  @OffsetField()
  interviewAfter!: OffsetDto;

  @ApiProperty({ description: 'Media exposure proposal (曝光提议) after the deadline', type: OffsetDto })
  @OffsetField()
  exposureProposalAfter!: OffsetDto;

  @ApiProperty({
    description: 'Report to the next-higher government (上报上级政府) after the deadline',
    type: OffsetDto,
  })
  @OffsetField()
  higherLevelReportAfter!: OffsetDto;

  @ApiProperty({ description: 'Exposure taken down (撤下曝光) this long after closure', type: OffsetDto })
  @OffsetField()
  exposureTakedownAfterClosure!: OffsetDto;

  @ApiProperty({ description: 'Leaders must acknowledge (签收) an escalation within this span', type: OffsetDto })
  @OffsetField()
  acknowledgementWithin!: OffsetDto;

  @ApiProperty({ description: 'Re-sends before an unacknowledged escalation climbs one level, 0–5' })
  @IsDefined()
  @IsInt()
  @Min(0, { context: { min: 0 } })
  @Max(5, { context: { max: 5 } })
  resendsBeforeClimbing!: number;

  @ApiProperty({
    description: 'Grace after a missed progress report before the brigade leader hears of it',
    type: OffsetDto,
  })
  @OffsetField()
  progressReportGrace!: OffsetDto;
}

export class SavePolicyBody {
  @ApiPropertyOptional({
    description: 'Jurisdiction (辖区) the policy applies to, with everything below it; omit for all',
  })
  @IsOmittable()
  @IsString()
  @IsJurisdictionCode()
  jurisdictionCode?: string;

  @ApiPropertyOptional({
    description: 'Listing level (挂牌级别) it applies to; omit for every level',
    enum: LISTING_LEVELS,
  })
  @IsOmittable()
  @IsIn(LISTING_LEVELS, { context: { values: LISTING_LEVELS } })
  listingLevel?: ListingLevel;

  @ApiProperty({ description: 'The policy (督办策略)', type: EscalationPolicyDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EscalationPolicyDto)
  policy!: EscalationPolicyDto;
}
