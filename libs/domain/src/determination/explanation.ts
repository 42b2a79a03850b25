import { RULE_SETS } from './editions';
import type { ResolvedRequest } from './engine';
import type { DeterminationProposal, RuleEvaluation } from './proposal';
import type { DeterminationElement, LocalizedText, RuleSet } from './types';

type Draft = Omit<DeterminationProposal, 'explanation'>;

/** Sentences in both languages; Chinese ones end in 。 and join without spaces. */
class Sentences {
  private readonly zh: string[] = [];
  private readonly en: string[] = [];

  add(zh: string, en: string): void {
    this.zh.push(zh);
    this.en.push(en);
  }

  text(): LocalizedText {
    return { zh: this.zh.join(''), en: this.en.join(' ') };
  }
}

/**
 * Writes the explanation of a proposal: the edition, the category, which clause decided, which
 * count against which threshold or which exclusion, and how many unconfirmed items it relies on.
 */
export function explainProposal(draft: Draft, request: ResolvedRequest | undefined): LocalizedText {
  const sentences = new Sentences();
  if (!request || draft.edition === null) {
    explainNoEdition(draft.inspectedOn, sentences);
    return sentences.text();
  }
  const { ruleSet } = request;
  sentences.add(
    `依据 ${ruleSet.edition}《${ruleSet.title.zh}》（检查日期 ${draft.inspectedOn}）。`,
    `Under ${ruleSet.edition} (${ruleSet.title.en}), in force on the inspection date ${draft.inspectedOn}.`,
  );
  const category = ruleSet.categories.find((candidate) => candidate.id === request.placeCategory);
  const derived = request.placeCategorySource === 'place_type';
  sentences.add(
    `场所类别：${category?.name.zh ?? request.placeCategory}${derived ? '（由场所类型推定）' : ''}。`,
    `Place category: ${category?.name.en ?? request.placeCategory}${derived ? ' (derived from the place type)' : ''}.`,
  );

  switch (draft.outcome) {
    case 'excluded':
      explainExcluded(request, sentences);
      break;
    case 'undetermined':
      explainNotInCatalogue(request, sentences);
      break;
    default:
      if (draft.method === 'direct') explainDirect(request, sentences);
      else explainComprehensive(draft, request, sentences);
      explainExclusionsChecked(draft, request, sentences);
  }

  if (draft.unverified.length > 0) {
    sentences.add(
      `本建议依据的 ${draft.unverified.length} 项内容未经标准原文核实，见未核实清单。`,
      `${draft.unverified.length} item${draft.unverified.length === 1 ? '' : 's'} this proposal relies on ${draft.unverified.length === 1 ? 'is' : 'are'} not confirmed from the standard's text; see the unverified list.`,
    );
  }
  return sentences.text();
}

function explainNoEdition(inspectedOn: string, sentences: Sentences): void {
  const first = RULE_SETS[0];
  if (!first) return;
  sentences.add(
    `检查日期 ${inspectedOn} 早于最早的判定标准 ${first.edition} 的实施日期 ${first.effectiveFrom}，当日没有适用的重大火灾隐患判定标准，无法提出建议。`,
    `The inspection date ${inspectedOn} is before ${first.effectiveFrom}, when ${first.edition}, the first determination standard, took effect; no edition applies, so no outcome is proposed.`,
  );
}

function explainExcluded(request: ResolvedRequest, sentences: Sentences): void {
  for (const check of request.exclusions.filter((candidate) => candidate.applies === true)) {
    const exclusion = request.ruleSet.exclusions.find((candidate) => candidate.id === check.id);
    if (!exclusion) continue;
    sentences.add(
      `存在${clauseZh(exclusion.clause)}规定的情形：${exclusion.text.zh}。`,
      `The situation of §${exclusion.clause} applies: ${exclusion.text.en}.`,
    );
  }
  sentences.add(
    '存在上述情形的，不应判定为重大火灾隐患，无论发现了哪些判定要素。',
    'In that situation the hazard must not be judged major, whatever elements were found.',
  );
}

