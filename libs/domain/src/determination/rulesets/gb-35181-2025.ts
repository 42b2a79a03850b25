import type { CountingRule, PlaceCategory, RuleSet } from '../types';

const BRIEFING_CATEGORY: PlaceCategory['note'] = {
  zh: '官方发布会称第 5 章直接判定要素按该场所类型分别列出；第 3 章定义未核实',
  en: 'The official briefing says the chapter 5 direct elements are written for this place type; the chapter 3 definition is not confirmed',
};

const briefed = (id: string, zh: string, en: string): PlaceCategory => ({
  id,
  name: { zh, en },
  verified: false,
  note: BRIEFING_CATEGORY,
});

const CATEGORIES: readonly PlaceCategory[] = [
  briefed('public_entertainment_place', '公共娱乐场所', 'public entertainment place'),
  briefed('hotel', '旅馆', 'hotel'),
  briefed('shopping_mall_or_market', '商场、市场', 'shopping mall or market'),
  briefed('children_activity_place', '儿童活动场所', "children's activity place"),
  briefed('elderly_care_facility', '老年人照料设施', 'care facility for the elderly'),
  briefed('hospital_building', '医院的门诊楼、病房楼', 'hospital outpatient or ward building'),
  briefed(
    'labour_intensive_enterprise',
    '劳动密集型企业的厂房、仓库',
    'factory or warehouse of a labour-intensive enterprise',
  ),
  briefed('flammable_goods_place', '易燃易爆危险品场所', 'flammable or explosive goods place'),
  {
    id: 'other_place',
    name: { zh: '其他场所', en: 'other place' },
    verified: false,
    note: {
      zh: '用于没有按场所类型单列直接判定要素的场所；该归类未核实',
      en: 'For places without direct elements written for their type; this grouping is not confirmed',
    },
  },
];

const ALL_CATEGORIES = CATEGORIES.map((category) => category.id);

const COUNTING_RULES: readonly CountingRule[] = [
  {
    id: 'any_six',
    clause: null,
    categories: ALL_CATEGORIES,
    threshold: 6,
    subset: null,
    description: {
      zh: '不存在直接判定要素，综合判定要素 6 条以上（含本数）的，可判定为重大火灾隐患',
      en: 'With no direct element, 6 or more comprehensive elements may be judged a major fire hazard',
    },
    verified: false,
    note: {
      zh: '门槛 6 条来自国家消防救援局 2025-05-13 发布会；所在条号、原文措辞及有无场所例外未核实',
      en: 'The threshold of 6 comes from the National Fire and Rescue Administration briefing of 2025-05-13; its clause, wording and any place-specific exceptions are not confirmed',
    },
  },
];

/**
 * GB 35181-2025 重大火灾隐患判定规则, in force from 2025-11-01. Only its structure is known: 30
 * direct elements written per place type in chapter 5, 35 comprehensive elements in chapter 6, and
 * one counting rule of 6 or more. No element text is in the catalogue, so a proposal naming any clause
 * of chapters 5 or 6 is undetermined, with the reason elements_not_in_catalogue.
 */
export const GB_35181_2025: RuleSet = {
  edition: 'GB 35181-2025',
  title: { zh: '重大火灾隐患判定规则', en: 'Rules for determining major fire hazards' },
  effectiveFrom: '2025-11-01',
  effectiveFromVerified: true,
  categories: CATEGORIES,
  elementGroups: [],
  elements: [],
  missingElements: [
    {
      kind: 'direct',
      chapter: '5',
      count: 30,
      clausePattern: /^5(\.\d{1,2}){1,3}$/,
      note: {
        zh: '第 5 章 30 条直接判定要素按场所类型分列，条文尚未取得',
        en: 'The 30 direct elements of chapter 5, written per place type, are not yet available',
      },
    },
    {
      kind: 'comprehensive',
      chapter: '6',
      count: 35,
      clausePattern: /^6(\.\d{1,2}){1,3}$/,
      note: {
        zh: '第 6 章 35 条综合判定要素的条文尚未取得',
        en: 'The texts of the 35 comprehensive elements of chapter 6 are not yet available',
      },
    },
  ],
  directRuleClause: null,
  countingRules: COUNTING_RULES,
  exclusions: [],
  exclusionsMissing: {
    zh: '第 4.2 条（不应判定为重大火灾隐患或不应作为判定要素的情形）的条文尚未取得，须对照标准原文核查',
    en: 'The text of §4.2 (situations not to be judged major, or not to be used as elements) is not yet available; check it against the official text',
  },
  describedElements: [
    {
      zh: '人员密集场所违规设置生产、储存易燃易爆危险品的厂房、仓库',
      en: 'A crowded place illegally housing plants or warehouses that produce or store flammable or explosive goods',
    },
    {
      zh: '多产权建筑、多业态混合生产经营场所消防安全责任不明确',
      en: 'Multi-ownership buildings and mixed multi-use production or business places with unclear fire-safety responsibility',
    },
    {
      zh: '疏散楼梯的地上部分与地下部分未进行防火分隔',
      en: 'Above-ground and below-ground parts of an evacuation stair not fire-separated',
    },
    {
      zh: '住宅架空层停放电动自行车或为其充电，且未与楼梯间、疏散走道、出口等进行防火分隔',
      en: 'E-bikes parked or charged in a residential stilt floor without fire separation from light or vent shafts, lobbies, corridors, stairs or exits',
    },
  ],
};
