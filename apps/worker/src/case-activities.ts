import { log } from '@temporalio/activity';

import type { CaseProjectionRepository } from '@duban/persistence';
import type { CaseActivities } from '@duban/temporal';

/** Builds the activities of the case workflow over the worker's repositories. */
export function createCaseActivities(projection: CaseProjectionRepository): CaseActivities {
  return {
    async recordCaseEvent({ event, snapshot }) {
      const { written } = await projection.recordEvent(event, snapshot);
      if (!written) {
        log.info('case event already recorded', { caseNumber: snapshot.caseNumber, sequence: event.sequence });
      }
    },
  };
}
