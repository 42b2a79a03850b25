import type { HazardItem } from '../case/hazard-case';
import type { ElementFinding, ExclusionAnswer } from '../determination/proposal';

/** Listing levels (挂牌级别), lowest first. */
export const LISTING_LEVELS = ['county', 'city', 'province', 'national'] as const;
export type ListingLevel = (typeof LISTING_LEVELS)[number];

export const LISTING_LEVEL_LABELS: Record<ListingLevel, string> = {
  county: '县级',
  city: '市级',
  province: '省级',
  national: '国务院安委办',
};

export const DETERMINATION_OUTCOMES = ['major', 'not_major', 'excluded'] as const;
export type DeterminationOutcome = (typeof DETERMINATION_OUTCOMES)[number];

/** The government that lists a case, or any government an escalation addresses. */
export interface Government {
  readonly jurisdictionCode: string;
  readonly name: string;
}

/** The five items of a rectification plan (五落实). */
export interface RectificationPlan {
  readonly responsibility: string;
  readonly measures: string;
  readonly funds: string;
  readonly timeLimit: string;
  readonly contingencyPlan: string;
}

export interface ExpertReview {
  readonly experts: readonly string[];
  readonly agreeing: number;
}

/** Payload of each lifecycle command, keyed by its type. */
export interface CommandPayloads {
  record_hazard_items: { readonly items: readonly HazardItem[] };
  start_determination: Record<string, never>;
  record_determination: {
    readonly outcome: DeterminationOutcome;
    /**
     * Findings of the brigade for the GB 35181 engine: the workflow runs it on the case's discovery date
     * and place type, and records its proposal with the decision.
     */
    readonly findings?: {
      readonly placeCategory?: string;
      readonly elements: readonly ElementFinding[];
      readonly exclusions?: readonly ExclusionAnswer[];
    };
    readonly decidedOn: string;
    readonly participants: readonly string[];
    readonly clauses: readonly string[];
    readonly expertReview?: ExpertReview;
    /** The outcome the engine proposed, when the client ran it itself and sends no findings. */
    readonly proposedOutcome?: DeterminationOutcome;
    /** Reason the decision departs from the proposal, required when it does. */
    readonly departureReason?: string;
  };
  serve_notice: { readonly documentNumber: string; readonly servedOn: string; readonly deadline: string };
  report_to_government: { readonly reportedOn: string; readonly government: Government };
  apply_seal: { readonly sealedOn: string; readonly scope: string; readonly days: number };
  lift_seal: { readonly liftedOn: string };
  list_case: {
    readonly documentNumber: string;
    readonly listedOn: string;
    readonly level: ListingLevel;
    readonly government: Government;
    readonly responsiblePerson: string;
    readonly supervisingDepartment: string;
    readonly deadline: string;
    /** Months between progress reports, or 0 for none. */
    readonly reportingIntervalMonths: number;
  };
  raise_listing_level: { readonly level: ListingLevel; readonly government: Government };
  submit_plan: { readonly plan: RectificationPlan };
  submit_progress_report: { readonly summary: string };
  request_extension: { readonly requestedDeadline: string };
  decide_extension: { readonly approved: boolean; readonly newDeadline?: string };
  apply_for_reinspection: Record<string, never>;
  record_reinspection: { readonly passed: boolean; readonly findings: string };
  close_case: Record<string, never>;
  consent_to_delisting: Record<string, never>;
  schedule_interview: {
    /** China date the interview is to be held, today or later. */
    readonly scheduledOn: string;
    readonly place: string;
    /** Person summoned: the unit's principal person, or a lower government's leader. */
    readonly summoned: string;
  };
  record_interview: {
    readonly heldOn: string;
    readonly attendees: readonly string[];
    readonly minutes: string;
    readonly commitment: string;
  };
  acknowledge_escalation: { readonly escalationId: string; readonly instruction?: string };
  decide_exposure: { readonly approved: boolean };
  withdraw_case: Record<string, never>;
  suspend_case: Record<string, never>;
  resume_case: Record<string, never>;
}

export type CommandType = keyof CommandPayloads;

/** A command as the workflow receives it: its type, payload, and the reason the actor gives. */
export type CaseCommand = {
  [K in CommandType]: { readonly type: K; readonly payload: CommandPayloads[K]; readonly reason?: string };
}[CommandType];
