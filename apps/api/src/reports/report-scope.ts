import {
  chinaDateOf,
  isCalendarDate,
  isJurisdictionCode,
  isWithinJurisdiction,
  jurisdictionPrefix,
  type Actor,
  type Role,
} from '@duban/domain';

import { ApiProblem } from '../problems/problem';
import { RequestValidationError } from '../problems/request-validation.error';
import type { FieldViolation } from '../problems/request-validation.error';

/** Roles that read reports of their jurisdiction. A unit reads only its own cases, and an admin none. */
export const REPORT_ROLES: readonly Role[] = ['inspector', 'brigade_leader', 'government_officer', 'government_leader'];

/** The jurisdiction and period a report covers, both checked against the caller. */
export interface ReportScope {
  readonly jurisdictionCode: string;
  /** GB/T 2260 prefix of every code in the jurisdiction. */
  readonly prefix: string;
  /** First and last China date of the period, inclusive. */
  readonly from: string;
  readonly to: string;
}

export interface ReportQuery {
  readonly jurisdiction?: string;
  readonly from?: string;
  readonly to?: string;
}

/**
 * Resolves the scope of a report. The jurisdiction defaults to the caller's and must lie within it. The
 * period defaults to 1 January of this year through today (China time).
 */
export function resolveScope(actor: Actor, query: ReportQuery, now = new Date()): ReportScope {
  if (!actor.role || !REPORT_ROLES.includes(actor.role as Role) || actor.jurisdictionCode === undefined) {
    throw new ApiProblem('forbidden', {
      zh: `角色 ${actor.role ?? '（无）'} 不能查看报表；可查看的角色：${REPORT_ROLES.join('、')}`,
      en: `role ${actor.role ?? '(none)'} may not read reports; allowed roles: ${REPORT_ROLES.join(', ')}`,
    });
  }
  const violations: FieldViolation[] = [];
  const jurisdictionCode = query.jurisdiction ?? actor.jurisdictionCode;
  if (!isJurisdictionCode(jurisdictionCode)) {
    violations.push({ field: 'query.jurisdiction', constraint: 'isJurisdictionCode', params: {} });
  }
  const today = chinaDateOf(now);
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  if (!isCalendarDate(from)) violations.push({ field: 'query.from', constraint: 'isCalendarDate', params: {} });
  if (!isCalendarDate(to)) violations.push({ field: 'query.to', constraint: 'isCalendarDate', params: {} });
  if (violations.length === 0 && from > to) {
    violations.push({ field: 'query.from', constraint: 'isNotAfter', params: { other: 'to' } });
  }
  if (violations.length > 0) throw new RequestValidationError(violations);
  if (!isWithinJurisdiction(jurisdictionCode, actor.jurisdictionCode)) {
    throw new ApiProblem('forbidden', {
      zh: `辖区 ${jurisdictionCode} 不在您的管辖范围 ${actor.jurisdictionCode} 内`,
      en: `jurisdiction ${jurisdictionCode} is outside your jurisdiction ${actor.jurisdictionCode}`,
    });
  }
  return { jurisdictionCode, prefix: jurisdictionPrefix(jurisdictionCode), from, to };
}
