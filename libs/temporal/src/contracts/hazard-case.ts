import { defineQuery, defineUpdate } from '@temporalio/workflow';

import type { Actor, CaseEvent, CaseOpening, CaseSnapshot } from '@duban/domain';

/** Workflow type name of the hazard case workflow; its workflow id is the case number. */
export const HAZARD_CASE_WORKFLOW_TYPE = 'hazardCase';

/** Input of a new case workflow. */
export interface HazardCaseInput {
  readonly opening: CaseOpening;
  readonly openedBy: Actor;
  /** SHA-256 of the canonical opening, to tell a repeat of the same request from a clash of case numbers. */
  readonly openingHash: string;
  /** Id of the API request that started the workflow. */
  readonly openRequestId: string;
}

export interface ConfirmOpenedArgs {
  readonly openRequestId: string;
  readonly openingHash: string;
}

export interface ConfirmOpenedResult {
  /** True when this request started the case, false when it found the case already open. */
  readonly created: boolean;
  readonly snapshot: CaseSnapshot;
}

/** Error type of an update rejected because the case number belongs to a different case. */
export const CASE_NUMBER_TAKEN = 'CaseNumberTaken';

/**
 * Sent with the start of a case (update-with-start), it returns once the opening is in the read model,
 * so the caller reads its own write.
 */
export const confirmOpenedUpdate = defineUpdate<ConfirmOpenedResult, [ConfirmOpenedArgs]>('confirmOpened');

export const getCaseSnapshotQuery = defineQuery<CaseSnapshot>('getCaseSnapshot');

export interface RecordCaseEventInput {
  readonly event: CaseEvent;
  /** The case as it stands after the event. */
  readonly snapshot: CaseSnapshot;
}

/** Activities the case workflow calls; the worker implements them. */
export interface CaseActivities {
  /** Writes one event to the read model and the audit trail in one transaction; a repeat writes nothing. */
  recordCaseEvent(input: RecordCaseEventInput): Promise<void>;
}

export const PROJECTION_ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;
