import type { CountingRule, DeterminationElement, ElementGroup, Exclusion, PlaceCategory, RuleSet } from '../types';

const DIRECT_NUMBERING: DeterminationElement['note'] = {
  zh: '内容经二手资料核实；条号 5.1～5.6 按章节结构推定，未经核实',
  en: 'Content confirmed by secondary sources; the clause numbers 5.1–5.6 follow the chapter layout and are not confirmed',
};

/** The note of every reconstructed comprehensive element, naming its GB 35181-2017 counterpart. */
const reconstructed = (counterpart: string): DeterminationElement['note'] => ({
  zh: `条文与条号系按第 6.1 条的主题和 GB 35181-2017 对应要素 ${counterpart} 重建，GA 653-2006 原文未核实`,
  en: `Text and clause number reconstructed from the themes of §6.1 and the matching GB 35181-2017 element ${counterpart}; the GA 653-2006 wording is not confirmed`,
});

const CATEGORIES: readonly PlaceCategory[] = [
  { id: 'crowded_place', name: { zh: '人员密集场所', en: 'crowded place' }, verified: true },
  {
    id: 'flammable_goods_place',
    name: { zh: '易燃易爆化学物品场所', en: 'flammable or explosive chemicals place' },
    verified: true,
  },
  { id: 'important_place', name: { zh: '重要场所', en: 'important place' }, verified: true },
  { id: 'other_place', name: { zh: '其他场所', en: 'other place' }, verified: true },
];

const GROUPS: readonly ElementGroup[] = [
  { clause: '6.1.1', title: { zh: '总平面布置', en: 'site layout' }, verified: false },
  { clause: '6.1.2', title: { zh: '防火分隔', en: 'fire separation' }, verified: false },
  { clause: '6.1.3', title: { zh: '安全疏散', en: 'evacuation' }, verified: true },
  {
    clause: '6.1.4',
    title: { zh: '消防给水及灭火设施', en: 'fire water supply and extinguishing systems' },
    verified: false,
  },
  { clause: '6.1.5', title: { zh: '防烟排烟', en: 'smoke control' }, verified: true },
  { clause: '6.1.6', title: { zh: '消防电源', en: 'fire power supply' }, verified: false },
  { clause: '6.1.7', title: { zh: '火灾自动报警系统', en: 'automatic fire alarm system' }, verified: false },
  { clause: '6.1.8', title: { zh: '消防安全管理', en: 'fire-safety management' }, verified: false },
  { clause: '6.1.9', title: { zh: '其他', en: 'other' }, verified: false },
];

const direct = (clause: string, zh: string, en: string): DeterminationElement => ({
  clause,
  kind: 'direct',
  text: { zh, en },
  verified: false,
  note: DIRECT_NUMBERING,
});

const comprehensive = (clause: string, counterpart: string, zh: string, en: string): DeterminationElement => ({
  clause,
  kind: 'comprehensive',
  group: clause === '6.1.5' ? '6.1.5' : clause.split('.').slice(0, 3).join('.'),
  text: { zh, en },
  verified: false,
  note: reconstructed(counterpart),
});

const DIRECT_ELEMENTS: readonly DeterminationElement[] = [
  direct(
    '5.1',
    '生产、储存和装卸易燃易爆化学物品的工厂、仓库和专用车站、码头、储罐区，未设置在城市的边缘或相对独立的安全地带',
    'Factories, warehouses, dedicated stations, wharves and tank farms that produce, store or load flammable or explosive chemicals are not at the city edge or in a relatively independent safe zone',
  ),
  direct(
    '5.2',
    '甲、乙类厂房设置在建筑的地下、半地下室',
    'Class A or B (甲、乙类) factories are in a basement or semi-basement',
  ),
  direct(
    '5.3',
    '甲、乙类厂房与人员密集场所或住宅、宿舍混合设置在同一建筑物内',
    'Class A or B factories share a building with a crowded place, homes or dormitories',
  ),
  direct(
    '5.4',
    '公共娱乐场所、商店、地下人员密集场所的安全出口、楼梯间的设置形式及数量不符合规定',
    'Safety exits or stair enclosures of a public entertainment place, shop or underground crowded place are of a non-compliant type or number',
  ),
  direct(
    '5.5',
    '旅馆、公共娱乐场所、商店、地下人员密集场所未按规定设置自动喷水灭火系统或火灾自动报警系统',
    'A hotel, public entertainment place, shop or underground crowded place lacks the required automatic sprinklers or automatic fire alarm system',
  ),
  direct(
    '5.6',
    '易燃可燃液体、可燃气体储罐（区）未按规定设置固定灭火、冷却设施',
    'Tanks (tank farms) of flammable or combustible liquids or combustible gas lack the required fixed extinguishing or cooling facilities',
  ),
];

