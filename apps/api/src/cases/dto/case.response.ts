import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  CASE_STAGES,
  DISCOVERY_SOURCES,
  LISTING_LEVELS,
  PLACE_TYPES,
  type Actor,
  type CaseStage,
  type CaseState,
  type DiscoverySource,
  type ListingLevel,
  type PlaceType,
} from '@duban/domain';
import type { CaseEventEntity, HazardCaseEntity } from '@duban/persistence';

import type { Language } from '../../problems/language';

class ResponsibleUnitResponse {
  @ApiProperty({ description: 'Name (责任单位名称)' })
  name!: string;

  @ApiProperty({
    description:
      'Unified social credit code (统一社会信用代码); null for an imported case whose record does not state it',
    type: String,
    nullable: true,
  })
  creditCode!: string | null;
}

class HazardItemResponse {
  @ApiProperty({ description: 'What is wrong (隐患描述)' })
  description!: string;

  @ApiPropertyOptional({ description: 'Where at the place (部位)' })
  location?: string;
}

/** A hazard case as the read model holds it. */
export class CaseResponse {
  @ApiProperty({ description: 'Case number (案件编号), also the workflow id' })
  caseNumber!: string;

  @ApiProperty({ description: 'Stage (阶段), set by the case workflow', enum: CASE_STAGES })
  stage!: CaseStage;

  @ApiProperty({ description: 'Jurisdiction (辖区), GB/T 2260 code' })
  jurisdictionCode!: string;

  @ApiProperty({ description: 'Place type (场所类型)', enum: PLACE_TYPES })
  placeType!: PlaceType;

  @ApiProperty({ description: 'Address (场所地址)' })
  address!: string;

  @ApiProperty({ description: 'Responsible unit (责任单位)', type: ResponsibleUnitResponse })
  responsibleUnit!: ResponsibleUnitResponse;

  @ApiProperty({ description: 'Discovered on (发现日期), YYYY-MM-DD' })
  discoveredOn!: string;

  @ApiProperty({ description: 'Source of discovery (发现来源)', enum: DISCOVERY_SOURCES })
  discoverySource!: DiscoverySource;

  @ApiProperty({ description: 'Hazard items (隐患项)', type: [HazardItemResponse] })
  hazardItems!: HazardItemResponse[];

  @ApiProperty({ description: 'When the case was opened (立案时间), ISO 8601 UTC' })
  openedAt!: string;

  @ApiProperty({ description: 'When the read model last changed, ISO 8601 UTC' })
  updatedAt!: string;

  @ApiProperty({ description: 'Sequence number of the last event recorded' })
  lastSequence!: number;

  @ApiProperty({ description: 'Listing level (挂牌级别), null when not listed', enum: LISTING_LEVELS, nullable: true })
  listingLevel!: ListingLevel | null;

  @ApiProperty({
    description: 'Rectification deadline in force (整改期限), YYYY-MM-DD, null before a notice sets one',
    nullable: true,
    type: String,
  })
  deadline!: string | null;

  @ApiProperty({ description: 'True once the deadline passed without the unit applying for reinspection (逾期)' })
  overdue!: boolean;

  @ApiProperty({ description: 'True for a case imported from a historic record (历史导入)' })
  imported!: boolean;
}

class ClockResponse {
  @ApiProperty({
    description: 'Clock id: handling_opinion, notice, report, rectification, reinspection, progress_report, seal',
  })
  id!: string;

  @ApiProperty({ description: 'Due date (截止日期), YYYY-MM-DD in China Standard Time' })
  due!: string;

  @ApiProperty({ description: 'Instant the deadline ends (24:00 Asia/Shanghai for day periods), ISO 8601 UTC' })
  dueAt!: string;

  @ApiProperty({ description: 'True when a year the deadline depends on has no loaded holiday schedule (暂定)' })
  provisional!: boolean;

  @ApiProperty({ description: 'running, met or missed' })
  status!: string;

  @ApiProperty({ description: 'How the deadline was reached, in the response language (计算说明)' })
  explanation!: string;
}

/** A case with every clock, the deadline history, escalations and the other parts of its state. */
export class CaseDetailResponse extends CaseResponse {
  @ApiProperty({ description: 'Every clock of the case with its explanation (时限)', type: [ClockResponse] })
  clocks!: ClockResponse[];

  @ApiProperty({ description: 'The original rectification deadline and every revision (期限及延期记录)' })
  deadlines!: CaseState['deadlines'];

  @ApiPropertyOptional({ description: 'Collective determination (集体讨论判定)' })
  determination?: CaseState['determination'];

