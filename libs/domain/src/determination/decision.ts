import { isCalendarDate } from '../time/china-date';
import { findElement, isEditionId, isMissingElementClause, ruleSetOf } from './editions';
import type { DeterminationMethod, ElementFinding, ExclusionAnswer, ProposalOutcome, UnverifiedMark } from './proposal';
import type { EditionId, LocalizedText } from './types';

/** Minimum number of participants in the collective discussion (集体讨论). */
export const MIN_PARTICIPANTS = 3;
/** Minimum number of members of an expert argumentation group (专家论证). */
export const MIN_EXPERTS = 7;
/** Share of the experts who must agree on a conclusive opinion, as a fraction: two thirds. */
export const EXPERT_AGREEMENT = { numerator: 2, denominator: 3 } as const;

export const DECISION_OUTCOMES = ['major', 'not_major', 'excluded'] as const;

export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface DecisionParticipant {
  readonly name: string;
  readonly role?: string;
}

/** The expert argumentation, when the collective discussion asked for one. */
export interface DeterminationExpertReview {
  readonly experts: readonly DecisionParticipant[];
  /** How many of the experts agreed with the conclusive opinion. */
  readonly agreeing: number;
}

/** The engine's proposal the decision was taken on, as the decision records it. */
export interface ProposalReference {
  readonly edition: EditionId | null;
  readonly outcome: ProposalOutcome;
  readonly method: DeterminationMethod | null;
  readonly count: number | null;
  readonly threshold: number | null;
  readonly unverified: readonly UnverifiedMark[];
}

/**
 * The brigade's collective decision on a hazard (判定结论): the outcome with its clauses, who took
 * it, and the proposal it followed or the reason it departed from it.
 */
export interface DeterminationDecisionRecord {
  readonly decidedOn: string;
  readonly edition: EditionId;
  readonly placeCategory: string;
  readonly outcome: DecisionOutcome;
  /** Required for major; null otherwise (comprehensive is also accepted for not major). */
  readonly method: DeterminationMethod | null;
  readonly elements: readonly ElementFinding[];
  readonly exclusions: readonly ExclusionAnswer[];
  readonly participants: readonly DecisionParticipant[];
  readonly expertReview?: DeterminationExpertReview;
  readonly proposal: ProposalReference;
  /** Reason the decision's outcome or method differs from the proposal's, required when it does. */
  readonly departureReason?: string;
}

/** One problem with a decision record: the field (a JSON path) and what to fix. */
export interface DecisionProblem {
  readonly field: string;
  readonly code: string;
  readonly message: LocalizedText;
}

/**
 * Checks a decision record and returns every problem found, so an empty list means it is valid.
 * The collective discussion needs at least 3 participants. An expert review needs at least 7
 * experts, and at least two thirds of them must agree. Clauses, category and exclusions must belong
 * to the edition, and a decision that departs from the proposal must state its reason.
 */
export function validateDeterminationDecision(record: DeterminationDecisionRecord): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const report = (field: string, code: string, zh: string, en: string) =>
    problems.push({ field, code, message: { zh, en } });

  if (!isCalendarDate(record.decidedOn)) {
    report('decidedOn', 'invalid_date', '必须是 YYYY-MM-DD 格式的真实日期', 'must be a real calendar date YYYY-MM-DD');
  }
  if (!(DECISION_OUTCOMES as readonly string[]).includes(record.outcome)) {
    report(
      'outcome',
      'unknown_outcome',
      `必须是以下值之一：${DECISION_OUTCOMES.join(', ')}`,
      `must be one of: ${DECISION_OUTCOMES.join(', ')}`,
    );
  }
  validateParticipants(record, report);
  validateProposalReference(record, report);
  if (!isEditionId(record.edition)) {
    report(
      'edition',
      'unknown_edition',
      '不是已知的判定标准版本',
      'is not a known edition of the determination standard',
    );
    return problems;
  }
  validateAgainstEdition(record, report);
  return problems;
}

