import { Injectable } from '@nestjs/common';

import {
  findElement,
  PLACE_TYPE_CATEGORIES,
  PLACE_TYPES,
  proposeDetermination,
  RULE_SETS,
  type DeterminationIssue,
  type DeterminationProposal,
  type RuleEvaluation,
  type RuleSet,
} from '@duban/domain';

import type { Language } from '../problems/language';
import { RequestValidationError, type FieldViolation } from '../problems/request-validation.error';
import type { ProposalRequestDto } from './dto/proposal-request.dto';
import type { ProposalResponse, RuleEvaluationResponse } from './dto/proposal.response';
import type { RuleSetListResponse, RuleSetResponse } from './dto/ruleset.response';

/** The validation message key of each engine issue, as apps/api/src/problems/validation-messages.ts has them. */
const ISSUE_CONSTRAINTS: Readonly<Record<DeterminationIssue['code'], string>> = {
  invalid_date: 'isCalendarDate',
  category_required: 'placeCategoryRequired',
  unknown_category: 'isPlaceCategoryOfEdition',
  place_type_undecided: 'placeTypeDecidesCategory',
  unknown_clause: 'isClauseOfEdition',
  duplicate_clause: 'uniqueClause',
  unknown_exclusion: 'isExclusionOfEdition',
  duplicate_exclusion: 'uniqueExclusion',
};

/** Serves the determination rule sets and runs the proposal engine; it keeps no state. */
@Injectable()
export class DeterminationService {
  private readonly catalogue: RuleSetListResponse = {
    items: RULE_SETS.map((ruleSet, index) => toRuleSetResponse(ruleSet, RULE_SETS[index + 1])),
  };

  rulesets(): RuleSetListResponse {
    return this.catalogue;
  }

  /** Proposes an outcome; a clause, category or exclusion unknown to the edition is a 400 on that field. */
  propose(dto: ProposalRequestDto, language: Language): ProposalResponse {
    const result = proposeDetermination({
      inspectedOn: dto.inspectedOn,
      ...(dto.placeCategory !== undefined ? { placeCategory: dto.placeCategory } : {}),
      ...(dto.placeType !== undefined ? { placeType: dto.placeType } : {}),
      elements: dto.elements.map((element) => ({
        clause: element.clause,
        ...(element.evidence !== undefined ? { evidence: element.evidence } : {}),
      })),
      exclusions: (dto.exclusions ?? []).map((answer) => ({ id: answer.id, applies: answer.applies })),
    });
    if (!result.ok) throw new RequestValidationError(result.issues.map(toViolation));
    return toProposalResponse(result.proposal, dto, language);
  }
}

function toViolation(issue: DeterminationIssue): FieldViolation {
  return { field: issue.field, constraint: ISSUE_CONSTRAINTS[issue.code], params: issue.params };
}

function toProposalResponse(
  proposal: DeterminationProposal,
  dto: ProposalRequestDto,
  language: Language,
): ProposalResponse {
  const ruleSet = RULE_SETS.find((candidate) => candidate.edition === proposal.edition);
  const elements = dto.elements.map((finding) => {
    const clause = finding.clause.trim();
    const element = ruleSet ? findElement(ruleSet, clause) : undefined;
    return {
      clause,
      kind: element?.kind ?? ('not_in_catalogue' as const),
      text: element ? element.text[language] : null,
      verified: element?.verified ?? false,
      evidence: finding.evidence ?? null,
    };
  });
  return {
    inspectedOn: proposal.inspectedOn,
    edition: proposal.edition,
    placeCategory: proposal.placeCategory,
    placeCategorySource: proposal.placeCategorySource,
    outcome: proposal.outcome,
    undeterminedReason: proposal.undeterminedReason,
    method: proposal.method,
    count: proposal.count,
    threshold: proposal.threshold,
    rule: proposal.rule ? toRuleEvaluationResponse(proposal.rule) : null,
    elements: proposal.edition === null ? [] : elements,
    rules: proposal.rules.map(toRuleEvaluationResponse),
    exclusions: proposal.exclusions.map((check) => ({
      id: check.id,
      clause: check.clause,
      text: ruleSet?.exclusions.find((exclusion) => exclusion.id === check.id)?.text[language] ?? check.id,
      applies: check.applies,
    })),
    explanation: proposal.explanation[language],
    unverified: proposal.unverified.map((mark) => ({
      subject: mark.subject,
      ref: mark.ref,
      note: mark.note[language],
    })),
  };
}

function toRuleEvaluationResponse(evaluation: RuleEvaluation): RuleEvaluationResponse {
  return {
    rule: evaluation.rule,
    clause: evaluation.clause,
    subset: evaluation.subset ? [...evaluation.subset] : null,
    counted: [...evaluation.counted],
    count: evaluation.count,
    threshold: evaluation.threshold,
    met: evaluation.met,
    verified: evaluation.verified,
  };
}

function toRuleSetResponse(ruleSet: RuleSet, next: RuleSet | undefined): RuleSetResponse {
  const mapping = PLACE_TYPE_CATEGORIES[ruleSet.edition];
  return {
    edition: ruleSet.edition,
    title: ruleSet.title,
    effectiveFrom: ruleSet.effectiveFrom,
    effectiveUntil: next ? dayBefore(next.effectiveFrom) : null,
    effectiveFromVerified: ruleSet.effectiveFromVerified,
    ...(ruleSet.effectiveFromNote ? { effectiveFromNote: ruleSet.effectiveFromNote } : {}),
    categories: ruleSet.categories.map((category) => ({
      id: category.id,
      name: category.name,
      verified: category.verified,
      ...(category.note ? { note: category.note } : {}),
      placeTypes: PLACE_TYPES.filter((placeType) => mapping[placeType] === category.id),
    })),
    undecidedPlaceTypes: PLACE_TYPES.filter((placeType) => mapping[placeType] === null),
    elementGroups: ruleSet.elementGroups.map((group) => ({ ...group })),
    elements: ruleSet.elements.map((element) => ({
      clause: element.clause,
      kind: element.kind,
      ...(element.group ? { group: element.group } : {}),
      text: element.text,
      verified: element.verified,
      ...(element.note ? { note: element.note } : {}),
    })),
    missingElements: ruleSet.missingElements.map((missing) => ({
      kind: missing.kind,
      chapter: missing.chapter,
      count: missing.count,
      clausePattern: missing.clausePattern.source,
      note: missing.note,
    })),
    directRuleClause: ruleSet.directRuleClause,
    countingRules: ruleSet.countingRules.map((rule) => ({
      id: rule.id,
      clause: rule.clause,
      categories: [...rule.categories],
      threshold: rule.threshold,
      subset: rule.subset ? [...rule.subset] : null,
      description: rule.description,
      verified: rule.verified,
      ...(rule.note ? { note: rule.note } : {}),
    })),
    exclusions: ruleSet.exclusions.map((exclusion) => ({ ...exclusion })),
    ...(ruleSet.exclusionsMissing ? { exclusionsMissing: ruleSet.exclusionsMissing } : {}),
    describedElements: [...ruleSet.describedElements],
  };
}

/** Returns the calendar day before a YYYY-MM-DD date. */
function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
