import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  CASE_STAGES,
  DISCOVERY_SOURCES,
  PLACE_TYPES,
  type CaseStage,
  type DiscoverySource,
  type PlaceType,
} from '@duban/domain';
import type { HazardCaseEntity } from '@duban/persistence';

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
}

export class CaseListResponse {
  @ApiProperty({ type: [CaseResponse] })
  items!: CaseResponse[];

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
  };
}
