import type { Role } from './roles';

/** Who a notification is for: a role in a jurisdiction, or the case's responsible unit. */
export type Recipient =
  | { readonly kind: 'unit'; readonly jurisdictionCode: string; readonly unitCreditCode: string | null }
  | { readonly kind: 'role'; readonly jurisdictionCode: string; readonly role: Role };

export const NOTIFICATION_TOPICS = [
  'reminder',
  'overdue_notice',
  'supervisory_letter',
  'interview',
  'interview_scheduled',
  'exposure_proposal',
  'exposure_published',
  'exposure_taken_down',
  'higher_level_report',
  'escalation_resent',
  'escalation_climbed',
  'statutory_clock_missed',
  'progress_report_missed',
  'extension_requested',
  'extension_decided',
  'reinspection_requested',
  'case_listed',
  'seal_expired',
] as const;

export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/**
 * A notification an event causes. It gets its stable key (case number, event sequence and its index
 * in the event) when the event is recorded, and is written to the outbox in the same transaction.
 */
export interface NotificationDraft {
  readonly topic: NotificationTopic;
  readonly recipient: Recipient;
  /** Id of the escalation it belongs to, when a leader must acknowledge it. */
  readonly escalationId?: string;
  readonly text: { readonly zh: string; readonly en: string };
}
