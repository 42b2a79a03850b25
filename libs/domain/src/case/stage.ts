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

/** Chinese and English names of the stages, for reports, exports and public pages. */
export const STAGE_LABELS: Record<CaseStage, { readonly zh: string; readonly en: string }> = {
  discovered: { zh: '已发现', en: 'discovered' },
  determination: { zh: '判定中', en: 'under determination' },
  notice_served: { zh: '已送达整改通知书', en: 'notice served' },
  reported: { zh: '已报告政府', en: 'reported to the government' },
  listed: { zh: '挂牌督办中', en: 'listed' },
  rectifying: { zh: '整改中', en: 'rectifying' },
  reinspection: { zh: '复查中', en: 'under reinspection' },
  closed: { zh: '已销案', en: 'closed' },
  delisted: { zh: '已摘牌', en: 'delisted' },
  not_major: { zh: '非重大火灾隐患', en: 'not a major hazard' },
  excluded: { zh: '排除判定', en: 'excluded' },
  withdrawn: { zh: '已撤销', en: 'withdrawn' },
  suspended: { zh: '已中止', en: 'suspended' },
};