function explainNotInCatalogue(request: ResolvedRequest, sentences: Sentences): void {
  const { ruleSet } = request;
  const chapters = ruleSet.missingElements.filter((missing) =>
    request.notInCatalogue.some((clause) => missing.clausePattern.test(clause)),
  );
  sentences.add(
    `要素 ${request.notInCatalogue.join('、')} 不在目录中：${chapters.map((missing) => missing.note.zh).join('；')}。`,
    `Element${request.notInCatalogue.length === 1 ? '' : 's'} ${request.notInCatalogue.join(', ')} ${request.notInCatalogue.length === 1 ? 'is' : 'are'} not in the catalogue: ${chapters.map((missing) => missing.note.en).join('; ')}.`,
  );
  sentences.add(
    '本系统不推测这些要素的内容，无法提出建议；请依据标准原文判定。',
    "The engine does not guess these elements' texts, so no outcome is proposed; determine against the official text.",
  );
}

function explainDirect(request: ResolvedRequest, sentences: Sentences): void {
  const listed = describeElements(request.direct);
  sentences.add(`存在直接判定要素：${listed.zh}。`, `Direct element found: ${listed.en}.`);
  const clause = request.ruleSet.directRuleClause;
  sentences.add(
    `存在任一直接判定要素即可直接判定为重大火灾隐患${clause ? `（${clauseZh(clause)}）` : ''}。`,
    `Any one direct element makes a major fire hazard${clause ? ` (§${clause})` : ''}.`,
  );
  if (request.comprehensive.length > 0) {
    const clauses = request.comprehensive.map((element) => element.clause);
    sentences.add(
      `另有综合判定要素 ${clauses.length} 条（${clauses.join('、')}），直接判定时无须计数。`,
      `The ${clauses.length} comprehensive element${clauses.length === 1 ? '' : 's'} found (${clauses.join(', ')}) need not be counted.`,
    );
  }
}

function explainComprehensive(draft: Draft, request: ResolvedRequest, sentences: Sentences): void {
  const clauses = request.comprehensive.map((element) => element.clause);
  if (clauses.length === 0) {
    sentences.add('未发现直接判定要素和综合判定要素。', 'No direct and no comprehensive element was found.');
  } else {
    sentences.add(
      `未发现直接判定要素；发现综合判定要素 ${clauses.length} 条：${clauses.join('、')}。`,
      `No direct element was found; ${clauses.length} comprehensive element${clauses.length === 1 ? ' was' : 's were'} found: ${clauses.join(', ')}.`,
    );
  }

  const rule = draft.rule;
  if (draft.outcome === 'major' && rule) {
    const description = countingRuleOf(request.ruleSet, rule.rule)?.description;
    sentences.add(
      `符合${rule.clause ? clauseZh(rule.clause) : '综合判定计数规则（条号未核实）'}：${description?.zh ?? ''}。计入 ${rule.count} 条，门槛 ${rule.threshold} 条，综合判定为重大火灾隐患。`,
      `${rule.clause ? `§${rule.clause}` : 'The counting rule (clause not confirmed)'} is met: ${description?.en ?? ''}. ${rule.count} counted against a threshold of ${rule.threshold}, so the hazard is major by the comprehensive method.`,
    );
    const verifiedCount = request.comprehensive.filter(
      (element) => element.verified && rule.counted.includes(element.clause),
    ).length;
    if (verifiedCount < rule.threshold) {
      sentences.add(
        `仅计已核实的要素为 ${verifiedCount} 条，低于门槛，结论取决于未核实的要素。`,
        `Counting only confirmed elements gives ${verifiedCount}, below the threshold, so the outcome depends on unconfirmed elements.`,
      );
    }
    return;
  }

  if (draft.rules.length === 0) {
    sentences.add('该场所类别没有计数规则。', 'The place category has no counting rule.');
  } else {
    sentences.add(
      `各计数规则均未达到：${draft.rules.map((evaluation) => `${ruleLabel(evaluation).zh}计入 ${evaluation.count} 条，门槛 ${evaluation.threshold} 条`).join('；')}。`,
      `No counting rule is met: ${draft.rules.map((evaluation) => `${ruleLabel(evaluation).en}: ${evaluation.count} counted, threshold ${evaluation.threshold}`).join('; ')}.`,
    );
  }
  sentences.add('建议不判定为重大火灾隐患。', 'The proposal is: not a major fire hazard.');
  for (const missing of request.ruleSet.missingElements) {
    sentences.add(`注意：${missing.note.zh}。`, `Note: ${missing.note.en}.`);
  }
}

