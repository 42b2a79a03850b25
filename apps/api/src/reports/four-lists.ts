import {
  chinaDateOf,
  DISCOVERY_SOURCE_LABELS,
  LISTING_LEVEL_LABELS,
  PLACE_TYPE_LABELS,
  STAGE_LABELS,
  type SourceGap,
} from '@duban/domain';
import { divisionIndex } from '@duban/import';

import type { Language } from '../problems/language';
import type { ReportCase } from './case-rows';

/**
 * The four lists of the rectification campaign (四个清单). No public source defines their columns, so
 * these follow the fields that listing notices, hazard ledgers and task sheets carry. A campaign with
 * its own template maps to them column by column.
 */
export const FOUR_LISTS = ['risks', 'hazards', 'tasks', 'results'] as const;
export type FourList = (typeof FOUR_LISTS)[number];

export const LIST_TITLES: Record<FourList, { zh: string; en: string }> = {
  risks: { zh: '风险清单', en: 'Risk list' },
  hazards: { zh: '隐患和问题清单', en: 'Hazard and problem list' },
  tasks: { zh: '任务和措施清单', en: 'Task and measure list' },
  results: { zh: '成果清单', en: 'Results list' },
};

export interface ListColumn {
  readonly header: { readonly zh: string; readonly en: string };
  /** Width in characters in the XLSX export. */
  readonly width: number;
  readonly value: (item: ReportCase, language: Language) => string | number;
}

const GAP_LABELS: Record<SourceGap, { zh: string; en: string }> = {
  credit_code: { zh: '统一社会信用代码', en: 'credit code' },
  hazard_items: { zh: '隐患内容', en: 'hazard items' },
  address: { zh: '地址', en: 'address' },
  listed_on: { zh: '挂牌日期', en: 'listing date' },
  deadline: { zh: '整改期限', en: 'deadline' },
  closed_on: { zh: '销案日期', en: 'closure date' },
  responsible_person: { zh: '责任人', en: 'responsible person' },
  supervising_department: { zh: '督办部门', en: 'supervising department' },
};

const NOT_STATED = { zh: '来源未载明', en: 'not stated in the source' };
const NONE = { zh: '无', en: 'none' };

function hasGap(item: ReportCase, gap: SourceGap): boolean {
  return item.state.opening.source?.gaps.includes(gap) ?? false;
}

/** Returns the value, else "not stated in the source" for an imported gap, else "none". */
function orGap(item: ReportCase, gap: SourceGap, value: string | undefined, language: Language): string {
  if (value !== undefined && value !== '') return value;
  return (hasGap(item, gap) ? NOT_STATED : NONE)[language];
}

function hazards(item: ReportCase, language: Language): string {
  const text = item.hazardItems
    .map((hazard) => (hazard.location ? `${hazard.description}（${hazard.location}）` : hazard.description))
    .join(language === 'zh' ? '；' : '; ');
  return orGap(item, 'hazard_items', text, language);
}

function discoveredOn(item: ReportCase): string {
  const precision = item.state.opening.source?.discoveredOnPrecision;
  if (precision === 'year') return item.discoveredOn.slice(0, 4);
  if (precision === 'month') return item.discoveredOn.slice(0, 7);
  return item.discoveredOn;
}

function discoverySource(item: ReportCase, language: Language): string {
  const source = item.state.opening.source;
  if (source) {
    const notices = source.notices.map((notice) => notice.noticeId).join(language === 'zh' ? '、' : ', ');
    return language === 'zh' ? `历史通知导入（${notices}）` : `imported from notices ${notices}`;
  }
  const label = DISCOVERY_SOURCE_LABELS[item.state.opening.discoverySource];
  return language === 'zh' ? label : item.state.opening.discoverySource;
}