const COMPREHENSIVE_ELEMENTS: readonly DeterminationElement[] = [
  comprehensive(
    '6.1.1.1',
    '7.1.1',
    '未按规定设置消防车道，或消防车道被堵塞、占用',
    'Fire-engine lanes not provided as required, or blocked or occupied',
  ),
  comprehensive(
    '6.1.1.2',
    '7.1.2',
    '建筑之间的既有防火间距被占用或不足；明火和散发火花地点与易燃易爆生产厂房、装置设备之间的防火间距不符合规定',
    'Existing fire separation distance between buildings occupied or insufficient; distance between open flames or spark sources and flammable-process buildings or plant non-compliant',
  ),
  comprehensive(
    '6.1.1.3',
    '7.1.3',
    '在厂房、库房、商场中设置员工宿舍，或在住宅内从事生产、储存、经营活动，不符合规定',
    'Staff dormitories inside factories, warehouses or shopping malls, or production, storage or business inside homes, against the rules',
  ),
  comprehensive(
    '6.1.2.1',
    '7.2.1',
    '原有防火分区被改变，导致实际防火分区的建筑面积超过规定值的 50%',
    'Original fire compartment altered so that its actual area exceeds the allowed value by more than 50%',
  ),
  comprehensive(
    '6.1.2.2',
    '7.2.2',
    '防火门、防火卷帘等防火分隔设施损坏的数量超过该防火分区防火分隔设施总数的 50%',
    'More than 50% of the fire doors, fire shutters and similar separation devices of a compartment are damaged',
  ),
  comprehensive(
    '6.1.2.3',
    '7.2.3',
    '丙、丁、戊类厂房内有火灾或爆炸危险的部位未采取防火分隔等防火防爆技术措施',
    'Fire or explosion-risk parts of Class C, D or E factories lack separation or explosion-protection measures',
  ),
  comprehensive(
    '6.1.3.1',
    '7.3.1',
    '擅自改变避难走道、避难间、避难层的防火分隔设施，或其被占用、堵塞而无法正常使用',
    'Refuge corridors, rooms or floors altered against the rules, or occupied or blocked so they cannot be used',
  ),
  comprehensive(
    '6.1.3.2',
    '7.3.2',
    '人员密集场所内疏散楼梯间的设置形式不符合规定',
    'The enclosure type of evacuation stairs in a crowded place does not comply with the code',
  ),
  comprehensive(
    '6.1.3.3',
    '7.3.3',
    '除 5.4 规定外的其他场所或建筑物的安全出口数量或宽度不符合规定，或既有安全出口被封堵',
    'In places not covered by 5.4, safety exits too few or too narrow, or an existing safety exit sealed',
  ),
  comprehensive(
    '6.1.3.4',
    '7.3.4',
    '按规定应设置独立的安全出口或疏散楼梯而未设置',
    'A building required to have an independent safety exit or evacuation stair has none',
  ),
  comprehensive(
    '6.1.3.5',
    '7.3.5',
    '商店营业厅内的疏散距离超过规定值的 125%',
    "Travel distance in a shop's sales hall exceeds 125% of the code value",
  ),
  comprehensive(
    '6.1.3.6',
    '7.3.6',
    '高层建筑和地下建筑未按规定设置疏散指示标志、应急照明，或损坏率超过 30%；其他建筑未按规定设置，或损坏率超过 50%',
    'Exit signs and emergency lighting missing, or more than 30% damaged in high-rise and underground buildings, more than 50% in other buildings',
  ),
  comprehensive(
    '6.1.3.7',
    '7.3.7',
    '封闭楼梯间或防烟楼梯间的门损坏率超过规定比例',
    'Doors of enclosed or smoke-proof stairs damaged beyond the allowed share',
  ),
  comprehensive(
    '6.1.3.8',
    '7.3.8',
    '人员密集场所内疏散走道、疏散楼梯间、前室的室内装修材料燃烧性能不符合规定',
    'Interior finishes of corridors, stairs and anterooms in a crowded place below the required fire performance',
  ),
  comprehensive(
    '6.1.3.9',
    '7.3.9',
    '人员密集场所的疏散走道、楼梯间、疏散门或安全出口设置栅栏、卷帘门',
    'Grilles or roller shutters fitted on corridors, stairs, exit doors or safety exits of a crowded place',
  ),
  comprehensive(
    '6.1.4.1',
    '7.4.1',
    '未按规定设置消防水源、储存泡沫液等灭火剂',
    'Required fire water source, or stored foam or other extinguishing agent, not provided',
  ),
  comprehensive(
    '6.1.4.2',
    '7.4.2',
    '未按规定设置室外消防给水系统，或已设置但不能正常使用',
    'Outdoor fire water system missing or unusable',
  ),
  comprehensive(
    '6.1.4.3',
    '7.4.3',
    '未按规定设置室内消火栓系统，或已设置但不能正常使用',
    'Indoor hydrant system missing or unusable',
  ),
  comprehensive(
    '6.1.4.4',
    '7.4.4',
    '除旅馆、公共娱乐场所、商店、地下人员密集场所外，其他场所未按规定设置自动喷水灭火系统',
    'Required automatic sprinklers missing in places other than hotels, public entertainment places, shops and underground crowded places (those fall under 5.5)',
  ),
  comprehensive(
    '6.1.4.5',
    '7.4.5',
    '未按规定设置除自动喷水灭火系统外的其他固定灭火设施',
    'Required fixed extinguishing systems other than sprinklers not provided',
  ),
  comprehensive(
    '6.1.4.6',
    '7.4.6',
    '已设置的自动喷水灭火系统或其他固定灭火设施不能正常使用或运行',
    'An installed sprinkler or other fixed extinguishing system cannot be used or run normally',
  ),
  comprehensive(
    '6.1.5',
    '7.5',
    '人员密集场所、高层建筑和地下建筑未按规定设置防烟、排烟设施，或已设置但不能正常使用或运行',
    'A crowded place, high-rise or underground building lacks the required smoke control, or it cannot be used or run normally',
  ),
  comprehensive(
    '6.1.6.1',
    '7.6.1',
    '消防用电设备的供电负荷级别不符合规定',
    'Power-supply load class of fire equipment non-compliant',
  ),
  comprehensive(
    '6.1.6.2',
    '7.6.2',
    '消防用电设备未按规定采用专用的供电回路',
    'Fire equipment not on dedicated supply circuits',
  ),
  comprehensive(
    '6.1.6.3',
    '7.6.3',
    '未按规定设置消防用电设备末端自动切换装置，或已设置但不能正常切换',
    'End-of-line automatic changeover for fire equipment missing or failing to switch',
  ),
  comprehensive(
    '6.1.7.1',
    '7.7.1',
    '除旅馆、公共娱乐场所、商店、地下人员密集场所外，其他场所未按规定设置火灾自动报警系统',
    'Required automatic fire alarm missing in places other than those covered by 5.5',
  ),
  comprehensive('6.1.7.2', '7.7.2', '火灾自动报警系统不能正常运行', 'Automatic fire alarm system cannot run normally'),
  comprehensive(
    '6.1.7.3',
    '7.7.3',
    '防烟排烟系统、消防水泵以及其他自动消防设施不能正常联动控制',
    'Smoke control, fire pumps or other automatic fire facilities cannot be linked or controlled normally',
  ),
  comprehensive(
    '6.1.8.1',
    '7.8.1',
    '依法应当建立专职消防队的单位未建立',
    'A unit required by law to have a full-time fire brigade (专职消防队) has none',
  ),
  comprehensive(
    '6.1.8.2',
    '7.8.2',
    '消防控制室值班操作人员未持证上岗',
    'Fire control room operators not holding the required qualification',
  ),
  comprehensive(
    '6.1.9.1',
    '7.9.1',
    '生产、储存场所的建筑耐火等级与其生产、储存物品的火灾危险性类别不相匹配',
    'Fire-resistance rating of production or storage buildings does not match the fire-hazard class of their processes or goods',
  ),
  comprehensive(
    '6.1.9.2',
    '7.9.2',
    '易燃易爆化学物品场所或有粉尘爆炸危险的场所未按规定设置防爆电气设备和泄压设施，或其失效',
    'Flammable-chemicals or dust-explosion places lack explosion-proof electrics or pressure relief, or these have failed',
  ),
  comprehensive(
    '6.1.9.3',
    '7.9.5',
    '违反规定在公共场所使用易燃、可燃材料装修、装饰',
    'Flammable or combustible decoration in a public place',
  ),
  comprehensive(
    '6.1.9.4',
    '7.9.4',
    '违反规定在可燃材料或可燃构件上直接敷设电气线路或安装电气设备',
    'Wiring or electrical equipment laid directly on combustible materials or members',
  ),
  comprehensive(
    '6.1.9.5',
    '7.9.3',
    '违反规定使用燃油、燃气设备，或燃油、燃气管道敷设和紧急切断装置不符合规定',
    'Fuel-oil or gas appliances used against the rules, or fuel-oil or gas piping or emergency shut-off non-compliant',
  ),
];

