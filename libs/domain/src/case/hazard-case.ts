import type { Actor } from './actor';
import type { DiscoverySource } from './discovery-source';
import type { PlaceType } from './place-type';
import type { NotificationDraft } from '../lifecycle/notifications';

/** One hazard item (隐患项) found at the place, as the inspector recorded it. */
export interface HazardItem {
  readonly description: string;
  readonly location?: string;
}

/**
 * The organisation that must rectify (责任单位). Historic records often omit the credit code, so an
 * imported case may carry null; cases opened by inspectors always have one.
 */
export interface ResponsibleUnit {
  readonly name: string;
  readonly creditCode: string | null;
}

/** What an inspector states when opening a case. */
export interface CaseOpening {
  readonly caseNumber: string;
  readonly responsibleUnit: ResponsibleUnit;
  readonly jurisdictionCode: string;
  readonly placeType: PlaceType;
  readonly address: string;
  readonly discoveredOn: string;
  readonly discoverySource: DiscoverySource;
  readonly hazardItems: readonly HazardItem[];
}

export const CASE_EVENT_TYPES = [
  'case_opened',
  'case_imported',
  'hazard_items_recorded',
  'determination_started',
  'determination_recorded',
  'notice_served',
  'reported_to_government',
  'seal_applied',
  'seal_lifted',
  'seal_expired',
  'case_listed',
  'listing_level_raised',
  'plan_submitted',
  'progress_report_submitted',
  'extension_requested',
  'extension_decided',
  'reinspection_applied',
  'reinspection_recorded',
  'case_closed',
  'case_delisted',
  'interview_recorded',
  'escalation_acknowledged',
  'exposure_published',
  'exposure_rejected',
  'exposure_taken_down',
  'case_withdrawn',
  'case_suspended',
  'case_resumed',
  'reminder_sent',
  'overdue_notice_sent',
  'escalation_sent',
  'escalation_resent',
  'escalation_climbed',
  'escalation_unanswered',
  'statutory_clock_missed',
  'progress_report_missed',
  'rung_passed_before_import',
  'calendar_updated',
] as const;

export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/**
 * One step in a case's history. The sequence number starts at 1 and grows by one per event, so
 * projections are idempotent on (case number, sequence).
 */
export interface CaseEvent {
  readonly sequence: number;
  readonly type: CaseEventType;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly reason?: string;
  readonly data: Record<string, unknown>;
  /** Notifications the event causes, written to the outbox with it. */
  readonly notifications?: readonly NotificationDraft[];
}
