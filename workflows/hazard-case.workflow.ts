import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';

import type { CaseEvent, CaseSnapshot } from '@duban/domain';
import {
  CASE_NUMBER_TAKEN,
  confirmOpenedUpdate,
  getCaseSnapshotQuery,
  PROJECTION_ACTIVITY_OPTIONS,
  type CaseActivities,
  type HazardCaseInput,
} from '@duban/temporal/contracts';

const { recordCaseEvent } = proxyActivities<CaseActivities>(PROJECTION_ACTIVITY_OPTIONS);

/**
 * One major fire hazard from discovery to delisting. The workflow id is the case number. The
 * workflow holds the stage and every clock; each event goes to the read model through an activity
 * before the command that caused it returns.
 */
export async function hazardCase(input: HazardCaseInput): Promise<CaseSnapshot> {
  const openedAt = new Date(workflowInfo().startTime).toISOString();
  let snapshot: CaseSnapshot = { ...input.opening, stage: 'discovered', openedAt, lastSequence: 0 };
  let openingRecorded = false;

  setHandler(getCaseSnapshotQuery, () => snapshot);

  setHandler(
    confirmOpenedUpdate,
    async ({ openRequestId }) => {
      await condition(() => openingRecorded);
      return { created: openRequestId === input.openRequestId, snapshot };
    },
    {
      validator: ({ openRequestId, openingHash }) => {
        if (openRequestId !== input.openRequestId && openingHash !== input.openingHash) {
          throw ApplicationFailure.create({
            type: CASE_NUMBER_TAKEN,
            message: `case number ${input.opening.caseNumber} is already used by a case with different details`,
            nonRetryable: true,
          });
        }
      },
    },
  );

  const opened: CaseEvent = {
    sequence: 1,
    type: 'case_opened',
    occurredAt: openedAt,
    actor: input.openedBy,
    data: { opening: input.opening, openingHash: input.openingHash },
  };
  snapshot = { ...snapshot, lastSequence: opened.sequence };
  await recordCaseEvent({ event: opened, snapshot });
  openingRecorded = true;

  // The lifecycle commands that move the case on arrive as updates; until then the case stays open.
  await condition(() => false);
  return snapshot;
}