type Report = (field: string, code: string, zh: string, en: string) => void;

function validateParticipants(record: DeterminationDecisionRecord, report: Report): void {
  if (record.participants.length < MIN_PARTICIPANTS) {
    report(
      'participants',
      'too_few_participants',
      `集体讨论至少需要 ${MIN_PARTICIPANTS} 人参加，当前 ${record.participants.length} 人`,
      `must list at least ${MIN_PARTICIPANTS} participants of the collective discussion; ${record.participants.length} listed`,
    );
  }
  checkNames(record.participants, 'participants', report);

  const review = record.expertReview;
  if (!review) return;
  if (review.experts.length < MIN_EXPERTS) {
    report(
      'expertReview.experts',
      'too_few_experts',
      `专家论证组至少需要 ${MIN_EXPERTS} 人，当前 ${review.experts.length} 人`,
      `must list at least ${MIN_EXPERTS} experts; ${review.experts.length} listed`,
    );
  }
  checkNames(review.experts, 'expertReview.experts', report);
  if (!Number.isInteger(review.agreeing) || review.agreeing < 0 || review.agreeing > review.experts.length) {
    report(
      'expertReview.agreeing',
      'invalid_agreeing',
      `必须是 0 至 ${review.experts.length} 之间的整数`,
      `must be a whole number from 0 to ${review.experts.length}`,
    );
  } else if (review.agreeing * EXPERT_AGREEMENT.denominator < review.experts.length * EXPERT_AGREEMENT.numerator) {
    const needed = Math.ceil((review.experts.length * EXPERT_AGREEMENT.numerator) / EXPERT_AGREEMENT.denominator);
    report(
      'expertReview.agreeing',
      'too_few_agreeing',
      `结论性意见须经三分之二以上专家同意：${review.experts.length} 名专家中至少需 ${needed} 名同意，当前 ${review.agreeing} 名`,
      `a conclusive opinion needs at least two thirds of the experts: ${needed} of ${review.experts.length}, but ${review.agreeing} agreed`,
    );
  }
}

function checkNames(people: readonly DecisionParticipant[], field: string, report: Report): void {
  const seen = new Set<string>();
  people.forEach((person, index) => {
    const name = person.name.trim();
    if (name === '') {
      report(`${field}[${index}].name`, 'missing_name', '姓名不能为空', 'must not be empty');
    } else if (seen.has(name)) {
      report(
        `${field}[${index}].name`,
        'duplicate_name',
        `${name} 已列出，同一人只能计一次`,
        `${name} is listed twice; count each person once`,
      );
    }
    seen.add(name);
  });
}

function validateProposalReference(record: DeterminationDecisionRecord, report: Report): void {
  const { proposal } = record;
  if (proposal.edition !== null && proposal.edition !== record.edition) {
    report(
      'proposal.edition',
      'edition_mismatch',
      `建议依据 ${proposal.edition}，而判定记录依据 ${record.edition}；两者必须一致`,
      `the proposal used ${proposal.edition} but the decision records ${record.edition}; they must match`,
    );
  }
  const departs = proposal.outcome !== record.outcome || proposal.method !== record.method;
  if (departs && !record.departureReason?.trim()) {
    report(
      'departureReason',
      'departure_reason_required',
      `判定结论（${record.outcome}${record.method ? `，${record.method}` : ''}）与建议（${proposal.outcome}${proposal.method ? `，${proposal.method}` : ''}）不同，须说明理由`,
      `the decision (${record.outcome}${record.method ? `, ${record.method}` : ''}) departs from the proposal (${proposal.outcome}${proposal.method ? `, ${proposal.method}` : ''}); state the reason`,
    );
  }
}

