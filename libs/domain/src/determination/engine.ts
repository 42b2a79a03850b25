import { isCalendarDate } from '../time/china-date';
import { findElement, isMissingElementClause, RULE_SETS, selectRuleSet } from './editions';
import { explainProposal } from './explanation';
import { PLACE_TYPE_CATEGORIES, PLACE_TYPE_MAPPING_NOTE } from './place-categories';
import type {
  DeterminationIssue,
  DeterminationProposal,
  DeterminationRequest,
  DeterminationResult,
  ExclusionCheck,
  RuleEvaluation,
  UnverifiedMark,
} from './proposal';
import type { CountingRule, DeterminationElement, RuleSet } from './types';

/** The request after validation against its edition: clauses resolved, category fixed. */
export interface ResolvedRequest {
  readonly inspectedOn: string;
  readonly ruleSet: RuleSet;
  readonly placeCategory: string;
  readonly placeCategorySource: 'request' | 'place_type';
  readonly direct: readonly DeterminationElement[];
  readonly comprehensive: readonly DeterminationElement[];
  readonly notInCatalogue: readonly string[];
  readonly exclusions: readonly ExclusionCheck[];
}

/**
 * Proposes major, not major or excluded for a hazard under the edition in force on the inspection
 * date, with the clause, count and threshold behind it. Pure and deterministic, so the case
 * workflow may call it. Returns issues instead of a proposal when the request names a clause,
 * category or exclusion the edition does not have.
 */
export function proposeDetermination(request: DeterminationRequest): DeterminationResult {
  if (!isCalendarDate(request.inspectedOn)) {
    return {
      ok: false,
      issues: [{ field: 'inspectedOn', code: 'invalid_date', params: { value: request.inspectedOn } }],
    };
  }
  const ruleSet = selectRuleSet(request.inspectedOn);
  if (!ruleSet) return { ok: true, proposal: noEditionProposal(request.inspectedOn) };
  return proposeUnderRuleSet(request, ruleSet);
}

/** Proposes under the given rule set whatever the date; tests use it to run rule sets of their own. */
export function proposeUnderRuleSet(request: DeterminationRequest, ruleSet: RuleSet): DeterminationResult {
  const resolved = resolveRequest(request, ruleSet);
  if (!resolved.ok) return resolved;
  return { ok: true, proposal: evaluate(resolved.request) };
}

function resolveRequest(
  request: DeterminationRequest,
  ruleSet: RuleSet,
): { ok: true; request: ResolvedRequest } | { ok: false; issues: DeterminationIssue[] } {
  const issues: DeterminationIssue[] = [];
  const edition = ruleSet.edition;
  const categoryIds = ruleSet.categories.map((category) => category.id);

  let placeCategory: string | undefined;
  let placeCategorySource: 'request' | 'place_type' = 'request';
  if (request.placeCategory !== undefined) {
    if (categoryIds.includes(request.placeCategory)) placeCategory = request.placeCategory;
    else {
      issues.push({
        field: 'placeCategory',
        code: 'unknown_category',
        params: { value: request.placeCategory, edition, values: categoryIds },
      });
    }
  } else if (request.placeType !== undefined) {
    const derived = PLACE_TYPE_CATEGORIES[edition][request.placeType];
    if (derived) {
      placeCategory = derived;
      placeCategorySource = 'place_type';
    } else {
      issues.push({
        field: 'placeType',
        code: 'place_type_undecided',
        params: { value: request.placeType, edition, values: categoryIds },
      });
    }
  } else {
    issues.push({ field: 'placeCategory', code: 'category_required', params: { edition, values: categoryIds } });
  }

  const direct: DeterminationElement[] = [];
  const comprehensive: DeterminationElement[] = [];
  const notInCatalogue: string[] = [];
  const seenClauses = new Set<string>();
  request.elements.forEach((finding, index) => {
    const field = `elements[${index}].clause`;
    const clause = finding.clause.trim();
    if (seenClauses.has(clause)) {
      issues.push({ field, code: 'duplicate_clause', params: { value: clause } });
      return;
    }
    seenClauses.add(clause);
    const element = findElement(ruleSet, clause);
    if (element) (element.kind === 'direct' ? direct : comprehensive).push(element);
    else if (isMissingElementClause(ruleSet, clause)) notInCatalogue.push(clause);
    else issues.push({ field, code: 'unknown_clause', params: { value: clause, edition, hint: clauseHint(ruleSet) } });
  });

  const answers = new Map<string, boolean>();
  (request.exclusions ?? []).forEach((answer, index) => {
    const field = `exclusions[${index}].id`;
    if (answers.has(answer.id)) {
      issues.push({ field, code: 'duplicate_exclusion', params: { value: answer.id } });
    } else if (!ruleSet.exclusions.some((exclusion) => exclusion.id === answer.id)) {
      issues.push({
        field,
        code: 'unknown_exclusion',
        params: { value: answer.id, edition, values: ruleSet.exclusions.map((exclusion) => exclusion.id) },
      });
    } else {
      answers.set(answer.id, answer.applies);
    }
  });

  if (issues.length > 0 || placeCategory === undefined) return { ok: false, issues };
  const exclusions = ruleSet.exclusions.map((exclusion) => ({
    id: exclusion.id,
    clause: exclusion.clause,
    applies: answers.get(exclusion.id) ?? null,
  }));
  return {
    ok: true,
    request: {
      inspectedOn: request.inspectedOn,
      ruleSet,
      placeCategory,
      placeCategorySource,
      direct: sortByClause(direct),
      comprehensive: sortByClause(comprehensive),
      notInCatalogue,
      exclusions,
    },
  };
}

