import type { CaseOpening } from '../case/hazard-case';
import type { CaseStage } from '../case/stage';
import type { DeadlineExplanation } from '../calendar/explanation';
import type { StatutoryClockId } from '../calendar/statutory-clocks';
import type { EscalationPolicy } from '../escalation/policy';
import { chinaDateOf } from '../time/china-date';
import type { CommandPayloads, Government, ListingLevel, RectificationPlan } from './commands';

/** The clocks a case keeps; each has at most one running deadline at a time. */
export const CLOCK_IDS = [
  'handling_opinion',
  'notice',
  'report',
  'rectification',
  'reinspection',
  'progress_report',
  'seal',
] as const;

export type ClockId = (typeof CLOCK_IDS)[number];

export const CLOCK_LABELS: Record<ClockId, { zh: string; en: string }> = {
  handling_opinion: { zh: '提出处理意见', en: 'handling opinion' },
  notice: { zh: '送达整改通知书', en: 'rectification notice' },
  report: { zh: '报告本级人民政府', en: 'report to the government' },
  rectification: { zh: '整改期限', en: 'rectification deadline' },
  reinspection: { zh: '复查', en: 'reinspection' },
  progress_report: { zh: '整改进展报告', en: 'progress report' },
  seal: { zh: '临时查封期限', en: 'temporary seal' },
};

/** Basis a clock's deadline was computed from, kept so it can be recomputed when a schedule is loaded. */
export type ClockBasis =
  | { readonly kind: 'rule'; readonly rule: StatutoryClockId; readonly from: string }
  | { readonly kind: 'absolute'; readonly date: string }
  | { readonly kind: 'seal'; readonly from: string; readonly days: number }
  | { readonly kind: 'months'; readonly from: string; readonly months: number };

/** The part of a GB 35181 proposal a determination keeps. */
export interface RecordedProposal {
  readonly edition: string | null;
  readonly placeCategory: string | null;
  readonly outcome: string;
  readonly method: string | null;
  readonly count: number | null;
  readonly threshold: number | null;
  readonly explanation: { readonly zh: string; readonly en: string };
  readonly unverified: readonly { readonly subject: string; readonly ref: string }[];
}

export interface ClockState {
  readonly id: ClockId;
  readonly basis: ClockBasis;
  /** China date the deadline falls on. */
  readonly due: string;
  /** Instant the deadline ends (24:00 Asia/Shanghai of `due` for day periods). */
  readonly dueAt: string;
  readonly provisional: boolean;
  readonly explanation: DeadlineExplanation;
  /** `stopped` when the case closed or was withdrawn while the clock ran. */
  readonly status: 'running' | 'met' | 'missed' | 'stopped';
  /** When the clock stopped: the step was taken, or the deadline passed. */
  readonly settledAt?: string;
}

/** One revision of the rectification deadline: the original, then each approved extension. */
export interface DeadlineRevision {
  readonly deadline: string;
  readonly setBy: 'notice' | 'listing' | 'extension';
  readonly setAt: string;
}

export interface ListingState extends Omit<CommandPayloads['list_case'], 'level' | 'government'> {
  readonly level: ListingLevel;
  readonly government: Government;
  readonly levelHistory: readonly {
    readonly level: ListingLevel;
    readonly government: Government;
    readonly at: string;
  }[];
}

export const ESCALATION_KINDS = [
  'supervisory_letter',
  'interview',
  'exposure_proposal',
  'higher_level_report',
] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** An escalation addressed to a government's leaders, which they must acknowledge. */
export interface EscalationState {
  readonly id: string;
  readonly kind: EscalationKind;
  readonly jurisdictionCode: string;
  readonly sentAt: string;
  readonly acknowledgeBy: string;
  readonly resends: number;
  readonly climbs: number;
  readonly acknowledgedAt?: string;
  readonly instruction?: string;
  /** When the deadline was extended or the case closed before acknowledgement, which ended the chase. */
  readonly supersededAt?: string;
}

