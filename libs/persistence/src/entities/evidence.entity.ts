import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Actor } from '@duban/domain';

export const EVIDENCE_KINDS = ['photo', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Whether a photo shows a hazard item before or after its rectification (整改前 / 整改后). */
export const EVIDENCE_PHASES = ['before', 'after'] as const;
export type EvidencePhase = (typeof EVIDENCE_PHASES)[number];

/**
 * One stored evidence file of a case and what is known about it. Rows are immutable (a database
 * trigger rejects UPDATE and DELETE): a correction is a new row whose `replaces` names the old one.
 */
@Entity({ name: 'evidence' })
@Index('evidence_case_uploaded_at', ['caseNumber', 'uploadedAt'])
export class EvidenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: EvidenceKind;

  /** Sequence of the case event the evidence belongs to, such as a progress report. */
  @Column({ name: 'event_sequence', type: 'integer', nullable: true })
  eventSequence!: number | null;

  /** Index of the hazard item in the case's hazard items. */
  @Column({ name: 'hazard_item_index', type: 'integer', nullable: true })
  hazardItemIndex!: number | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  phase!: EvidencePhase | null;

  /** Id of the evidence this row corrects. A unique constraint lets each row be replaced only once. */
  @Column({ type: 'uuid', nullable: true })
  replaces!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  /** Media type sniffed from the content (it matched the type the client declared). */
  @Column({ name: 'content_type', type: 'varchar', length: 64 })
  contentType!: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes!: string;

  /** SHA-256 of the content, lower-case hex. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** Store the content is in: `local` or `s3`. */
  @Column({ type: 'varchar', length: 8 })
  storage!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  /** When the photo was taken, from EXIF. */
  @Column({ name: 'captured_at', type: 'timestamptz', nullable: true })
  capturedAt!: Date | null;

  @Column({ name: 'gps_latitude', type: 'double precision', nullable: true })
  gpsLatitude!: number | null;

  @Column({ name: 'gps_longitude', type: 'double precision', nullable: true })
  gpsLongitude!: number | null;

  @Column({ name: 'uploaded_by', type: 'jsonb' })
  uploadedBy!: Actor;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
