import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

import { EVIDENCE_MEDIA_TYPES } from '@duban/evidence';
import { EVIDENCE_KINDS, EVIDENCE_PHASES, type EvidenceEntity } from '@duban/persistence';

class GpsResponse {
  @ApiProperty({ description: 'Latitude in decimal degrees, north positive' })
  latitude!: number;

  @ApiProperty({ description: 'Longitude in decimal degrees, east positive' })
  longitude!: number;
}

class UploaderResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: String, nullable: true })
  role!: string | null;
}

/** One evidence file (证据) and what is known about it. */
export class EvidenceResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  caseNumber!: string;

  @ApiProperty({ description: 'photo (照片) or document (文件)', enum: EVIDENCE_KINDS })
  kind!: string;

  @ApiProperty({ description: 'Case event it belongs to', type: Number, nullable: true })
  eventSequence!: number | null;

  @ApiProperty({ description: 'Index of the hazard item (隐患项) it shows', type: Number, nullable: true })
  hazardItemIndex!: number | null;

  @ApiProperty({ description: 'before (整改前) or after (整改后)', enum: EVIDENCE_PHASES, nullable: true })
  phase!: string | null;

  @ApiProperty({ description: 'Id of the evidence this version corrects', type: String, nullable: true })
  replaces!: string | null;

  @ApiProperty({ description: 'Id of the correction that replaced this version', type: String, nullable: true })
  replacedBy!: string | null;

  @ApiProperty({ description: 'True when no correction has replaced it' })
  current!: boolean;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ description: 'File name the client sent', type: String, nullable: true })
  fileName!: string | null;

  @ApiProperty({ description: 'Media type sniffed from the content', enum: EVIDENCE_MEDIA_TYPES })
  contentType!: string;

  @ApiProperty()
  sizeBytes!: number;

  @ApiProperty({ description: 'SHA-256 of the content, hex; checked on every download' })
  sha256!: string;

  @ApiProperty({ description: 'When the photo was taken, from EXIF', type: String, nullable: true })
  capturedAt!: string | null;

  @ApiProperty({ description: 'Where the photo was taken, from EXIF', type: GpsResponse, nullable: true })
  gps!: GpsResponse | null;

  @ApiProperty({ type: UploaderResponse })
  uploadedBy!: UploaderResponse;

  @ApiProperty()
  uploadedAt!: string;

  @ApiProperty({ description: 'Where to download the content' })
  contentUrl!: string;
}

/** The current before and after photos of one hazard item, side by side. */
export class HazardItemPhotosResponse {
  @ApiProperty()
  hazardItemIndex!: number;

  @ApiProperty({ description: 'The hazard item (隐患描述)', type: String, nullable: true })
  hazardItem!: string | null;

  @ApiProperty({ type: [EvidenceResponse] })
  before!: EvidenceResponse[];

  @ApiProperty({ type: [EvidenceResponse] })
  after!: EvidenceResponse[];
}

export class EvidenceListResponse {
  @ApiProperty({ description: 'Evidence of the case, oldest first', type: [EvidenceResponse] })
  items!: EvidenceResponse[];

  @ApiProperty({
    description: 'Current before/after photos (整改前后对比) per hazard item that has any',
    type: [HazardItemPhotosResponse],
  })
  pairs!: HazardItemPhotosResponse[];
}

function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** Query of GET /cases/:caseNumber/evidence. */
export class ListEvidenceQuery {
  @ApiPropertyOptional({ description: 'Also list versions that a correction replaced', type: Boolean, default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeReplaced?: boolean;
}

export function toEvidenceResponse(evidence: EvidenceEntity, replacedBy: string | null): EvidenceResponse {
  const gps =
    evidence.gpsLatitude !== null && evidence.gpsLongitude !== null
      ? { latitude: evidence.gpsLatitude, longitude: evidence.gpsLongitude }
      : null;
  return {
    id: evidence.id,
    caseNumber: evidence.caseNumber,
    kind: evidence.kind,
    eventSequence: evidence.eventSequence,
    hazardItemIndex: evidence.hazardItemIndex,
    phase: evidence.phase,
    replaces: evidence.replaces,
    replacedBy,
    current: replacedBy === null,
    description: evidence.description,
    fileName: evidence.fileName,
    contentType: evidence.contentType,
    sizeBytes: Number(evidence.sizeBytes),
    sha256: evidence.sha256,
    capturedAt: evidence.capturedAt?.toISOString() ?? null,
    gps,
    uploadedBy: { id: evidence.uploadedBy.id, role: evidence.uploadedBy.role ?? null },
    uploadedAt: evidence.uploadedAt.toISOString(),
    contentUrl: `/cases/${evidence.caseNumber}/evidence/${evidence.id}/content`,
  };
}
