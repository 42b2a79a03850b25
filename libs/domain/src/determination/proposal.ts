import type { PlaceType } from '../case/place-type';
import type { EditionId, LocalizedText } from './types';

/** One element found at the place: its clause number in the edition, and what shows it. */
export interface ElementFinding {
  readonly clause: string;
  readonly evidence?: string;
}

/** The answer to one exclusion question: does the situation apply to this hazard? */
export interface ExclusionAnswer {
  readonly id: string;
  readonly applies: boolean;
}

/** Input of a proposal. It needs placeCategory, or a placeType to derive the category from. */
export interface DeterminationRequest {
  readonly inspectedOn: string;
  readonly placeCategory?: string;
  readonly placeType?: PlaceType;
  readonly elements: readonly ElementFinding[];
  readonly exclusions?: readonly ExclusionAnswer[];
}

export const PROPOSAL_OUTCOMES = ['major', 'not_major', 'excluded', 'undetermined'] as const;

/** `undetermined` when no edition applies or an element is not in the catalogue. */
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];

export const DETERMINATION_METHODS = ['direct', 'comprehensive'] as const;

export type DeterminationMethod = (typeof DETERMINATION_METHODS)[number];

export const UNDETERMINED_REASONS = ['no_edition_in_force', 'elements_not_in_catalogue'] as const;

export type UndeterminedReason = (typeof UNDETERMINED_REASONS)[number];

export const UNVERIFIED_SUBJECTS = [
  'edition',
  'place_category',
  'place_type_mapping',
  'element',
  'counting_rule',
  'exclusion',
  'catalogue',
] as const;

export type UnverifiedSubject = (typeof UNVERIFIED_SUBJECTS)[number];

/** Something a proposal relies on that is not confirmed from the standard's text. */
export interface UnverifiedMark {
  readonly subject: UnverifiedSubject;
  /** Clause, counting rule id, category id or edition the mark is about. */
  readonly ref: string;
  readonly note: LocalizedText;
}

/** Result of one counting rule of the category. */
export interface RuleEvaluation {
  readonly rule: string;
  readonly clause: string | null;
  /** Clauses the rule counts from; null when it counts every comprehensive element. */
  readonly subset: readonly string[] | null;
  readonly counted: readonly string[];
  readonly count: number;
  readonly threshold: number;
  readonly met: boolean;
  readonly verified: boolean;
}

/** An exclusion of the edition with the answer given; null when the request did not answer it. */
export interface ExclusionCheck {
  readonly id: string;
  readonly clause: string;
  readonly applies: boolean | null;
}

export interface DeterminationProposal {
  readonly inspectedOn: string;
  readonly edition: EditionId | null;
  readonly placeCategory: string | null;
  readonly placeCategorySource: 'request' | 'place_type' | null;
  readonly outcome: ProposalOutcome;
  readonly undeterminedReason: UndeterminedReason | null;
  readonly method: DeterminationMethod | null;
  /** Elements counted by the deciding rule, or direct elements found; null when no count decides. */
  readonly count: number | null;
  readonly threshold: number | null;
  /** The counting rule behind count and threshold; null for the direct method and when no count decides. */
  readonly rule: RuleEvaluation | null;
  readonly directElements: readonly string[];
  readonly comprehensiveElements: readonly string[];
  /** Clauses the edition has but whose texts are not in the catalogue. */
  readonly elementsNotInCatalogue: readonly string[];
  readonly rules: readonly RuleEvaluation[];
  readonly exclusions: readonly ExclusionCheck[];
  readonly explanation: LocalizedText;
  readonly unverified: readonly UnverifiedMark[];
}

export const DETERMINATION_ISSUE_CODES = [
  'invalid_date',
  'category_required',
  'unknown_category',
  'place_type_undecided',
  'unknown_clause',
  'duplicate_clause',
  'unknown_exclusion',
  'duplicate_exclusion',
] as const;

export type DeterminationIssueCode = (typeof DETERMINATION_ISSUE_CODES)[number];

/** Reason a request cannot be evaluated, with the field (a JSON path into the request) it concerns. */
export interface DeterminationIssue {
  readonly field: string;
  readonly code: DeterminationIssueCode;
  readonly params: Readonly<Record<string, string | readonly string[]>>;
}

export type DeterminationResult =
  | { readonly ok: true; readonly proposal: DeterminationProposal }
  | { readonly ok: false; readonly issues: readonly DeterminationIssue[] };
