import { ApiProperty } from '@nestjs/swagger';

import {
  DETERMINATION_METHODS,
  EDITION_IDS,
  PROPOSAL_OUTCOMES,
  UNDETERMINED_REASONS,
  UNVERIFIED_SUBJECTS,
  type DeterminationMethod,
  type EditionId,
  type ProposalOutcome,
  type UndeterminedReason,
  type UnverifiedSubject,
} from '@duban/domain';

export class ProposalElementResponse {
  @ApiProperty({ description: 'Clause number (条号)', example: '7.4.6' })
  clause!: string;

  @ApiProperty({
    description: 'direct (直接判定要素), comprehensive (综合判定要素), or not_in_catalogue (未收录)',
    enum: ['direct', 'comprehensive', 'not_in_catalogue'],
  })
  kind!: 'direct' | 'comprehensive' | 'not_in_catalogue';

  @ApiProperty({
    description: "Paraphrase of the clause in the response's language; null when not in the catalogue",
    type: String,
    nullable: true,
  })
  text!: string | null;

  @ApiProperty({ description: 'Confirmed from the standard (已核实)' })
  verified!: boolean;

  @ApiProperty({ description: 'Evidence as sent (证据)', type: String, nullable: true })
  evidence!: string | null;
}

export class RuleEvaluationResponse {
  @ApiProperty({ description: 'Counting rule id', example: 'crowded_place_subset' })
  rule!: string;

  @ApiProperty({ description: 'Clause (条号); null when not known', type: String, nullable: true, example: '5.3.3 a)' })
  clause!: string | null;

  @ApiProperty({
    description: 'Designated subset (指定要素) counted from; null when every comprehensive element counts',
    type: [String],
    nullable: true,
  })
  subset!: string[] | null;

  @ApiProperty({ description: 'Elements counted (计入的要素)', type: [String] })
  counted!: string[];

  @ApiProperty({ description: 'Count (计入数)' })
  count!: number;

  @ApiProperty({ description: 'Threshold (门槛)' })
  threshold!: number;

  @ApiProperty({ description: 'Count reaches the threshold (达到门槛)' })
  met!: boolean;

  @ApiProperty({ description: 'Rule confirmed from the standard (已核实)' })
  verified!: boolean;
}

export class ExclusionCheckResponse {
  @ApiProperty({ example: 'stopped_operating' })
  id!: string;

  @ApiProperty({ description: 'Clause (条号)', example: '5.1.3 b)' })
  clause!: string;

  @ApiProperty({ description: "The situation, in the response's language (排除情形)" })
  text!: string;

  @ApiProperty({
    description: 'Answer sent; null when not answered, which counts as not applying',
    type: Boolean,
    nullable: true,
  })
  applies!: boolean | null;
}

export class UnverifiedResponse {
  @ApiProperty({ description: 'What kind of item is not confirmed', enum: UNVERIFIED_SUBJECTS })
  subject!: UnverifiedSubject;

  @ApiProperty({ description: 'Clause, rule, category or edition concerned', example: '7.7.3' })
  ref!: string;

  @ApiProperty({ description: "What is uncertain, in the response's language (核实说明)" })
  note!: string;
}

/** The engine's proposal (判定建议); the brigade's collective decision records the outcome. */
export class ProposalResponse {
  @ApiProperty({ description: 'Inspection date (检查日期)', example: '2024-05-06' })
  inspectedOn!: string;

  @ApiProperty({
    description: 'Edition applied (适用版本); null when no edition was in force on inspectedOn',
    enum: EDITION_IDS,
    nullable: true,
  })
  edition!: EditionId | null;

  @ApiProperty({ description: 'Place category (场所类别) used', type: String, nullable: true })
  placeCategory!: string | null;

  @ApiProperty({
    description: 'request when placeCategory was sent, place_type when derived from placeType',
    enum: ['request', 'place_type'],
    nullable: true,
  })
  placeCategorySource!: 'request' | 'place_type' | null;

  @ApiProperty({
    description:
      'Proposed outcome (建议结论): major 重大火灾隐患, not_major 不构成, excluded 排除, undetermined 无法建议 (see undeterminedReason)',
    enum: PROPOSAL_OUTCOMES,
  })
  outcome!: ProposalOutcome;

  @ApiProperty({
    description: 'Why no outcome is proposed (无法建议的原因)',
    enum: UNDETERMINED_REASONS,
    nullable: true,
  })
  undeterminedReason!: UndeterminedReason | null;

  @ApiProperty({
    description: 'Method (判定方法): direct 直接判定 or comprehensive 综合判定',
    enum: DETERMINATION_METHODS,
    nullable: true,
  })
  method!: DeterminationMethod | null;

  @ApiProperty({
    description: 'Elements counted by the deciding rule, or direct elements found (计入数)',
    type: Number,
    nullable: true,
  })
  count!: number | null;

  @ApiProperty({
    description: 'Threshold of the deciding rule (门槛); 1 for the direct method',
    type: Number,
    nullable: true,
  })
  threshold!: number | null;

  @ApiProperty({
    description: 'The counting rule behind count and threshold',
    type: RuleEvaluationResponse,
    nullable: true,
  })
  rule!: RuleEvaluationResponse | null;

  @ApiProperty({ description: 'Elements as sent, with their catalogue texts', type: [ProposalElementResponse] })
  elements!: ProposalElementResponse[];

  @ApiProperty({ description: 'Every counting rule of the category (计数规则)', type: [RuleEvaluationResponse] })
  rules!: RuleEvaluationResponse[];

  @ApiProperty({ description: 'Exclusions checked (排除情形核查)', type: [ExclusionCheckResponse] })
  exclusions!: ExclusionCheckResponse[];

  @ApiProperty({
    description:
      'Explanation (说明): clause, count against threshold, or exclusion; Chinese unless Accept-Language prefers English',
  })
  explanation!: string;

  @ApiProperty({
    description: 'What the proposal relies on that is not confirmed from the standard (未核实事项)',
    type: [UnverifiedResponse],
  })
  unverified!: UnverifiedResponse[];
}