/** Lists the chapters that hold the edition's elements, for the message on an unknown clause. */
function clauseHint(ruleSet: RuleSet): string {
  const chapters = [
    ...new Set([
      ...ruleSet.elements.map((element) => element.clause.split('.')[0] ?? ''),
      ...ruleSet.missingElements.map((missing) => missing.chapter),
    ]),
  ];
  return chapters.join(', ');
}

function evaluate(request: ResolvedRequest): DeterminationProposal {
  const { ruleSet } = request;
  const rules = ruleSet.countingRules
    .filter((rule) => rule.categories.includes(request.placeCategory))
    .map((rule) => evaluateRule(rule, request.comprehensive));
  const excludedBy = request.exclusions.filter((check) => check.applies === true);

  const base = {
    inspectedOn: request.inspectedOn,
    edition: ruleSet.edition,
    placeCategory: request.placeCategory,
    placeCategorySource: request.placeCategorySource,
    directElements: request.direct.map((element) => element.clause),
    comprehensiveElements: request.comprehensive.map((element) => element.clause),
    elementsNotInCatalogue: request.notInCatalogue,
    rules,
    exclusions: request.exclusions,
  };

  let decision: Pick<
    DeterminationProposal,
    'outcome' | 'undeterminedReason' | 'method' | 'count' | 'threshold' | 'rule'
  >;
  if (excludedBy.length > 0) {
    decision = {
      outcome: 'excluded',
      undeterminedReason: null,
      method: null,
      count: null,
      threshold: null,
      rule: null,
    };
  } else if (request.notInCatalogue.length > 0) {
    decision = {
      outcome: 'undetermined',
      undeterminedReason: 'elements_not_in_catalogue',
      method: null,
      count: null,
      threshold: null,
      rule: null,
    };
  } else if (request.direct.length > 0) {
    decision = {
      outcome: 'major',
      undeterminedReason: null,
      method: 'direct',
      count: request.direct.length,
      threshold: 1,
      rule: null,
    };
  } else {
    const deciding = decidingRule(rules);
    decision = {
      outcome: deciding?.met ? 'major' : 'not_major',
      undeterminedReason: null,
      method: 'comprehensive',
      count: deciding?.count ?? 0,
      threshold: deciding?.threshold ?? null,
      rule: deciding ?? null,
    };
  }

  const unverified = collectUnverified(request, decision.outcome, decision.method, decision.rule, rules);
  const proposal: Omit<DeterminationProposal, 'explanation'> = { ...base, ...decision, unverified };
  return { ...proposal, explanation: explainProposal(proposal, request) };
}

function evaluateRule(rule: CountingRule, comprehensive: readonly DeterminationElement[]): RuleEvaluation {
  const counted = comprehensive
    .map((element) => element.clause)
    .filter((clause) => rule.subset === null || rule.subset.includes(clause));
  return {
    rule: rule.id,
    clause: rule.clause,
    subset: rule.subset,
    counted,
    count: counted.length,
    threshold: rule.threshold,
    met: counted.length >= rule.threshold,
    verified: rule.verified,
  };
}

/** Returns the first rule met, or else the rule closest to its threshold (the first one on a tie). */
function decidingRule(rules: readonly RuleEvaluation[]): RuleEvaluation | undefined {
  const met = rules.find((rule) => rule.met);
  if (met) return met;
  let closest: RuleEvaluation | undefined;
  for (const rule of rules) {
    if (!closest || rule.threshold - rule.count < closest.threshold - closest.count) closest = rule;
  }
  return closest;
}

