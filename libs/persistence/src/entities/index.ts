import { AuditEntryEntity } from './audit-entry.entity';
import { CaseEventEntity } from './case-event.entity';
import { HazardCaseEntity } from './hazard-case.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export { AuditEntryEntity, CaseEventEntity, HazardCaseEntity, IdempotencyKeyEntity };

export const ENTITIES = [AuditEntryEntity, CaseEventEntity, HazardCaseEntity, IdempotencyKeyEntity];
