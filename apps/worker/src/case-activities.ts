import { log } from '@temporalio/activity';

import { DEFAULT_ESCALATION_POLICY, OFFICIAL_SCHEDULES, type EscalationPolicy, type YearSchedule } from '@duban/domain';
import type { CaseProjectionRepository, ConfigurationRepository } from '@duban/persistence';
import type { CaseActivities } from '@duban/temporal';

export interface CaseActivityOptions {
  /** Policy every case gets; tests and benchmarks pass one whose rungs are minutes apart. */
  readonly policy?: EscalationPolicy;
  readonly schedules?: readonly YearSchedule[];
}

/** Builds the activities of the case workflow over the worker's repositories. */
export function createCaseActivities(
  projection: CaseProjectionRepository,
  configuration: ConfigurationRepository | undefined,
  options: CaseActivityOptions = {},
): CaseActivities {
  return {
    async recordCaseEvents({ events, state }) {
      const { written } = await projection.recordEvents(events, state);
      if (written.length < events.length) {
        log.info('case events already recorded', {
          caseNumber: state.caseNumber,
          skipped: events.length - written.length,
        });
      }
    },
    async loadCalendarSchedules({ fromYear }) {
      const all = options.schedules ?? (configuration ? await configuration.schedules() : OFFICIAL_SCHEDULES);
      return all.filter((schedule) => schedule.year >= fromYear);
    },
    async resolveEscalationPolicy({ jurisdictionCode, listingLevel }) {
      if (options.policy) return options.policy;
      return configuration ? configuration.policyFor(jurisdictionCode, listingLevel) : DEFAULT_ESCALATION_POLICY;
    },
  };
}