/**
 * Lists what the outcome relies on that is not confirmed: the edition's start date near it, a
 * derived or unconfirmed category, the elements and rule that decide, an exclusion that applies,
 * and the parts of the catalogue that are missing.
 */
function collectUnverified(
  request: ResolvedRequest,
  outcome: DeterminationProposal['outcome'],
  method: DeterminationProposal['method'],
  rule: RuleEvaluation | null,
  rules: readonly RuleEvaluation[],
): UnverifiedMark[] {
  const { ruleSet } = request;
  const marks: UnverifiedMark[] = [...editionDateMarks(request.inspectedOn)];

  const category = ruleSet.categories.find((candidate) => candidate.id === request.placeCategory);
  if (request.placeCategorySource === 'place_type') {
    marks.push({
      subject: 'place_type_mapping',
      ref: request.placeCategory,
      note: PLACE_TYPE_MAPPING_NOTE[ruleSet.edition],
    });
  }
  if (category && !category.verified && category.note) {
    marks.push({ subject: 'place_category', ref: category.id, note: category.note });
  }

  if (outcome === 'excluded') {
    for (const check of request.exclusions.filter((candidate) => candidate.applies === true)) {
      const exclusion = ruleSet.exclusions.find((candidate) => candidate.id === check.id);
      if (exclusion && !exclusion.verified && exclusion.note) {
        marks.push({ subject: 'exclusion', ref: exclusion.clause, note: exclusion.note });
      }
    }
    return marks;
  }
  if (outcome === 'undetermined') return marks;

  const reliedOn =
    method === 'direct'
      ? request.direct
      : request.comprehensive.filter((element) => outcome === 'not_major' || rule?.counted.includes(element.clause));
  for (const element of reliedOn) {
    if (!element.verified && element.note) marks.push({ subject: 'element', ref: element.clause, note: element.note });
  }

  // A major outcome relies on the rule that was met; a not-major one on every rule of the category.
  let rulesReliedOn: readonly RuleEvaluation[] = [];
  if (outcome === 'major' && rule) rulesReliedOn = [rule];
  if (outcome === 'not_major') rulesReliedOn = rules;
  for (const evaluation of rulesReliedOn) {
    const countingRule = ruleSet.countingRules.find((candidate) => candidate.id === evaluation.rule);
    if (countingRule && !countingRule.verified && countingRule.note) {
      marks.push({ subject: 'counting_rule', ref: countingRule.id, note: countingRule.note });
    }
  }

  if (outcome === 'major' && ruleSet.exclusionsMissing) {
    marks.push({ subject: 'catalogue', ref: 'exclusions', note: ruleSet.exclusionsMissing });
  }
  if (outcome === 'not_major') {
    for (const missing of ruleSet.missingElements) {
      marks.push({ subject: 'catalogue', ref: `chapter ${missing.chapter}`, note: missing.note });
    }
  }
  return marks;
}

/** Marks an unconfirmed edition start date when the inspection falls in the same year as it. */
function editionDateMarks(inspectedOn: string): UnverifiedMark[] {
  const marks: UnverifiedMark[] = [];
  for (const ruleSet of RULE_SETS) {
    const sameYear = ruleSet.effectiveFrom.slice(0, 4) === inspectedOn.slice(0, 4);
    if (!ruleSet.effectiveFromVerified && ruleSet.effectiveFromNote && sameYear) {
      marks.push({ subject: 'edition', ref: ruleSet.edition, note: ruleSet.effectiveFromNote });
    }
  }
  return marks;
}

function noEditionProposal(inspectedOn: string): DeterminationProposal {
  const proposal: Omit<DeterminationProposal, 'explanation'> = {
    inspectedOn,
    edition: null,
    placeCategory: null,
    placeCategorySource: null,
    outcome: 'undetermined',
    undeterminedReason: 'no_edition_in_force',
    method: null,
    count: null,
    threshold: null,
    rule: null,
    directElements: [],
    comprehensiveElements: [],
    elementsNotInCatalogue: [],
    rules: [],
    exclusions: [],
    unverified: editionDateMarks(inspectedOn),
  };
  return { ...proposal, explanation: explainProposal(proposal, undefined) };
}

/** Orders clauses as numbers part by part, so 7.3.10 follows 7.3.9. */
export function compareClauses(left: string, right: string): number {
  const leftParts = left.split('.').map(Number);
  const rightParts = right.split('.').map(Number);
  for (let index = 0; index < Math.max(leftParts.length, rightParts.length); index++) {
    const difference = (leftParts[index] ?? -1) - (rightParts[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

function sortByClause(elements: readonly DeterminationElement[]): DeterminationElement[] {
  return [...elements].sort((left, right) => compareClauses(left.clause, right.clause));
}