const CROWDED_SUBSET = [
  '6.1.3.1',
  '6.1.3.2',
  '6.1.3.3',
  '6.1.3.4',
  '6.1.3.5',
  '6.1.3.6',
  '6.1.3.7',
  '6.1.3.8',
  '6.1.3.9',
  '6.1.5',
  '6.1.9.3',
] as const;

const FLAMMABLE_SUBSET = ['6.1.1.1', '6.1.1.2', '6.1.1.3', '6.1.4.5', '6.1.4.6'] as const;

const COUNTING_RULES: readonly CountingRule[] = [
  {
    id: 'crowded_place_subset',
    clause: '6.2',
    categories: ['crowded_place'],
    threshold: 2,
    subset: CROWDED_SUBSET,
    description: {
      zh: '人员密集场所存在安全疏散第 1～9 项、防烟排烟、公共场所易燃可燃材料装修中 2 项以上（含本数）',
      en: 'A crowded place with 2 or more of evacuation items 1–9, smoke control, and combustible decoration in public places',
    },
    verified: true,
    note: {
      zh: '门槛 2 项和子集的主题已核实；子集条号随要素条号一同重建',
      en: 'The count of 2 and the themes of the subset are confirmed; the subset clause numbers are reconstructed with the elements',
    },
  },
  {
    id: 'flammable_goods_place_subset',
    clause: '6.2',
    categories: ['flammable_goods_place'],
    threshold: 2,
    subset: FLAMMABLE_SUBSET,
    description: {
      zh: '易燃易爆化学物品场所存在总平面布置第 1～3 项、消防给水及灭火设施第 5、6 项中 2 项以上（含本数）',
      en: 'A flammable or explosive chemicals place with 2 or more of site-layout items 1–3 and water-supply items 5 and 6',
    },
    verified: false,
    note: {
      zh: '门槛 2 项已核实；子集范围未核实（另有资料称总平面布置为第 1～4 项）',
      en: 'The count of 2 is confirmed; the subset is not (one source gives site-layout items 1–4)',
    },
  },
  {
    id: 'listed_places_any',
    clause: '6.2',
    categories: ['crowded_place', 'flammable_goods_place', 'important_place'],
    threshold: 3,
    subset: null,
    description: {
      zh: '人员密集场所、易燃易爆化学物品场所、重要场所存在任意 3 项以上（含本数）综合判定要素',
      en: 'A crowded, flammable or explosive chemicals, or important place with 3 or more of any comprehensive elements',
    },
    verified: true,
  },
  {
    id: 'other_places_any',
    clause: '6.2',
    categories: ['other_place'],
    threshold: 4,
    subset: null,
    description: {
      zh: '其他场所存在任意 4 项以上（含本数）综合判定要素',
      en: 'Any other place with 4 or more of any comprehensive elements',
    },
    verified: true,
  },
];