function listingLevel(item: ReportCase, language: Language): string {
  const level = item.state.listing?.level;
  if (level) return language === 'zh' ? LISTING_LEVEL_LABELS[level] : level;
  const stated = item.state.opening.source?.listingAsStated;
  if (stated) {
    return language === 'zh'
      ? `来源记载${LISTING_LEVEL_LABELS[stated.level]}挂牌，待录入整改期限`
      : `listed at ${stated.level} level in the source; deadline to be entered`;
  }
  return language === 'zh' ? '未挂牌' : 'not listed';
}

function government(item: ReportCase): string {
  return item.state.listing?.government.name ?? item.state.report?.government.name ?? '';
}

/** Returns the listing's supervising department, else the one an imported record names for a listing it could not enter. */
function supervisingDepartment(item: ReportCase): string | undefined {
  return item.state.listing?.supervisingDepartment || item.state.opening.source?.listingAsStated?.supervisingBody;
}

function stage(item: ReportCase, language: Language): string {
  return STAGE_LABELS[item.stage][language];
}

function yesNo(value: boolean, language: Language): string {
  if (language === 'zh') return value ? '是' : '否';
  return value ? 'yes' : 'no';
}

function documentNumbers(item: ReportCase): string {
  return [item.state.notice?.documentNumber, item.state.listing?.documentNumber].filter(Boolean).join('; ');
}

function area(item: ReportCase): string {
  return divisionIndex().fullName(item.jurisdictionCode) || item.jurisdictionCode;
}

function lastReinspection(item: ReportCase, language: Language): string {
  const last = item.state.reinspections[item.state.reinspections.length - 1];
  if (!last) return NONE[language];
  if (last.passed === undefined) {
    const applied = chinaDateOf(new Date(last.appliedAt));
    return language === 'zh' ? `${applied} 申请，待复查` : `applied ${applied}, pending`;
  }
  const date = chinaDateOf(new Date(last.recordedAt ?? last.appliedAt));
  const labels = language === 'zh' ? { passed: '合格', failed: '不合格' } : { passed: 'passed', failed: 'failed' };
  const result = last.passed ? labels.passed : labels.failed;
  return `${date} ${result}`;
}

/**
 * Risk level in four colours (四色): red for an open overdue case, orange for an open case listed
 * (or stated as listed) at province or national level, yellow for any other open case, blue once the
 * rectification has ended.
 */
export function riskColour(item: ReportCase, language: Language): string {
  const colours = {
    red: { zh: '红（重大风险）', en: 'red' },
    orange: { zh: '橙（较大风险）', en: 'orange' },
    yellow: { zh: '黄（一般风险）', en: 'yellow' },
    blue: { zh: '蓝（低风险）', en: 'blue' },
  };
  if (item.endedOn !== null || ['not_major', 'excluded', 'withdrawn', 'delisted', 'closed'].includes(item.stage)) {
    return colours.blue[language];
  }
  if (item.overdue) return colours.red[language];
  const level = item.state.listing?.level ?? item.state.opening.source?.listingAsStated?.level;
  if (level === 'province' || level === 'national') return colours.orange[language];
  return colours.yellow[language];
}

function reviewCycle(item: ReportCase, language: Language): string {
  const months = item.state.listing?.reportingIntervalMonths ?? 0;
  if (months === 0) return language === 'zh' ? '未设定' : 'not set';
  return language === 'zh' ? `每 ${months} 个月` : `every ${months} month${months === 1 ? '' : 's'}`;
}

function responsible(item: ReportCase, language: Language): string {
  const department = supervisingDepartment(item) || government(item);
  const person = orGap(item, 'responsible_person', item.state.listing?.responsiblePerson, language);
  return `${department || NOT_STATED[language]} / ${person}`;
}

const column = (
  zh: string,
  en: string,
  width: number,
  value: (item: ReportCase, language: Language) => string | number,
): ListColumn => ({ header: { zh, en }, width, value });

