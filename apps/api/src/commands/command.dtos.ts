import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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

import { DETERMINATION_OUTCOMES, LISTING_LEVELS, type DeterminationOutcome, type ListingLevel } from '@duban/domain';

import { HazardItemDto } from '../cases/dto/open-case.dto';
import {
  HasClausesForOutcome,
  IsCalendarDate,
  IsCaseNumber,
  IsClauseNumber,
  IsJurisdictionCode,
  IsOmittable,
} from '../validation/validators';

/** Every command body may carry the reason the actor gives; withdrawal and suspension require one. */
export class CommandBody {
  @ApiPropertyOptional({ description: 'Reason for the command, kept in the case history (理由)', maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000, { context: { max: 2000 } })
  reason?: string;
}

export class ReasonRequiredBody {
  @ApiProperty({ description: 'Reason for the command, kept in the case history (理由)', maxLength: 2000 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000, { context: { max: 2000 } })
  reason!: string;
}

function Text(max: number): PropertyDecorator {
  return (target, key) => {
    IsDefined()(target, key);
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(max, { context: { max } })(target, key);
  };
}

function DateField(): PropertyDecorator {
  return (target, key) => {
    IsDefined()(target, key);
    IsString()(target, key);
    IsCalendarDate()(target, key);
  };
}

export class GovernmentDto {
  @ApiProperty({ description: 'GB/T 2260 code of the government (人民政府) jurisdiction', example: '430102' })
  @IsDefined()
  @IsString()
  @IsJurisdictionCode()
  jurisdictionCode!: string;