const EXCLUSIONS: readonly Exclusion[] = [
  {
    id: 'correctable_on_the_spot',
    clause: '4.5',
    text: { zh: '可以立即整改的', en: 'The hazard can be corrected immediately' },
    verified: true,
  },
  {
    id: 'standard_revision_only',
    clause: '4.5',
    text: {
      zh: '因国家标准修订引起的（法律法规有明确规定的除外）',
      en: 'The hazard arises only from a revision of national standards, unless laws or regulations say otherwise',
    },
    verified: true,
  },
  {
    id: 'expert_review_measures_taken',
    clause: '4.5',
    text: {
      zh: '依法进行了消防技术论证，并已采取相应技术措施的',
      en: 'A fire-technology review was carried out according to law and its measures are in place',
    },
    verified: true,
  },
  {
    id: 'not_serious',
    clause: '4.5',
    text: {
      zh: '不足以导致特大火灾事故或严重社会影响的',
      en: 'The hazard could not lead to an especially serious fire or to serious social impact',
    },
    verified: true,
  },
];

/**
 * GA 653-2006 重大火灾隐患判定方法, the industry standard before GB 35181-2017. Its six direct
 * elements, its 2/2/3/4 counting thresholds and its exclusions are confirmed from secondary sources.
 * Its comprehensive elements are reconstructed from the themes of §6.1 and marked unverified.
 */
export const GA_653_2006: RuleSet = {
  edition: 'GA 653-2006',
  title: { zh: '重大火灾隐患判定方法', en: 'Determination method for major fire hazards' },
  // NOTE: the effective date is an estimate within 2006; no source consulted states it.
  effectiveFrom: '2006-12-01',
  effectiveFromVerified: false,
  effectiveFromNote: {
    zh: 'GA 653-2006 的实施日期未核实，2006-12-01 为推定值；2006 年内的检查日期选用的版本须核对',
    en: 'The effective date of GA 653-2006 is not confirmed and 2006-12-01 is an estimate; check the edition of any inspection in 2006',
  },
  categories: CATEGORIES,
  elementGroups: GROUPS,
  elements: [...DIRECT_ELEMENTS, ...COMPREHENSIVE_ELEMENTS],
  missingElements: [],
  directRuleClause: null,
  countingRules: COUNTING_RULES,
  exclusions: EXCLUSIONS,
  describedElements: [],
};