export type ExposureStatus = 'proposed' | 'rejected' | 'published' | 'taken_down';

export interface ExposureState {
  readonly status: ExposureStatus;
  readonly proposedAt: string;
  readonly decidedAt?: string;
  readonly publishedAt?: string;
  readonly takedownAt?: string;
  readonly takenDownAt?: string;
}

export interface SealState {
  readonly number: number;
  readonly sealedOn: string;
  readonly scope: string;
  readonly expiresOn: string;
  readonly status: 'active' | 'lifted' | 'expired';
  readonly endedAt?: string;
}

/** State of a case as the workflow keeps it; the read model stores each snapshot of it. */
export interface CaseState {
  readonly caseNumber: string;
  readonly opening: CaseOpening;
  readonly stage: CaseStage;
  /** Stage to return to when a suspended case resumes. */
  readonly stageBeforeSuspension?: CaseStage;
  readonly openedAt: string;
  readonly lastSequence: number;
  /** Set on cases imported from historic records: the stage they entered at and when. */
  readonly imported?: { readonly at: string; readonly stage: CaseStage };
  readonly policy: EscalationPolicy;
  readonly determination?: CommandPayloads['record_determination'] & {
    readonly recordedAt: string;
    /** The engine's proposal from the findings, as the decision followed it or departed from it. */
    readonly proposal?: RecordedProposal;
  };
  readonly notice?: CommandPayloads['serve_notice'];
  readonly report?: CommandPayloads['report_to_government'];
  readonly listing?: ListingState;
  readonly deadlines: readonly DeadlineRevision[];
  readonly plan?: RectificationPlan & { readonly submittedAt: string };
  readonly progressReports: readonly { readonly summary: string; readonly submittedAt: string }[];
  readonly extensionRequest?: { readonly requestedDeadline: string; readonly requestedAt: string };
  readonly reinspections: readonly {
    readonly appliedAt: string;
    readonly passed?: boolean;
    readonly findings?: string;
    /** When the result was recorded; absent in cases recorded before it was kept. */
    readonly recordedAt?: string;
  }[];
  readonly seals: readonly SealState[];
  readonly clocks: Partial<Record<ClockId, ClockState>>;
  /** Ladder rungs already passed, by rung id, with when they fired and whether anything was sent. */
  readonly rungs: Readonly<Record<string, { readonly at: string; readonly sent: boolean }>>;
  readonly escalations: readonly EscalationState[];
  readonly interviews: readonly (CommandPayloads['record_interview'] & { readonly recordedAt: string })[];
  /** The interview summoned and not yet recorded as held. */
  readonly scheduledInterview?: CommandPayloads['schedule_interview'] & { readonly scheduledAt: string };
  readonly exposure?: ExposureState;
  readonly closedAt?: string;
  readonly delistedAt?: string;
  readonly withdrawal?: { readonly at: string; readonly reason: string };
}

export const FINAL_STAGES: readonly CaseStage[] = ['delisted', 'not_major', 'excluded', 'withdrawn'];

/** Returns the rectification deadline in force: the last revision, or none before a notice or listing sets it. */
export function currentDeadline(state: CaseState): string | undefined {
  return state.deadlines[state.deadlines.length - 1]?.deadline;
}

/**
 * Returns the China date the case's rectification ended: its closure (销案), else its delisting, else
 * its withdrawal. Returns undefined while the rectification runs.
 */
export function rectificationEndedOn(state: CaseState): string | undefined {
  const endedAt = state.closedAt ?? state.delistedAt ?? state.withdrawal?.at;
  return endedAt === undefined ? undefined : chinaDateOf(new Date(endedAt));
}

/** True when no further command or timer can change the case, apart from an exposure takedown. */
export function isFinal(state: CaseState): boolean {
  return FINAL_STAGES.includes(state.stage) || (state.stage === 'closed' && state.listing === undefined);
}

export function activeSeal(state: CaseState): SealState | undefined {
  return state.seals.find((seal) => seal.status === 'active');
}
