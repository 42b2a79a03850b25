import type { Actor } from '../case/actor';

/** Roles of the people who use Duban. */
export const ROLES = [
  'inspector',
  'brigade_leader',
  'government_officer',
  'government_leader',
  'unit',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  inspector: '消防监督员',
  brigade_leader: '消防救援机构负责人',
  government_officer: '政府工作人员',
  government_leader: '政府领导',
  unit: '责任单位',
  admin: '系统管理员',
};

/** Lifecycle commands a person can issue on a case. */
export const CASE_COMMANDS = [
  'record_hazard_items',
  'start_determination',
  'record_determination',
  'serve_notice',
  'report_to_government',
  'apply_seal',
  'lift_seal',
  'list_case',
  'raise_listing_level',
  'submit_plan',
  'submit_progress_report',
  'request_extension',
  'decide_extension',
  'apply_for_reinspection',
  'record_reinspection',
  'close_case',
  'consent_to_delisting',
  'schedule_interview',
  'record_interview',
  'acknowledge_escalation',
  'decide_exposure',
  'withdraw_case',
  'suspend_case',
  'resume_case',
] as const;

export type CaseCommandType = (typeof CASE_COMMANDS)[number];

/**
 * Roles that may issue each command. Every command is further limited to cases in the caller's
 * jurisdiction or below it, and a unit to its own cases (see canActOnCase).
 */
export const COMMAND_ROLES: Record<CaseCommandType, readonly Role[]> = {
  record_hazard_items: ['inspector', 'brigade_leader'],
  start_determination: ['inspector', 'brigade_leader'],
  record_determination: ['brigade_leader'],
  serve_notice: ['inspector', 'brigade_leader'],
  report_to_government: ['inspector', 'brigade_leader'],
  apply_seal: ['inspector', 'brigade_leader'],
  lift_seal: ['inspector', 'brigade_leader'],
  list_case: ['government_leader'],
  raise_listing_level: ['government_leader'],
  submit_plan: ['unit'],
  submit_progress_report: ['unit'],
  request_extension: ['unit'],
  // An unlisted case's extension is decided by the brigade that set its deadline (checked in the rules).
  decide_extension: ['government_leader', 'brigade_leader'],
  apply_for_reinspection: ['unit'],
  record_reinspection: ['brigade_leader'],
  close_case: ['brigade_leader'],
  consent_to_delisting: ['government_leader'],
  schedule_interview: ['government_officer', 'government_leader'],
  record_interview: ['government_officer', 'government_leader'],
  acknowledge_escalation: ['government_officer', 'government_leader'],
  decide_exposure: ['government_leader'],
  withdraw_case: ['brigade_leader', 'government_leader'],
  suspend_case: ['inspector', 'brigade_leader'],
  resume_case: ['inspector', 'brigade_leader'],
};

/** Roles that may open a case, within their own jurisdiction or below it. */
export const OPEN_CASE_ROLES: readonly Role[] = ['inspector', 'brigade_leader'];

/**
 * Returns the GB/T 2260 code prefix that every code inside a jurisdiction starts with: two digits for a
 * province, four for a prefecture, all six for a county.
 */
export function jurisdictionPrefix(scope: string): string {
  if (scope.endsWith('0000')) return scope.slice(0, 2);
  if (scope.endsWith('00')) return scope.slice(0, 4);
  return scope;
}

/** True when `code` is the jurisdiction `scope` or lies below it in the GB/T 2260 tree. */
export function isWithinJurisdiction(code: string, scope: string): boolean {
  return code.startsWith(jurisdictionPrefix(scope));
}

export interface CaseScope {
  readonly jurisdictionCode: string;
  readonly unitCreditCode: string | null;
}

/**
 * True when the actor may see and act on the case at all: the system always, a unit on its own cases,
 * everyone else on cases in their jurisdiction or below it.
 */
export function canActOnCase(actor: Actor, scope: CaseScope): boolean {
  if (actor.kind === 'system') return true;
  if (actor.role === 'unit') return actor.unitCreditCode !== undefined && actor.unitCreditCode === scope.unitCreditCode;
  if (actor.role === 'admin') return false;
  return actor.jurisdictionCode !== undefined && isWithinJurisdiction(scope.jurisdictionCode, actor.jurisdictionCode);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