  @ApiProperty({ description: 'Name of the government', example: '长沙市芙蓉区人民政府' })
  @Text(200)
  name!: string;
}

export class RecordHazardItemsBody extends CommandBody {
  @ApiProperty({ description: 'Hazard items to add (隐患项)', type: [HazardItemDto] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(200, { context: { max: 200 } })
  @ValidateNested({ each: true })
  @Type(() => HazardItemDto)
  items!: HazardItemDto[];
}

export class ExpertReviewDto {
  @ApiProperty({ description: 'Experts of the review (专家论证), at least 7', type: [String] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(7, { context: { min: 7 } })
  @ArrayMaxSize(100, { context: { max: 100 } })
  @IsString({ each: true })
  experts!: string[];

  @ApiProperty({ description: 'How many experts agreed; at least two thirds' })
  @IsDefined()
  @IsInt()
  @Min(0, { context: { min: 0 } })
  agreeing!: number;
}

export class ElementFindingDto {
  @ApiProperty({ description: 'GB 35181 clause of the element found (要素条款)', example: '6.6' })
  @IsDefined()
  @IsString()
  @Matches(/^\d+(\.\d+){1,3}$/, { context: { pattern: 'a clause number such as 6.6 or 7.3.2' } })
  clause!: string;

  @ApiPropertyOptional({ description: 'What shows it (证据)' })
  @IsOmittable()
  @IsString()
  @MaxLength(2000, { context: { max: 2000 } })
  evidence?: string;
}

export class ExclusionAnswerDto {
  @ApiProperty({ description: 'Exclusion id from GET /determination/rulesets (排除情形)' })
  @IsDefined()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  id!: string;

  @ApiProperty({ description: 'Whether the exclusion applies to this hazard' })
  @IsDefined()
  @IsBoolean()
  applies!: boolean;
}

export class FindingsDto {
  @ApiPropertyOptional({
    description: 'GB 35181 place category (场所类别); derived from the case place type when omitted',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  placeCategory?: string;

  @ApiProperty({ description: 'Elements found (判定要素)', type: [ElementFindingDto] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(100, { context: { max: 100 } })
  @ValidateNested({ each: true })
  @Type(() => ElementFindingDto)
  elements!: ElementFindingDto[];

  @ApiPropertyOptional({ description: 'Answers to the exclusion questions (排除情形)', type: [ExclusionAnswerDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50, { context: { max: 50 } })
  @ValidateNested({ each: true })
  @Type(() => ExclusionAnswerDto)
  exclusions?: ExclusionAnswerDto[];
}

export class RecordDeterminationBody extends CommandBody {
  @ApiPropertyOptional({
    description:
      'Findings for the GB 35181 engine; the case records its proposal, and a decision that departs from it needs departureReason',
    type: FindingsDto,
  })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => FindingsDto)
  findings?: FindingsDto;

  @ApiProperty({ description: 'Outcome of the collective decision (判定结论)', enum: DETERMINATION_OUTCOMES })
  @IsDefined()
  @IsIn(DETERMINATION_OUTCOMES, { context: { values: DETERMINATION_OUTCOMES } })
  outcome!: DeterminationOutcome;

  @ApiProperty({ description: 'Date of the collective decision, YYYY-MM-DD', example: '2025-09-29' })
  @DateField()
  decidedOn!: string;

  @ApiProperty({ description: 'Participants of the collective discussion (集体讨论人员), at least 3', type: [String] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(3, { context: { min: 3 } })
  @ArrayMaxSize(100, { context: { max: 100 } })
  @IsString({ each: true })
  participants!: string[];

  @ApiProperty({ description: 'GB 35181 clauses relied on (判定依据条款)', type: [String], example: ['6.3'] })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(100, { context: { max: 100 } })
  @IsString({ each: true })
  @IsClauseNumber({ each: true })
  @HasClausesForOutcome()
  clauses!: string[];

  @ApiPropertyOptional({ description: 'Expert review (专家论证), when the case needed one', type: ExpertReviewDto })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ExpertReviewDto)
  expertReview?: ExpertReviewDto;

  @ApiPropertyOptional({
    description: 'Outcome the engine proposed (POST /determination/proposals)',
    enum: DETERMINATION_OUTCOMES,
  })
  @IsOmittable()
  @IsIn(DETERMINATION_OUTCOMES, { context: { values: DETERMINATION_OUTCOMES } })
  proposedOutcome?: DeterminationOutcome;

  @ApiPropertyOptional({ description: 'Why the decision departs from the proposal; required when it does' })
  @IsOmittable()
  @IsString()
  @MaxLength(2000, { context: { max: 2000 } })
  departureReason?: string;
}

export class ServeNoticeBody extends CommandBody {
  @ApiProperty({ description: 'Document number of the notice (整改通知书文号)', example: '长消重字〔2025〕第12号' })
  @Text(100)
  documentNumber!: string;

  @ApiProperty({ description: 'Date served (送达日期), YYYY-MM-DD' })
  @DateField()
  servedOn!: string;

  @ApiProperty({ description: 'Rectification deadline the notice sets (整改期限), YYYY-MM-DD' })
  @DateField()
  deadline!: string;
}

export class ReportToGovernmentBody extends CommandBody {
  @ApiProperty({ description: 'Date reported (报告日期), YYYY-MM-DD' })
  @DateField()
  reportedOn!: string;

  @ApiProperty({ description: 'The government reported to (本级人民政府)', type: GovernmentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => GovernmentDto)
  government!: GovernmentDto;
}

export class ApplySealBody extends CommandBody {
  @ApiProperty({ description: 'Date sealed (查封日期), YYYY-MM-DD' })
  @DateField()
  sealedOn!: string;

  @ApiProperty({ description: 'What is sealed (查封部位)', example: '地下一层歌舞厅' })
  @Text(500)
  scope!: string;

  @ApiProperty({
    description: 'Days the seal lasts, 1–30 (calendar days, never rolled forward)',
    minimum: 1,
    maximum: 30,
  })
  @IsDefined()
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(30, { context: { max: 30 } })
  days!: number;
}

export class LiftSealBody extends CommandBody {
  @ApiProperty({ description: 'Date lifted (解除日期), YYYY-MM-DD' })
  @DateField()
  liftedOn!: string;
}

export class ListingFields extends CommandBody {
  @ApiProperty({ description: 'Document number of the listing notice (挂牌督办通知文号)' })
  @Text(100)
  documentNumber!: string;

  @ApiProperty({ description: 'Date listed (挂牌日期), YYYY-MM-DD' })
  @DateField()
  listedOn!: string;

  @ApiProperty({ description: 'Listing level (挂牌级别)', enum: LISTING_LEVELS })
  @IsDefined()
  @IsIn(LISTING_LEVELS, { context: { values: LISTING_LEVELS } })
  level!: ListingLevel;

  @ApiProperty({ description: 'The listing government (挂牌政府)', type: GovernmentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => GovernmentDto)
  government!: GovernmentDto;

  @ApiProperty({ description: 'Months between progress reports (报告周期), 0 for none', minimum: 0, maximum: 12 })
  @IsDefined()
  @IsInt()
  @Min(0, { context: { min: 0 } })
  @Max(12, { context: { max: 12 } })
  reportingIntervalMonths!: number;
}

export class ListCaseBody extends ListingFields {
  @ApiProperty({ description: 'Person responsible at the unit (责任人)' })
  @Text(100)
  responsiblePerson!: string;

  @ApiProperty({ description: 'Supervising department (督办部门)' })
  @Text(200)
  supervisingDepartment!: string;

  @ApiProperty({ description: "Government's rectification deadline (整改期限), YYYY-MM-DD" })
  @DateField()
  deadline!: string;
}

export class BatchListingCaseDto {
  @ApiProperty({ description: 'Case number to list (案件编号)' })
  @IsDefined()
  @IsString()
  @IsCaseNumber()
  caseNumber!: string;

  @ApiProperty({ description: 'Person responsible at the unit (责任人)' })
  @Text(100)
  responsiblePerson!: string;

  @ApiProperty({ description: 'Supervising department (督办部门)' })
  @Text(200)
  supervisingDepartment!: string;

  @ApiProperty({ description: 'Rectification deadline of this case (整改期限), YYYY-MM-DD' })
  @DateField()
  deadline!: string;
}

/** One listing notice that lists several cases (批量挂牌). */
export class BatchListingBody extends ListingFields {
  @ApiProperty({ description: 'The cases the notice lists, 1–200', type: [BatchListingCaseDto] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(200, { context: { max: 200 } })
  @ValidateNested({ each: true })
  @Type(() => BatchListingCaseDto)
  cases!: BatchListingCaseDto[];
}

export class RaiseListingLevelBody extends CommandBody {
  @ApiProperty({ description: 'New, higher listing level (挂牌级别)', enum: LISTING_LEVELS })
  @IsDefined()
  @IsIn(LISTING_LEVELS, { context: { values: LISTING_LEVELS } })
  level!: ListingLevel;

  @ApiProperty({ description: 'The government that lists at the new level', type: GovernmentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => GovernmentDto)
  government!: GovernmentDto;
}

export class RectificationPlanDto {
  @ApiProperty({ description: 'Responsibility (责任落实)' })
  @Text(2000)
  responsibility!: string;

  @ApiProperty({ description: 'Measures (措施落实)' })
  @Text(5000)
  measures!: string;

  @ApiProperty({ description: 'Funds (资金落实)' })
  @Text(2000)
  funds!: string;

  @ApiProperty({ description: 'Time limit (时限落实)' })
  @Text(2000)
  timeLimit!: string;

  @ApiProperty({ description: 'Contingency plan (预案落实)' })
  @Text(5000)
  contingencyPlan!: string;
}

export class SubmitPlanBody extends CommandBody {
  @ApiProperty({ description: 'Rectification plan, the five items (整改方案 五落实)', type: RectificationPlanDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RectificationPlanDto)
  plan!: RectificationPlanDto;
}

export class ProgressReportBody extends CommandBody {
  @ApiProperty({ description: 'What was done since the last report (整改进展)' })
  @Text(10000)
  summary!: string;
}

export class RequestExtensionBody extends CommandBody {
  @ApiProperty({ description: 'Deadline requested (申请延期至), YYYY-MM-DD' })
  @DateField()
  requestedDeadline!: string;
}

export class DecideExtensionBody extends CommandBody {
  @ApiProperty({ description: 'Approve (true) or reject (false) the request (审批结果)' })
  @IsDefined()
  @IsBoolean()
  approved!: boolean;

  @ApiPropertyOptional({ description: 'Deadline granted, if not the one requested, YYYY-MM-DD' })
  @IsOmittable()
  @IsString()
  @IsCalendarDate()
  newDeadline?: string;
}

export class RecordReinspectionBody extends CommandBody {
  @ApiProperty({ description: 'Passed (true) or failed (false) (复查结论)' })
  @IsDefined()
  @IsBoolean()
  passed!: boolean;

  @ApiProperty({ description: 'Findings of the reinspection (复查意见)' })
  @Text(10000)
  findings!: string;
}

export class ScheduleInterviewBody extends CommandBody {
  @ApiProperty({ description: 'Date of the interview (约谈日期), YYYY-MM-DD, today or later in China' })
  @DateField()
  scheduledOn!: string;

  @ApiProperty({ description: 'Where the interview is held (约谈地点)' })
  @Text(500)
  place!: string;

  @ApiProperty({ description: "Who is summoned (约谈对象), such as the unit's principal person" })
  @Text(500)
  summoned!: string;
}

export class RecordInterviewBody extends CommandBody {
  @ApiProperty({ description: 'Date held (约谈日期), YYYY-MM-DD' })
  @DateField()
  heldOn!: string;

  @ApiProperty({ description: 'Who attended (参加人员)', type: [String] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayMaxSize(100, { context: { max: 100 } })
  @IsString({ each: true })
  attendees!: string[];

  @ApiProperty({ description: 'Minutes (约谈纪要)' })
  @Text(20000)
  minutes!: string;

  @ApiProperty({ description: 'Written commitment of the unit (书面承诺)' })
  @Text(10000)
  commitment!: string;
}

export class AcknowledgeEscalationBody extends CommandBody {
  @ApiPropertyOptional({ description: 'Instruction (批示) that goes back into the case' })
  @IsOmittable()
  @IsString()
  @MaxLength(5000, { context: { max: 5000 } })
  instruction?: string;
}

export class DecideExposureBody extends CommandBody {
  @ApiProperty({ description: 'Approve (true) or reject (false) media exposure (曝光审批)' })
  @IsDefined()
  @IsBoolean()
  approved!: boolean;
}