function validateAgainstEdition(record: DeterminationDecisionRecord, report: Report): void {
  const ruleSet = ruleSetOf(record.edition);
  if (!ruleSet.categories.some((category) => category.id === record.placeCategory)) {
    const values = ruleSet.categories.map((category) => category.id).join(', ');
    report(
      'placeCategory',
      'unknown_category',
      `不是 ${record.edition} 的场所类别，应为：${values}`,
      `is not a place category of ${record.edition}; use one of: ${values}`,
    );
  }

  let directCount = 0;
  const seenClauses = new Set<string>();
  record.elements.forEach((finding, index) => {
    const field = `elements[${index}].clause`;
    const clause = finding.clause.trim();
    if (seenClauses.has(clause)) {
      report(field, 'duplicate_clause', `要素 ${clause} 已列出`, `element ${clause} is listed twice`);
      return;
    }
    seenClauses.add(clause);
    if (!finding.evidence?.trim()) {
      report(
        `elements[${index}].evidence`,
        'evidence_required',
        `须记录要素 ${clause} 的证据（检查所见、照片或文件说明）`,
        `must record the evidence for element ${clause} (what the inspection found, photos or documents)`,
      );
    }
    const element = findElement(ruleSet, clause);
    const missing = ruleSet.missingElements.find((candidate) => candidate.clausePattern.test(clause));
    if (element?.kind === 'direct' || missing?.kind === 'direct') directCount++;
    if (!element && !isMissingElementClause(ruleSet, clause)) {
      report(
        field,
        'unknown_clause',
        `${clause} 不是 ${record.edition} 的判定要素`,
        `${clause} is not an element of ${record.edition}`,
      );
    }
  });

  const appliedExclusions = record.exclusions.filter((answer) => answer.applies);
  record.exclusions.forEach((answer, index) => {
    if (!ruleSet.exclusions.some((exclusion) => exclusion.id === answer.id)) {
      report(
        `exclusions[${index}].id`,
        'unknown_exclusion',
        `${answer.id} 不是 ${record.edition} 的排除情形`,
        `${answer.id} is not an exclusion of ${record.edition}`,
      );
    }
  });

  validateOutcomeShape(record, directCount, appliedExclusions.length, report);
}

function validateOutcomeShape(
  record: DeterminationDecisionRecord,
  directCount: number,
  appliedExclusions: number,
  report: Report,
): void {
  if (record.outcome === 'major') {
    if (record.method === null) {
      report(
        'method',
        'method_required',
        '判定为重大火灾隐患时须写明判定方法：direct 或 comprehensive',
        'is required for a major hazard: direct or comprehensive',
      );
    } else if (record.method === 'direct' && directCount === 0) {
      report(
        'elements',
        'direct_element_required',
        '直接判定须至少列出一条直接判定要素',
        'must list at least one direct element for the direct method',
      );
    } else if (record.method === 'comprehensive' && record.elements.length === 0) {
      report(
        'elements',
        'element_required',
        '综合判定须列出所计的综合判定要素',
        'must list the comprehensive elements counted',
      );
    }
    if (appliedExclusions > 0) {
      report(
        'exclusions',
        'exclusion_contradicts_major',
        '存在适用的排除情形时不能判定为重大火灾隐患',
        'an exclusion that applies rules out a major hazard',
      );
    }
  }
  if (record.outcome === 'excluded') {
    if (appliedExclusions === 0) {
      report(
        'exclusions',
        'exclusion_required',
        '排除结论须至少有一项排除情形适用',
        'must contain at least one exclusion that applies',
      );
    }
    if (record.method !== null) {
      report(
        'method',
        'method_not_applicable',
        '排除结论不使用判定方法，应为 null',
        'must be null for an excluded hazard',
      );
    }
  }
  if (record.outcome === 'not_major' && record.method === 'direct') {
    report(
      'method',
      'method_not_applicable',
      '直接判定要素成立即为重大火灾隐患，不能用于不构成的结论',
      'cannot be direct: a direct element makes the hazard major',
    );
  }
}