const RISKS: readonly ListColumn[] = [
  column('编号', 'ID', 24, (c) => c.caseNumber),
  column('区域', 'Area', 24, (c) => area(c)),
  column('场所', 'Place', 30, (c) => c.unitName),
  column('场所类型', 'Place type', 14, (c, l) => (l === 'zh' ? PLACE_TYPE_LABELS[c.placeType] : c.placeType)),
  column('风险描述', 'Risk description', 50, (c, l) => hazards(c, l)),
  column('风险等级', 'Risk level', 14, (c, l) => riskColour(c, l)),
  column('识别来源', 'Source of identification', 20, (c, l) => discoverySource(c, l)),
  column(
    '管控措施',
    'Control measures',
    40,
    (c, l) =>
      [c.state.plan?.measures, c.state.plan?.contingencyPlan].filter(Boolean).join(l === 'zh' ? '；' : '; ') ||
      (l === 'zh' ? '未提交整改方案' : 'no plan submitted'),
  ),
  column('责任部门及责任人', 'Responsible department and person', 30, (c, l) => responsible(c, l)),
  column('复核周期', 'Review cycle', 12, (c, l) => reviewCycle(c, l)),
  column('状态', 'Status', 14, (c, l) => stage(c, l)),
];

const HAZARDS: readonly ListColumn[] = [
  column('案件编号', 'Case number', 24, (c) => c.caseNumber),
  column('责任单位', 'Responsible unit', 30, (c) => c.unitName),
  column('统一社会信用代码', 'Credit code', 20, (c, l) => orGap(c, 'credit_code', c.unitCreditCode ?? undefined, l)),
  column('场所地址', 'Address', 30, (c) => c.address),
  column('场所类型', 'Place type', 14, (c, l) => (l === 'zh' ? PLACE_TYPE_LABELS[c.placeType] : c.placeType)),
  column('隐患描述', 'Hazard description', 50, (c, l) => hazards(c, l)),
  column('判定条款', 'Clauses', 16, (c) => c.state.determination?.clauses.join(', ') ?? ''),
  column('发现日期', 'Discovered on', 12, (c) => discoveredOn(c)),
  column('发现来源', 'Found by', 20, (c, l) => discoverySource(c, l)),
  column('隐患级别', 'Hazard level', 14, (c, l) => {
    if (c.stage === 'not_major') return l === 'zh' ? '一般隐患' : 'general';
    return l === 'zh' ? '重大火灾隐患' : 'major';
  }),
  column('挂牌级别', 'Listing level', 18, (c, l) => listingLevel(c, l)),
  column('督办政府', 'Supervising government', 20, (c) => government(c)),
  column('督办部门', 'Supervising department', 20, (c, l) =>
    orGap(c, 'supervising_department', supervisingDepartment(c), l),
  ),
  column('整改措施', 'Rectification measures', 30, (c, l) => c.state.plan?.measures ?? NONE[l]),
  column('责任人', 'Responsible person', 14, (c, l) =>
    orGap(c, 'responsible_person', c.state.listing?.responsiblePerson, l),
  ),
  column('整改期限', 'Deadline', 12, (c, l) => orGap(c, 'deadline', c.deadline ?? undefined, l)),
  column('临时措施', 'Interim measures', 30, (c, l) => c.state.plan?.contingencyPlan ?? NONE[l]),
  column('进展报告次数', 'Progress reports', 10, (c) => c.state.progressReports.length),
  column('复查', 'Reinspection', 20, (c, l) => lastReinspection(c, l)),
  column(
    '销案日期',
    'Closed on',
    12,
    (c, l) => c.endedOn ?? (c.stage === 'closed' || c.stage === 'delisted' ? orGap(c, 'closed_on', undefined, l) : ''),
  ),
  column('文书编号', 'Document numbers', 20, (c) => documentNumbers(c)),
  column('阶段', 'Stage', 14, (c, l) => stage(c, l)),
  column('是否逾期', 'Overdue', 8, (c, l) => yesNo(c.overdue, l)),
  column('来源未载明', 'Not stated in the source', 24, (c, l) =>
    (c.state.opening.source?.gaps ?? []).map((gap) => GAP_LABELS[gap][l]).join(l === 'zh' ? '、' : ', '),
  ),
];

