/**
 * Stages of a hazard case (隐患案件), in lifecycle order, followed by the side outcomes.
 * The case workflow alone moves a case between stages.
 */
export const LIFECYCLE_STAGES = [
  'discovered',
  'determination',
  'notice_served',
  'reported',
  'listed',
  'rectifying',
  'reinspection',
  'closed',
  'delisted',
] as const;

export const SIDE_OUTCOMES = ['not_major', 'excluded', 'withdrawn', 'suspended'] as const;

export const CASE_STAGES = [...LIFECYCLE_STAGES, ...SIDE_OUTCOMES] as const;

export type CaseStage = (typeof CASE_STAGES)[number];

export function isCaseStage(value: unknown): value is CaseStage {
  return typeof value === 'string' && (CASE_STAGES as readonly string[]).includes(value);
}