function explainExclusionsChecked(draft: Draft, request: ResolvedRequest, sentences: Sentences): void {
  const describe = (id: string): LocalizedText => {
    const exclusion = request.ruleSet.exclusions.find((candidate) => candidate.id === id);
    return exclusion
      ? {
          zh: `${clauseZh(exclusion.clause)}（${exclusion.text.zh}）`,
          en: `§${exclusion.clause} (${exclusion.text.en})`,
        }
      : { zh: id, en: id };
  };
  const answeredNo = draft.exclusions.filter((check) => check.applies === false).map((check) => describe(check.id));
  const unanswered = draft.exclusions.filter((check) => check.applies === null).map((check) => describe(check.id));
  if (answeredNo.length > 0) {
    sentences.add(
      `已核对的排除情形均不适用：${answeredNo.map((text) => text.zh).join('；')}。`,
      `The exclusions checked do not apply: ${answeredNo.map((text) => text.en).join('; ')}.`,
    );
  }
  if (unanswered.length > 0 && draft.outcome === 'major') {
    const listedZh = unanswered.map((text) => text.zh).join('；');
    const listedEn = unanswered.map((text) => text.en).join('; ');
    const english =
      unanswered.length === 1
        ? `One exclusion was not answered, so the proposal treats it as not applying. Check it in the collective discussion: ${listedEn}.`
        : `${unanswered.length} exclusions were not answered, so the proposal treats them as not applying. Check them in the collective discussion: ${listedEn}.`;
    sentences.add(`以下排除情形未作回答，按不适用处理，请在集体讨论中核对：${listedZh}。`, english);
  }
  if (request.ruleSet.exclusionsMissing && draft.outcome === 'major') {
    sentences.add(`${request.ruleSet.exclusionsMissing.zh}。`, `${request.ruleSet.exclusionsMissing.en}.`);
  }
}

function describeElements(elements: readonly DeterminationElement[]): LocalizedText {
  return {
    zh: elements.map((element) => `${element.clause}（${element.text.zh}）`).join('；'),
    en: elements.map((element) => `${element.clause} (${element.text.en})`).join('; '),
  };
}

/** Names a rule by its clause, and by what it counts, since several rules can share one clause. */
function ruleLabel(rule: RuleEvaluation): LocalizedText {
  const counted = rule.subset ? { zh: '指定要素', en: 'designated elements' } : { zh: '任意要素', en: 'any elements' };
  if (rule.clause === null) {
    return {
      zh: `计数规则（条号未核实）的${counted.zh}`,
      en: `the counting rule (clause not confirmed) on ${counted.en}`,
    };
  }
  return { zh: `${clauseZh(rule.clause)}的${counted.zh}`, en: `§${rule.clause} on ${counted.en}` };
}

/** Writes a clause the Chinese way: 5.3.3 a) becomes 第 5.3.3 条 a) 项, 4.5 becomes 第 4.5 条. */
export function clauseZh(clause: string): string {
  const [number, item] = clause.split(' ', 2);
  return item ? `第 ${number} 条 ${item} 项` : `第 ${clause} 条`;
}

function countingRuleOf(ruleSet: RuleSet, id: string) {
  return ruleSet.countingRules.find((rule) => rule.id === id);
}
