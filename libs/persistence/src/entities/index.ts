import { AuditEntryEntity } from './audit-entry.entity';
import { CaseClockEntity, CaseEscalationEntity, CaseExposureEntity, CaseInterviewEntity } from './case-detail.entities';
import { CaseEventEntity } from './case-event.entity';
import { HazardCaseEntity } from './hazard-case.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { EvidenceEntity } from './evidence.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationDeliveryAttemptEntity } from './notification-delivery-attempt.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { JurisdictionEntity } from './jurisdiction.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

export { AuditEntryEntity, CaseEventEntity, HazardCaseEntity, IdempotencyKeyEntity, NotificationEntity };
export * from './case-detail.entities';
export * from './evidence.entity';
export * from './notification-delivery-attempt.entity';
export * from './notification-delivery.entity';
export * from './jurisdiction.entity';
export * from './unit.entity';
export * from './user.entity';

export const ENTITIES = [
  AuditEntryEntity,
  CaseEventEntity,
  HazardCaseEntity,
  IdempotencyKeyEntity,
  NotificationEntity,
  EvidenceEntity,
  NotificationDeliveryEntity,
  NotificationDeliveryAttemptEntity,
  CaseClockEntity,
  CaseEscalationEntity,
  CaseInterviewEntity,
  CaseExposureEntity,
  JurisdictionEntity,
  UnitEntity,
  UserEntity,
];