  @ApiPropertyOptional({ description: 'Rectification notice (重大火灾隐患整改通知书)' })
  notice?: CaseState['notice'];

  @ApiPropertyOptional({ description: 'Report to the government (报告本级人民政府)' })
  report?: CaseState['report'];

  @ApiPropertyOptional({ description: 'Listed supervision (挂牌督办), with its level history' })
  listing?: CaseState['listing'];

  @ApiPropertyOptional({ description: 'Rectification plan (整改方案, 五落实)' })
  plan?: CaseState['plan'];

  @ApiProperty({ description: 'Progress reports (整改进展报告)' })
  progressReports!: CaseState['progressReports'];

  @ApiPropertyOptional({ description: 'Pending extension request (延期申请)' })
  extensionRequest?: CaseState['extensionRequest'];

  @ApiProperty({ description: 'Reinspection applications and results (复查)' })
  reinspections!: CaseState['reinspections'];

  @ApiProperty({ description: 'Temporary seals (临时查封)' })
  seals!: CaseState['seals'];

  @ApiProperty({ description: 'Escalations to leaders (督办函、约谈、曝光提议、上报) with acknowledgement state' })
  escalations!: CaseState['escalations'];

  @ApiProperty({ description: 'Interviews held (约谈记录)' })
  interviews!: CaseState['interviews'];

  @ApiPropertyOptional({ description: 'Media exposure (曝光) status' })
  exposure?: CaseState['exposure'];

  @ApiProperty({ description: 'Escalation policy in force, id and version (督办策略)' })
  policy!: { id: string; version: number };

  @ApiPropertyOptional({ description: 'Withdrawal (撤销) time and reason' })
  withdrawal?: CaseState['withdrawal'];
}

export class CaseEventResponse {
  @ApiProperty({ description: 'Sequence number of the event in its case' })
  sequence!: number;

  @ApiProperty({ description: 'Event type, e.g. notice_served' })
  type!: string;

  @ApiProperty({ description: 'When it happened, ISO 8601 UTC' })
  occurredAt!: string;

  @ApiProperty({ description: 'Who caused it: a user (id, role, jurisdiction or unit) or the system' })
  actor!: Actor;

  @ApiPropertyOptional({ description: 'Reason the actor gave (理由)' })
  reason?: string;

  @ApiProperty({ description: 'What the event recorded' })
  data!: Record<string, unknown>;
}

export class CaseListResponse {
  @ApiProperty({ type: [CaseResponse] })
  items!: CaseResponse[];

  @ApiProperty({ description: 'Number of cases matching the filters within your scope' })
  total!: number;

  @ApiProperty({
    description: 'Cursor of the next page, to send as `cursor`; null on the last page',
    type: String,
    nullable: true,
  })
  nextCursor!: string | null;
}

export function toCaseResponse(row: HazardCaseEntity): CaseResponse {
  return {
    caseNumber: row.caseNumber,
    stage: row.stage,
    jurisdictionCode: row.jurisdictionCode,
    placeType: row.placeType,
    address: row.address,
    responsibleUnit: { name: row.unitName, creditCode: row.unitCreditCode },
    discoveredOn: row.discoveredOn,
    discoverySource: row.discoverySource,
    hazardItems: row.hazardItems,
    openedAt: row.openedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastSequence: row.lastSequence,
    listingLevel: row.listingLevel,
    deadline: row.deadline,
    overdue: row.overdue,
    imported: row.imported,
  };
}

export function toCaseDetailResponse(row: HazardCaseEntity, language: Language): CaseDetailResponse {
  const state = row.state;
  const clocks = Object.values(state.clocks).flatMap((clock) =>
    clock
      ? [
          {
            id: clock.id,
            due: clock.due,
            dueAt: clock.dueAt,
            provisional: clock.provisional,
            status: clock.status,
            explanation: clock.explanation[language],
          },
        ]
      : [],
  );
  return {
    ...toCaseResponse(row),
    clocks,
    deadlines: state.deadlines,
    determination: state.determination,
    notice: state.notice,
    report: state.report,
    listing: state.listing,
    plan: state.plan,
    progressReports: state.progressReports,
    extensionRequest: state.extensionRequest,
    reinspections: state.reinspections,
    seals: state.seals,
    escalations: state.escalations,
    interviews: state.interviews,
    exposure: state.exposure,
    policy: { id: state.policy.id, version: state.policy.version },
    withdrawal: state.withdrawal,
  };
}

export function toCaseEventResponse(row: CaseEventEntity): CaseEventResponse {
  return {
    sequence: row.sequence,
    type: row.type,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actor,
    ...(row.reason ? { reason: row.reason } : {}),
    data: row.data,
  };
}
