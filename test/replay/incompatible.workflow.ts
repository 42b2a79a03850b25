// A hazardCase workflow changed without a patch: it waits a minute before recording the opening.
// The replay test uses it to show that a recorded history catches such a change.
import { condition, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';

import type { CaseSnapshot } from '@duban/domain';
import { PROJECTION_ACTIVITY_OPTIONS, type CaseActivities, type HazardCaseInput } from '@duban/temporal/contracts';

const { recordCaseEvent } = proxyActivities<CaseActivities>(PROJECTION_ACTIVITY_OPTIONS);

export async function hazardCase(input: HazardCaseInput): Promise<CaseSnapshot> {
  const openedAt = new Date(workflowInfo().startTime).toISOString();
  const snapshot: CaseSnapshot = { ...input.opening, stage: 'discovered', openedAt, lastSequence: 1 };
  await sleep('1 minute');
  await recordCaseEvent({
    event: { sequence: 1, type: 'case_opened', occurredAt: openedAt, actor: input.openedBy, data: {} },
    snapshot,
  });
  await condition(() => false);
  return snapshot;
}
