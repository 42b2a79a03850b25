import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { EDITION_IDS, PLACE_TYPES, type EditionId, type ElementKind, type PlaceType } from '@duban/domain';

export class LocalizedTextResponse {
  @ApiProperty({ description: 'Simplified Chinese (简体中文)' })
  zh!: string;

  @ApiProperty({ description: 'English' })
  en!: string;
}

export class PlaceCategoryResponse {
  @ApiProperty({ description: 'Category id to send as placeCategory', example: 'crowded_place' })
  id!: string;

  @ApiProperty({ description: 'Name (场所类别名称)', type: LocalizedTextResponse })
  name!: LocalizedTextResponse;

  @ApiProperty({ description: 'Confirmed from the standard (已核实)' })
  verified!: boolean;

  @ApiPropertyOptional({ description: 'What is uncertain (核实说明)', type: LocalizedTextResponse })
  note?: LocalizedTextResponse;

  @ApiProperty({ description: 'Place types (场所类型) that fall in this category', enum: PLACE_TYPES, isArray: true })
  placeTypes!: PlaceType[];
}

export class ElementGroupResponse {
  @ApiProperty({ example: '7.4' })
  clause!: string;

  @ApiProperty({ description: 'Heading (要素类别)', type: LocalizedTextResponse })
  title!: LocalizedTextResponse;

  @ApiProperty({ description: 'Heading confirmed from the standard (已核实)' })
  verified!: boolean;
}

export class ElementResponse {
  @ApiProperty({ description: 'Clause number (条号)', example: '7.4.6' })
  clause!: string;

  @ApiProperty({
    description: 'direct (直接判定要素) or comprehensive (综合判定要素)',
    enum: ['direct', 'comprehensive'],
  })
  kind!: ElementKind;

  @ApiPropertyOptional({ description: 'Clause of its group (要素类别), for comprehensive elements', example: '7.4' })
  group?: string;

  @ApiProperty({
    description: 'Paraphrase of the clause (条文释义), not the official wording',
    type: LocalizedTextResponse,
  })
  text!: LocalizedTextResponse;

  @ApiProperty({ description: 'Text and clause number confirmed from the standard (已核实)' })
  verified!: boolean;

  @ApiPropertyOptional({ description: 'What is uncertain (核实说明)', type: LocalizedTextResponse })
  note?: LocalizedTextResponse;
}

export class MissingElementsResponse {
  @ApiProperty({ enum: ['direct', 'comprehensive'] })
  kind!: ElementKind;

  @ApiProperty({ description: 'Chapter (章) holding the elements', example: '5' })
  chapter!: string;

  @ApiProperty({ description: 'Number of elements in the chapter (要素数量)', example: 30 })
  count!: number;

  @ApiProperty({
    description:
      'A proposal naming a clause that matches this regular expression is undetermined: element not in the catalogue',
    example: '^5(\\.\\d{1,2}){1,3}$',
  })
  clausePattern!: string;

  @ApiProperty({ type: LocalizedTextResponse })
  note!: LocalizedTextResponse;
}

export class CountingRuleResponse {
  @ApiProperty({ example: 'crowded_place_subset' })
  id!: string;

  @ApiProperty({
    description: 'Clause stating the rule (条号); null when not known',
    type: String,
    nullable: true,
    example: '5.3.3 a)',
  })
  clause!: string | null;

  @ApiProperty({ description: 'Place categories (场所类别) the rule applies to', type: [String] })
  categories!: string[];

  @ApiProperty({ description: 'Threshold (门槛): this many elements or more make a major hazard', example: 3 })
  threshold!: number;

  @ApiProperty({
    description: 'Designated subset (指定要素) the rule counts from; null when it counts every comprehensive element',
    type: [String],
    nullable: true,
  })
  subset!: string[] | null;

  @ApiProperty({ type: LocalizedTextResponse })
  description!: LocalizedTextResponse;

  @ApiProperty({ description: 'Threshold and subset confirmed from the standard (已核实)' })
  verified!: boolean;

  @ApiPropertyOptional({ type: LocalizedTextResponse })
  note?: LocalizedTextResponse;
}

export class ExclusionResponse {
  @ApiProperty({ description: 'Id to answer in exclusions[].id', example: 'stopped_operating' })
  id!: string;

  @ApiProperty({ description: 'Clause (条号)', example: '5.1.3 b)' })
  clause!: string;

  @ApiProperty({ description: 'Situation (不应判定为重大火灾隐患的情形)', type: LocalizedTextResponse })
  text!: LocalizedTextResponse;

  @ApiProperty({ description: 'Confirmed from the standard (已核实)' })
  verified!: boolean;

  @ApiPropertyOptional({ type: LocalizedTextResponse })
  note?: LocalizedTextResponse;
}

/** The catalogue of one edition of the determination standard (判定标准). */
export class RuleSetResponse {
  @ApiProperty({ description: 'Edition (版本)', enum: EDITION_IDS })
  edition!: EditionId;

  @ApiProperty({ description: 'Title (标准名称)', type: LocalizedTextResponse })
  title!: LocalizedTextResponse;

  @ApiProperty({ description: 'First inspection date the edition applies to (实施日期), YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiProperty({
    description: 'Last inspection date it applies to, YYYY-MM-DD; null for the current edition',
    type: String,
    nullable: true,
  })
  effectiveUntil!: string | null;

  @ApiProperty({ description: 'Effective date confirmed (已核实)' })
  effectiveFromVerified!: boolean;

  @ApiPropertyOptional({ type: LocalizedTextResponse })
  effectiveFromNote?: LocalizedTextResponse;

  @ApiProperty({ description: 'Place categories (场所类别)', type: [PlaceCategoryResponse] })
  categories!: PlaceCategoryResponse[];

  @ApiProperty({
    description:
      'Place types (场所类型) that do not decide the category under this edition; send placeCategory for them',
    enum: PLACE_TYPES,
    isArray: true,
  })
  undecidedPlaceTypes!: PlaceType[];

  @ApiProperty({
    description: 'Headings of the comprehensive elements (综合判定要素类别)',
    type: [ElementGroupResponse],
  })
  elementGroups!: ElementGroupResponse[];

  @ApiProperty({ description: 'Elements (判定要素) in the catalogue', type: [ElementResponse] })
  elements!: ElementResponse[];

  @ApiProperty({
    description: 'Elements the edition has whose texts are not in the catalogue (未收录的要素)',
    type: [MissingElementsResponse],
  })
  missingElements!: MissingElementsResponse[];

  @ApiProperty({
    description: 'Clause making any one direct element enough (直接判定); null when not known',
    type: String,
    nullable: true,
  })
  directRuleClause!: string | null;

  @ApiProperty({
    description: 'Counting rules of the comprehensive method (综合判定规则)',
    type: [CountingRuleResponse],
  })
  countingRules!: CountingRuleResponse[];

  @ApiProperty({ description: 'Exclusions (排除情形)', type: [ExclusionResponse] })
  exclusions!: ExclusionResponse[];

  @ApiPropertyOptional({
    description: 'Set when the exclusions are not in the catalogue (排除情形未收录)',
    type: LocalizedTextResponse,
  })
  exclusionsMissing?: LocalizedTextResponse;

  @ApiProperty({
    description: 'Elements known from official briefings, without clause numbers (已公布但无条号的要素)',
    type: [LocalizedTextResponse],
  })
  describedElements!: LocalizedTextResponse[];
}

export class RuleSetListResponse {
  @ApiProperty({ description: 'Every edition, oldest first', type: [RuleSetResponse] })
  items!: RuleSetResponse[];
}
