/** Text in the two languages the product speaks: Simplified Chinese and English. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

export const EDITION_IDS = ['GA 653-2006', 'GB 35181-2017', 'GB 35181-2025'] as const;

/** A determination standard (判定标准) edition, named by its designation. */
export type EditionId = (typeof EDITION_IDS)[number];

export type ElementKind = 'direct' | 'comprehensive';

/**
 * One element (判定要素) of an edition. `text` paraphrases the clause; it is not the official wording.
 * `verified` is false when the text, the clause number or both were not confirmed from the
 * standard's text, and `note` then states what is uncertain.
 */
export interface DeterminationElement {
  readonly clause: string;
  readonly kind: ElementKind;
  /** Clause of the element's group (for example 7.3 安全疏散设施及灭火救援条件); absent for direct elements. */
  readonly group?: string;
  readonly text: LocalizedText;
  readonly verified: boolean;
  readonly note?: LocalizedText;
}

/** A heading of the comprehensive elements, such as 7.4 消防给水及灭火设施. */
export interface ElementGroup {
  readonly clause: string;
  readonly title: LocalizedText;
  readonly verified: boolean;
}

/** A place category (场所类别) of an edition, such as 人员密集场所. */
export interface PlaceCategory {
  readonly id: string;
  readonly name: LocalizedText;
  readonly verified: boolean;
  readonly note?: LocalizedText;
}

/**
 * A counting rule of the comprehensive method: at least `threshold` elements, counted from `subset`
 * when it is given and from every comprehensive element otherwise, make a major hazard for the
 * categories in `categories`. A category may have several rules; meeting any one is enough.
 */
export interface CountingRule {
  readonly id: string;
  /** Clause that states the rule; null when the clause number is not known. */
  readonly clause: string | null;
  readonly categories: readonly string[];
  readonly threshold: number;
  readonly subset: readonly string[] | null;
  readonly description: LocalizedText;
  readonly verified: boolean;
  readonly note?: LocalizedText;
}

/** A situation in which a hazard must not be judged major (不应判定为重大火灾隐患的情形). */
export interface Exclusion {
  readonly id: string;
  readonly clause: string;
  readonly text: LocalizedText;
  readonly verified: boolean;
  readonly note?: LocalizedText;
}

/**
 * Elements an edition has but whose texts are not in the catalogue. A clause matching `clausePattern`
 * is accepted as an element of the edition, and a proposal that names it is undetermined because
 * its text is not in the catalogue.
 */
export interface MissingElements {
  readonly kind: ElementKind;
  readonly chapter: string;
  readonly count: number;
  readonly clausePattern: RegExp;
  readonly note: LocalizedText;
}

/** The rule set of one edition: everything the engine needs to propose a determination. */
export interface RuleSet {
  readonly edition: EditionId;
  readonly title: LocalizedText;
  /** First day the edition applies, YYYY-MM-DD in China Standard Time. */
  readonly effectiveFrom: string;
  readonly effectiveFromVerified: boolean;
  readonly effectiveFromNote?: LocalizedText;
  readonly categories: readonly PlaceCategory[];
  readonly elementGroups: readonly ElementGroup[];
  readonly elements: readonly DeterminationElement[];
  readonly missingElements: readonly MissingElements[];
  /** Clause that makes any one direct element enough; null when not known. */
  readonly directRuleClause: string | null;
  readonly countingRules: readonly CountingRule[];
  readonly exclusions: readonly Exclusion[];
  /** Set when the exclusions are not in the catalogue, which every proposal under the edition then states. */
  readonly exclusionsMissing?: LocalizedText;
  /** Elements the edition is known to contain from official briefings, without clause numbers. */
  readonly describedElements: readonly LocalizedText[];
}
