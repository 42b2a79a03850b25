import { canActOnCase, jurisdictionPrefix, type Actor } from '@duban/domain';
import type { CaseVisibility, HazardCaseEntity } from '@duban/persistence';

import { ApiProblem } from '../problems/problem';

/** The cases an actor may see: a unit its own, administrators none, everyone else its jurisdiction subtree. */
export function visibilityOf(actor: Actor): CaseVisibility {
  if (actor.kind === 'system') return { jurisdictionPrefix: '' };
  if (actor.role === 'unit') return actor.unitCreditCode ? { unitCreditCode: actor.unitCreditCode } : { none: true };
  if (actor.role === 'admin' || !actor.jurisdictionCode) return { none: true };
  return { jurisdictionPrefix: jurisdictionPrefix(actor.jurisdictionCode) };
}

/**
 * Returns the case when the actor may see it. A case outside the actor's scope is reported as not
 * found, so its existence does not leak.
 */
export function visibleCase(actor: Actor, caseNumber: string, row: HazardCaseEntity | null): HazardCaseEntity {
  const visible =
    row !== null &&
    (actor.kind === 'system' ||
      (actor.role !== 'admin' &&
        canActOnCase(actor, { jurisdictionCode: row.jurisdictionCode, unitCreditCode: row.unitCreditCode })));
  if (!visible || row === null) throw caseNotFound(caseNumber);
  return row;
}

export function caseNotFound(caseNumber: string): ApiProblem {
  return new ApiProblem('case_not_found', {
    zh: `没有编号为 ${caseNumber} 的案件，或该案件不在您的管辖范围内`,
    en: `No case numbered ${caseNumber} exists within your scope`,
  });
}
