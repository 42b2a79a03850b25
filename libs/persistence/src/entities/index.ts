import { AuditEntryEntity } from './audit-entry.entity';
import { CaseEventEntity } from './case-event.entity';
import { HazardCaseEntity } from './hazard-case.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { NotificationEntity } from './notification.entity';

export { AuditEntryEntity, CaseEventEntity, HazardCaseEntity, IdempotencyKeyEntity, NotificationEntity };

export const ENTITIES = [AuditEntryEntity, CaseEventEntity, HazardCaseEntity, IdempotencyKeyEntity, NotificationEntity];