const TASKS: readonly ListColumn[] = [
  column('任务编号', 'Task ID', 26, (c) => `${c.caseNumber}-T1`),
  column('关联隐患', 'Linked hazard', 36, (c) => `${c.caseNumber} ${c.unitName}`),
  column('措施类别', 'Measure type', 20, (c, l) => {
    const kinds = [l === 'zh' ? '工程整改' : 'engineering'];
    if (c.state.seals.length > 0) kinds.push(l === 'zh' ? '执法（临时查封）' : 'enforcement (seal)');
    if (c.state.interviews.length > 0) kinds.push(l === 'zh' ? '约谈' : 'interview');
    return kinds.join(l === 'zh' ? '、' : ', ');
  }),
  column(
    '措施内容',
    'Measure',
    40,
    (c, l) => c.state.plan?.measures ?? (l === 'zh' ? '未提交整改方案' : 'no plan submitted'),
  ),
  column('牵头部门', 'Lead department', 20, (c, l) => government(c) || NOT_STATED[l]),
  column('配合部门', 'Cooperating departments', 20, (c, l) =>
    orGap(c, 'supervising_department', supervisingDepartment(c), l),
  ),
  column(
    '开始日期',
    'Start',
    12,
    (c) => c.state.listing?.listedOn ?? c.state.notice?.servedOn ?? c.state.report?.reportedOn ?? c.discoveredOn,
  ),
  column('结束日期', 'End', 12, (c, l) => orGap(c, 'deadline', c.deadline ?? undefined, l)),
  column('资金', 'Funds', 16, (c, l) => c.state.plan?.funds ?? NONE[l]),
  column('进展报告', 'Milestone reports', 20, (c, l) =>
    l === 'zh'
      ? `已报 ${c.state.progressReports.length} 次；${reviewCycle(c, l)}`
      : `${c.state.progressReports.length} sent; ${reviewCycle(c, l)}`,
  ),
  column('状态', 'Status', 16, (c, l) =>
    c.overdue ? `${stage(c, l)}${l === 'zh' ? '（逾期）' : ' (overdue)'}` : stage(c, l),
  ),
];

const RESULTS: readonly ListColumn[] = [
  column('成果事项', 'Item', 36, (c, l) =>
    l === 'zh' ? `${c.unitName} 重大火灾隐患整改销案` : `Major fire hazard at ${c.unitName} rectified and closed`,
  ),
  column('类型', 'Type', 14, (c, l) => {
    if (c.stage === 'withdrawn') return l === 'zh' ? '案件撤销' : 'case withdrawn';
    if (c.stage === 'delisted') return l === 'zh' ? '隐患摘牌' : 'hazard delisted';
    return l === 'zh' ? '隐患销案' : 'hazard closed';
  }),
  column('数量', 'Quantity', 8, () => 1),
  column('日期', 'Date', 12, (c) => c.endedOn ?? ''),
  column('证明文件', 'Evidence or document', 30, (c, l) => {
    const documents = documentNumbers(c);
    const reinspection = lastReinspection(c, l);
    const source = c.state.opening.source?.notices.map((notice) => notice.noticeId).join(', ');
    return [
      documents,
      reinspection !== NONE[l] ? reinspection : '',
      source ? `${l === 'zh' ? '来源' : 'source'} ${source}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  }),
  column('案件编号', 'Case number', 24, (c) => c.caseNumber),
];

export const LIST_COLUMNS: Record<FourList, readonly ListColumn[]> = {
  risks: RISKS,
  hazards: HAZARDS,
  tasks: TASKS,
  results: RESULTS,
};
