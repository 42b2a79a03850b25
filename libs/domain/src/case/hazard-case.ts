import type { Actor } from './actor';
import type { DiscoverySource } from './discovery-source';
import type { PlaceType } from './place-type';
import type { ListingLevel } from '../lifecycle/commands';
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

/** Facts an inspector records when opening a case. */
export interface CaseOpening {
  readonly caseNumber: string;
  readonly responsibleUnit: ResponsibleUnit;
  readonly jurisdictionCode: string;
  readonly placeType: PlaceType;
  readonly address: string;
  readonly discoveredOn: string;
  readonly discoverySource: DiscoverySource;
  readonly hazardItems: readonly HazardItem[];
  /** Set on cases imported from historic records: where the facts came from and what the record leaves out. */
  readonly source?: SourceRecord;
}

/**
 * Facts a historic record may leave out (来源未载明). An imported case lists each one it lacks, so a
 * placeholder (an empty hazard list, a null credit code, a date taken from the notice year) is never
 * mistaken for data.
 */
export const SOURCE_GAPS = [
  'credit_code',
  'hazard_items',
  'address',
  'listed_on',
  'deadline',
  'closed_on',
  'responsible_person',
  'supervising_department',
] as const;

export type SourceGap = (typeof SOURCE_GAPS)[number];

/** How much of a date the record states: the whole day, only the month, or only the year. */
export type DatePrecision = 'day' | 'month' | 'year';

/** One public notice (or ledger entry) a case was imported from. */
export interface SourceNotice {
  /** The notice's id or document number as the record gives it. */
  readonly noticeId: string;
  readonly year?: number;
  /** Address of the page the notice was read from, when the record gives one. */
  readonly url?: string;
  /** Outcome the notice reports for the hazard: listed, closed, extended, exposed or unknown. */
  readonly outcome: string;
  /** Row of the imported file, counting the header as row 1. */
  readonly row: number;
}

/** Record behind an imported case: its facts as stated, and the decisions the import took on its gaps. */
export interface SourceRecord {
  readonly notices: readonly SourceNotice[];
  readonly gaps: readonly SourceGap[];
  /** Region as the record names it, before it was mapped to a GB/T 2260 code. */
  readonly regionAsStated: string;
  /** Place type as the record names it, before it was mapped to a place type. */
  readonly placeTypeAsStated: string;
  /** True when the record lists a whole area (a town, subdistrict, market cluster or park), not one unit. */
  readonly isArea: boolean;
  /** Precision of `discoveredOn`, which for an imported case is the earliest date the record states. */
  readonly discoveredOnPrecision: DatePrecision;
  /** Listing the record states but the case could not take on, because the record gives no deadline. */
  readonly listingAsStated?: {
    readonly level: ListingLevel;
    readonly governmentCode: string;
    readonly listedOn: string;
    /** Government or department the record names to supervise, as stated. */
    readonly supervisingBody?: string;
  };
  /** Each decision the import took on this record, in both languages. */
  readonly notes: readonly { readonly zh: string; readonly en: string }[];
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
  'interview_scheduled',
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
