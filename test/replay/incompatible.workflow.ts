// A hazardCase workflow changed without a patch: it waits a minute before loading the calendar.
// The replay test uses it to show that a recorded history catches such a change.
import { condition, proxyActivities, sleep } from '@temporalio/workflow';

import type { CaseState } from '@duban/domain';
import { PROJECTION_ACTIVITY_OPTIONS, type CaseActivities, type HazardCaseInput } from '@duban/temporal/contracts';

const { loadCalendarSchedules } = proxyActivities<CaseActivities>(PROJECTION_ACTIVITY_OPTIONS);

export async function hazardCase(input: HazardCaseInput): Promise<CaseState> {
  await sleep('1 minute');
  await loadCalendarSchedules({ fromYear: 2024 });
  await condition(() => false);
  throw new Error(`case ${input.opening.caseNumber} never ends`);
}
