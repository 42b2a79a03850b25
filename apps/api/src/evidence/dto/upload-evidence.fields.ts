import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

import { EVIDENCE_KINDS, EVIDENCE_PHASES, type EvidenceKind, type EvidencePhase } from '@duban/persistence';

export const DESCRIPTION_MAX_LENGTH = 500;

/** The form fields of POST /cases/:caseNumber/evidence, next to the `file` part. */
export class UploadEvidenceFields {
  @IsDefined()
  @IsIn(EVIDENCE_KINDS, { context: { values: EVIDENCE_KINDS } })
  kind!: EvidenceKind;

  @IsOptional()
  @IsInt()
  @Min(1, { context: { min: 1 } })
  eventSequence?: number;

  @IsOptional()
  @IsInt()
  @Min(0, { context: { min: 0 } })
  hazardItemIndex?: number;

  @IsOptional()
  @IsIn(EVIDENCE_PHASES, { context: { values: EVIDENCE_PHASES } })
  phase?: EvidencePhase;

  @IsOptional()
  @IsUUID()
  replaces?: string;

  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX_LENGTH, { context: { max: DESCRIPTION_MAX_LENGTH } })
  description?: string;
}

const INTEGER_FIELDS = new Set(['eventSequence', 'hazardItemIndex']);

/**
 * Turns multipart fields (all strings) into the DTO's plain object: digits become numbers in the
 * integer fields, anything else stays a string so the validator names the field.
 */
export function fieldsToPlain(fields: ReadonlyMap<string, string>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [name, value] of fields) {
    plain[name] = INTEGER_FIELDS.has(name) && /^\d{1,9}$/.test(value) ? Number(value) : value;
  }
  return plain;
}
