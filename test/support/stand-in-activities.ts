import {
  DEFAULT_ESCALATION_POLICY,
  OFFICIAL_SCHEDULES,
  type CaseEvent,
  type CaseState,
  type EscalationPolicy,
} from '@duban/domain';
import type { CaseActivities } from '@duban/temporal';

/** What the stand-in projection saw, in order, for assertions. */
export interface RecordedBatch {
  readonly events: readonly CaseEvent[];
  readonly state: CaseState;
}

/**
 * Activities for workflow tests on the time-skipping server: the projection keeps what it is given in
 * memory, and the calendar and policy are the built-in ones (or the policy passed in).
 */
export function createStandInActivities(
  options: { policy?: EscalationPolicy; failFirstRecords?: number } = {},
): CaseActivities & { readonly batches: RecordedBatch[]; readonly events: () => CaseEvent[] } {
  const batches: RecordedBatch[] = [];
  let failuresLeft = options.failFirstRecords ?? 0;
  return {
    batches,
    events: () => batches.flatMap((batch) => batch.events),
    recordCaseEvents(input) {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        return Promise.reject(new Error('database unavailable'));
      }
      batches.push(input);
      return Promise.resolve();
    },
    loadCalendarSchedules: ({ fromYear }) =>
      Promise.resolve(OFFICIAL_SCHEDULES.filter((schedule) => schedule.year >= fromYear)),
    resolveEscalationPolicy: () => Promise.resolve(options.policy ?? DEFAULT_ESCALATION_POLICY),
  };
}
