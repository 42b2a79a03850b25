import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

import type {
  Actor,
  CaseCommand,
  CaseEvent,
  CaseImport,
  CaseOpening,
  CaseStage,
  CaseState,
  ClockState,
  EscalationPolicy,
  ListingLevel,
  YearSchedule,
} from '@duban/domain';

/** Workflow type name of the hazard case workflow; its workflow id is the case number. */
export const HAZARD_CASE_WORKFLOW_TYPE = 'hazardCase';

/** A one-line record of an event, kept in the workflow for the history summary query. */
export interface EventSummary {
  readonly sequence: number;
  readonly type: string;
  readonly occurredAt: string;
}

/** Input of a case workflow: a new case, an imported historic one, or a run continued as new. */
export interface HazardCaseInput {
  readonly opening: CaseOpening;
  readonly openedBy: Actor;
  /** SHA-256 of the canonical opening, to tell a repeat of the same request from a clash of case numbers. */
  readonly openingHash: string;
  /** Id of the API request that started the workflow. */
  readonly openRequestId: string;
  /** Set when the case comes from a historic record. */
  readonly import?: CaseImport;
  /** History length past which the run continues as new; tests set it low. Defaults to CONTINUE_AS_NEW_HISTORY_LENGTH. */
  readonly continueAsNewAfter?: number;
  /** Set when a run continues as new: the state to carry on from. */
  readonly resume?: {
    readonly state: CaseState;
    readonly recentEvents: readonly EventSummary[];
    /**
     * Results of the latest commands sent with an idempotency key, by update id, so that a repeat sent
     * after the run continued as new gets the first result instead of running again.
     */
    readonly keyedCommandResults?: Readonly<Record<string, ExecuteCommandResult>>;
  };
}

export interface ConfirmOpenedArgs {
  readonly openRequestId: string;
  readonly openingHash: string;
}

export interface ConfirmOpenedResult {
  /** True when this request started the case, false when it found the case already open. */
  readonly created: boolean;
  readonly stage: CaseStage;
  readonly lastSequence: number;
}

/** Error type of an update rejected because the case number belongs to a different case. */
export const CASE_NUMBER_TAKEN = 'CaseNumberTaken';

/** Error type of a command that does not fit the case; the failure's details hold the rejection. */
export const COMMAND_REJECTED = 'CommandRejected';

export interface CommandRejectionDetails {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

/**
 * Sent with the start of a case (update-with-start), it returns once the opening is in the read model,
 * so the caller reads its own write.
 */
export const confirmOpenedUpdate = defineUpdate<ConfirmOpenedResult, [ConfirmOpenedArgs]>('confirmOpened');

export interface ExecuteCommandArgs {
  readonly command: CaseCommand;
  readonly actor: Actor;
}

/**
 * Result of a command: a summary, not the state, because every update result stays in the workflow's
 * history. The API reads the case from the read model, which is written before the update returns.
 */
export interface ExecuteCommandResult {
  /** Sequence numbers of the events the command recorded. */
  readonly sequences: readonly number[];
  readonly stage: CaseStage;
  readonly lastSequence: number;
}

/**
 * Prefix of the update id of a command sent with an idempotency key. The workflow keeps the results of
 * such commands across continue-as-new, up to KEYED_COMMAND_RESULTS_KEPT of them.
 */
export const KEYED_COMMAND_UPDATE_PREFIX = 'command:';

/** Number of keyed command results a case keeps for repeats; the oldest is dropped first. */
export const KEYED_COMMAND_RESULTS_KEPT = 200;

/** Every lifecycle command; returns after its events are in the read model. */
export const executeCommandUpdate = defineUpdate<ExecuteCommandResult, [ExecuteCommandArgs]>('executeCommand');

/** Loads new or corrected year schedules into a running case, which recomputes provisional clocks. */
export const calendarUpdatedSignal = defineSignal<[readonly YearSchedule[]]>('calendarUpdated');

export interface CaseView {
  readonly state: CaseState;
  readonly clocks: readonly ClockState[];
  /** The ladder of the deadline in force, each rung with its instant and whether it has passed. */
  readonly ladder: readonly {
    readonly id: string;
    readonly kind: string;
    readonly at: string;
    readonly passed: boolean;
  }[];
  readonly nextWakeAt: string | null;
  readonly recentEvents: readonly EventSummary[];
}

export const getCaseViewQuery = defineQuery<CaseView>('getCaseView');

export interface RecordCaseEventsInput {
  readonly events: readonly CaseEvent[];
  /** State of the case after the last of the events. */
  readonly state: CaseState;
}

/** Activities the case workflow calls; the worker implements them. */
export interface CaseActivities {
  /**
   * Writes events, their notifications (to the outbox) and the state after them to the read model and
   * the audit trail, in one transaction; events already written are skipped.
   */
  recordCaseEvents(input: RecordCaseEventsInput): Promise<void>;
  /** Returns the year schedules in force from `fromYear` on, which the case's working calendar uses. */
  loadCalendarSchedules(input: { fromYear: number }): Promise<YearSchedule[]>;
  /** Chooses the escalation policy for a jurisdiction and listing level. */
  resolveEscalationPolicy(input: {
    jurisdictionCode: string;
    listingLevel: ListingLevel | null;
  }): Promise<EscalationPolicy>;
}

/** Options of the configuration reads (calendar, policy): short local activities, recorded as markers. */
export const CONFIGURATION_ACTIVITY_OPTIONS = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
} as const;

export const PROJECTION_ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

/** A history past this many events continues as new, far below Temporal's limit of 51,200. */
export const CONTINUE_AS_NEW_HISTORY_LENGTH = 5000;
