import type { CountingRule, DeterminationElement, ElementGroup, Exclusion, PlaceCategory, RuleSet } from '../types';

const RECOLLECTED: DeterminationElement['note'] = {
  zh: '条文内容未经标准原文核实（来自对标准的回忆，非公开文本）',
  en: 'Text not confirmed from the standard: it comes from recollection of the standard, not from a published copy',
};

const WORDING_UNCONFIRMED: DeterminationElement['note'] = {
  zh: '考试题解支持该要素的内容，但条文措辞未经核实',
  en: 'Worked exam answers support the content, but the wording is not confirmed',
};

const CATEGORIES: readonly PlaceCategory[] = [
  {
    id: 'crowded_place',
    name: { zh: '人员密集场所', en: 'crowded place' },
    verified: true,
    note: {
      zh: '第 3 章定义的原文未核实；该类别在第 5.3.3 条中的计数规则已核实',
      en: 'The chapter 3 definition is not confirmed; the counting rules of §5.3.3 that name the category are',
    },
  },
  {
    id: 'flammable_goods_place',
    name: { zh: '易燃易爆危险品场所', en: 'flammable or explosive goods place' },
    verified: true,
    note: {
      zh: '第 3 章定义的原文未核实；该类别在第 5.3.3 条中的计数规则已核实',
      en: 'The chapter 3 definition is not confirmed; the counting rules of §5.3.3 that name the category are',
    },
  },
  {
    id: 'important_place',
    name: { zh: '重要场所', en: 'important place' },
    verified: true,
    note: {
      zh: '第 3.6 条定义；其所列场所未核实',
      en: 'Defined in §3.6; the places it lists are not confirmed',
    },
  },
  { id: 'other_place', name: { zh: '其他场所', en: 'other place' }, verified: true },
];

const GROUPS: readonly ElementGroup[] = [
  { clause: '7.1', title: { zh: '总平面布置', en: 'site layout' }, verified: true },
  { clause: '7.2', title: { zh: '防火分隔', en: 'fire separation' }, verified: true },
  {
    clause: '7.3',
    title: { zh: '安全疏散设施及灭火救援条件', en: 'evacuation facilities and fire-fighting access' },
    verified: true,
  },
  {
    clause: '7.4',
    title: { zh: '消防给水及灭火设施', en: 'fire water supply and extinguishing systems' },
    verified: false,
  },
  { clause: '7.5', title: { zh: '防烟排烟设施', en: 'smoke control' }, verified: true },
  { clause: '7.6', title: { zh: '消防供电', en: 'fire power supply' }, verified: false },
  { clause: '7.7', title: { zh: '火灾自动报警系统', en: 'automatic fire alarm system' }, verified: true },
  { clause: '7.8', title: { zh: '消防安全管理', en: 'fire-safety management' }, verified: false },
  { clause: '7.9', title: { zh: '其他', en: 'other' }, verified: false },
];

const direct = (clause: string, zh: string, en: string): DeterminationElement => ({
  clause,
  kind: 'direct',
  text: { zh, en },
  verified: true,
});

const comprehensive = (
  clause: string,
  zh: string,
  en: string,
  note?: DeterminationElement['note'],
): DeterminationElement => ({
  clause,
  kind: 'comprehensive',
  group: clause.split('.').slice(0, 2).join('.'),
  text: { zh, en },
  verified: note === undefined,
  ...(note ? { note } : {}),
});

const DIRECT_ELEMENTS: readonly DeterminationElement[] = [
  direct(
    '6.1',
    '生产、储存和装卸易燃易爆危险品的工厂、仓库和专用车站、码头、储罐区，未设置在城市的边缘或相对独立的安全地带',
    'Factories, warehouses, dedicated stations, wharves and tank farms that produce, store or load flammable or explosive dangerous goods are not at the city edge or in a relatively independent safe zone',
  ),
  direct(
    '6.2',
    '生产、储存、经营易燃易爆危险品的场所与人员密集场所、居住场所设置在同一建筑物内，或与其防火间距小于国家工程建设消防技术标准规定值的 75%',
    'A place producing, storing or trading flammable or explosive dangerous goods shares a building with a crowded place or residence, or its fire separation distance to them is below 75% of the code value',
  ),
  direct(
    '6.3',
    '城市建成区内的加油站、天然气或液化石油气加气站、加油加气合建站的储量达到或超过 GB 50156 对一级站的规定',
    'In a built-up urban area, a filling station, CNG or LPG station or combined station holds a storage volume at or above the Class 1 station level of GB 50156',
  ),
  direct(
    '6.4',
    '甲、乙类生产场所和仓库设置在建筑的地下室或半地下室',
    'Class A or B (甲、乙类) production places or warehouses are in a basement or semi-basement',
  ),
  direct(
    '6.5',
    '公共娱乐场所、商店、地下人员密集场所的安全出口数量不足，或其总净宽度小于国家工程建设消防技术标准规定值的 80%',
    'A public entertainment place, shop or underground crowded place has too few safety exits, or their total clear width is below 80% of the code value',
  ),
  direct(
    '6.6',
    '旅馆、公共娱乐场所、商店、地下人员密集场所未按国家工程建设消防技术标准的规定设置自动喷水灭火系统或火灾自动报警系统',
    'A hotel, public entertainment place, shop or underground crowded place lacks the automatic sprinkler system or automatic fire alarm system the code requires',
  ),
  direct(
    '6.7',
    '易燃可燃液体、可燃气体储罐（区）未按国家工程建设消防技术标准的规定设置固定灭火、冷却、可燃气体浓度报警、火灾报警设施',
    'Tanks (tank farms) of flammable or combustible liquids or combustible gas lack the fixed extinguishing, cooling, gas-concentration alarm or fire alarm facilities the code requires',
  ),
  direct(
    '6.8',
    '在人员密集场所违反消防安全规定使用、储存或销售易燃易爆危险品',
    'Flammable or explosive dangerous goods are used, stored or sold in a crowded place in breach of fire-safety rules',
  ),
  direct(
    '6.9',
    '托儿所、幼儿园的儿童用房以及老年人活动场所所在楼层位置不符合国家工程建设消防技术标准的规定',
    "Children's rooms of nurseries and kindergartens, or activity places for the elderly, are on floors the code does not permit",
  ),
  direct(
    '6.10',
    '人员密集场所的居住场所采用彩钢夹芯板搭建，且彩钢夹芯板芯材的燃烧性能等级低于 GB 8624 规定的 A 级',
    'Residential parts of a crowded place are built of colour-steel sandwich panels whose core is below class A of GB 8624',
  ),
];

const COMPREHENSIVE_ELEMENTS: readonly DeterminationElement[] = [
  comprehensive(
    '7.1.1',
    '未按国家工程建设消防技术标准的规定或城市消防规划的要求设置消防车道，或消防车道被堵塞、占用',
    'Fire-engine lanes not provided as the code or the city fire plan requires, or lanes blocked or occupied',
  ),
  comprehensive(
    '7.1.2',
    '建筑之间的既有防火间距被占用或小于规定值的 80%；明火和散发火花地点与易燃易爆生产厂房、装置设备之间的防火间距小于规定值',
    'Existing fire separation distance between buildings occupied or below 80% of the code value; distance between open flames or spark sources and flammable-process buildings or plant below the code value',
  ),
  comprehensive(
    '7.1.3',
    '在厂房、库房、商场中设置员工宿舍，或在住宅等民用建筑中从事生产、储存、经营等活动，且不符合 GA 703 的规定',
    'Staff dormitories inside factories, warehouses or shopping malls, or production, storage or business inside residential buildings, not meeting GA 703',
  ),
  comprehensive(
    '7.1.4',
    '地铁车站的站厅乘客疏散区、站台及疏散通道内设置商业经营活动场所',
    "Commercial activity in a metro station's passenger evacuation area, platform or evacuation passages",
  ),
  comprehensive(
    '7.2.1',
    '原有防火分区被改变，导致实际防火分区的建筑面积大于规定值的 50%',
    'Original fire compartment altered so that its actual area exceeds the allowed value by more than 50%',
  ),
  comprehensive(
    '7.2.2',
    '防火门、防火卷帘等防火分隔设施损坏的数量大于该防火分区相应防火分隔设施总数的 50%',
    'More than 50% of the fire doors, fire shutters and similar separation devices of a compartment are damaged',
  ),
  comprehensive(
    '7.2.3',
    '丙、丁、戊类厂房内有火灾或爆炸危险的部位未采取防火分隔等防火防爆技术措施',
    'Fire or explosion-risk parts of Class C, D or E (丙、丁、戊类) factories lack separation or explosion-protection measures',
  ),
  comprehensive(
    '7.3.1',
    '擅自改变避难走道、避难间、避难层与其他区域的防火分隔设施，或避难走道、避难间、避难层被占用、堵塞而无法正常使用',
    'Refuge corridors, rooms or floors altered against the code, or occupied or blocked so they cannot be used',
  ),
  comprehensive(
    '7.3.2',
    '人员密集场所内疏散楼梯间的设置形式不符合规定',
    'The enclosure type of evacuation stairs in a crowded place does not comply with the code',
  ),
  comprehensive(
    '7.3.3',
    '除 6.5 规定外的其他场所或建筑物的安全出口数量或宽度不符合规定，或既有安全出口被封堵',
    'In places not covered by 6.5, safety exits too few or too narrow, or an existing safety exit sealed',
  ),
  comprehensive(
    '7.3.4',
    '按规定应设置独立的安全出口或疏散楼梯而未设置',
    'A building required to have an independent safety exit or evacuation stair has none',
  ),
  comprehensive(
    '7.3.5',
    '商店营业厅内的疏散距离大于规定值的 125%',
    "Travel distance in a shop's sales hall exceeds 125% of the code value",
  ),
  comprehensive(
    '7.3.6',
    '高层建筑和地下建筑未按规定设置疏散指示标志、应急照明，或损坏率大于规定设置数量的 30%；其他建筑未按规定设置，或损坏率大于 50%',
    'Exit signs and emergency lighting missing, or more than 30% damaged in high-rise and underground buildings, more than 50% in other buildings',
  ),
  comprehensive(
    '7.3.7',
    '设有人员密集场所的高层建筑的封闭楼梯间或防烟楼梯间的门的损坏率超过其设置总数的 20%，其他建筑的超过 50%',
    'Doors of enclosed or smoke-proof stairs damaged: more than 20% in high-rise buildings containing crowded places, more than 50% in other buildings',
  ),
  comprehensive(
    '7.3.8',
    '人员密集场所内疏散走道、疏散楼梯间、前室的室内装修材料的燃烧性能不符合 GB 50222 的规定',
    'Interior finishes of corridors, stairs and anterooms in a crowded place below the fire performance GB 50222 requires',
    WORDING_UNCONFIRMED,
  ),
  comprehensive(
    '7.3.9',
    '人员密集场所的疏散走道、楼梯间、疏散门或安全出口设置栅栏、卷帘门',
    'Grilles or roller shutters fitted on corridors, stairs, exit doors or safety exits of a crowded place',
    WORDING_UNCONFIRMED,
  ),
  comprehensive(
    '7.3.10',
    '人员密集场所的外窗被封堵或被广告牌等遮挡',
    'External windows of a crowded place sealed or blocked, for example by billboards',
    RECOLLECTED,
  ),
  comprehensive(
    '7.3.11',
    '高层建筑的消防车道、救援场地设置不符合要求或被占用，影响火灾扑救',
    'Fire lanes or rescue hardstanding of a high-rise building non-compliant or occupied, hindering fire-fighting',
    RECOLLECTED,
  ),
  comprehensive('7.3.12', '消防电梯无法正常运行', 'Fire lift cannot operate normally', RECOLLECTED),
  comprehensive(
    '7.4.1',
    '未按规定设置消防水源、储存泡沫液等灭火剂',
    'Required fire water source, or stored foam or other extinguishing agent, not provided',
    RECOLLECTED,
  ),
  comprehensive(
    '7.4.2',
    '未按规定设置室外消防给水系统，或已设置但不符合规定或不能正常使用',
    'Outdoor fire water system missing, non-compliant or unusable',
    RECOLLECTED,
  ),
  comprehensive(
    '7.4.3',
    '未按规定设置室内消火栓系统，或已设置但不符合规定或不能正常使用',
    'Indoor hydrant system missing, non-compliant or unusable',
    RECOLLECTED,
  ),
  comprehensive(
    '7.4.4',
    '除旅馆、公共娱乐场所、商店、地下人员密集场所外，其他场所或建筑物未按规定设置自动喷水灭火系统',
    'Required automatic sprinklers missing in places other than hotels, public entertainment places, shops and underground crowded places (those fall under 6.6)',
    RECOLLECTED,
  ),
  comprehensive(
    '7.4.5',
    '未按规定设置除自动喷水灭火系统外的其他固定灭火设施',
    'Required fixed extinguishing systems other than sprinklers not provided',
    WORDING_UNCONFIRMED,
  ),
  comprehensive(
    '7.4.6',
    '已设置的自动喷水灭火系统或其他固定灭火设施不能正常使用或运行',
    'An installed sprinkler or other fixed extinguishing system cannot be used or run normally',
  ),
  comprehensive(
    '7.5',
    '人员密集场所、高层建筑和地下建筑未按规定设置防烟、排烟设施，或已设置但不能正常使用或运行',
    'A crowded place, high-rise or underground building lacks the required smoke control, or it cannot be used or run normally',
  ),
  comprehensive(
    '7.6.1',
    '消防用电设备的供电负荷级别不符合规定',
    'Power-supply load class of fire equipment non-compliant',
    RECOLLECTED,
  ),
  comprehensive(
    '7.6.2',
    '消防用电设备未按规定采用专用的供电回路',
    'Fire equipment not on dedicated supply circuits',
    RECOLLECTED,
  ),
  comprehensive(
    '7.6.3',
    '未按规定设置消防用电设备末端自动切换装置，或已设置但不符合规定或不能正常自动切换',
    'End-of-line automatic changeover for fire equipment missing, non-compliant or failing to switch',
    RECOLLECTED,
  ),
  comprehensive(
    '7.7.1',
    '除旅馆、公共娱乐场所、商店、地下人员密集场所外，其他场所或建筑物未按规定设置火灾自动报警系统',
    'Required automatic fire alarm missing in places other than those covered by 6.6',
    RECOLLECTED,
  ),
  comprehensive('7.7.2', '火灾自动报警系统不能正常运行', 'Automatic fire alarm system cannot run normally'),
  comprehensive(
    '7.7.3',
    '防烟排烟系统、消防水泵以及其他自动消防设施不能正常联动控制',
    'Smoke control, fire pumps or other automatic fire facilities cannot be linked or controlled normally',
    RECOLLECTED,
  ),
  comprehensive(
    '7.8.1',
    '社会单位未按消防法律法规要求设置专职消防队',
    'A unit required by law to have a full-time fire brigade (专职消防队) has none',
    RECOLLECTED,
  ),
  comprehensive(
    '7.8.2',
    '消防控制室操作人员未按 GB 25506 的规定持证上岗',
    'Fire control room operators not certified as GB 25506 requires',
    RECOLLECTED,
  ),
  comprehensive(
    '7.9.1',
    '生产、储存场所的建筑耐火等级与其生产、储存物品的火灾危险性类别不相匹配',
    'Fire-resistance rating of production or storage buildings does not match the fire-hazard class of their processes or goods',
    RECOLLECTED,
  ),
  comprehensive(
    '7.9.2',
    '易燃易爆危险品场所或有粉尘爆炸危险的场所未按规定设置防爆电气设备和泄压设施，或其失效',
    'Flammable-goods or dust-explosion places lack explosion-proof electrics or pressure relief, or these have failed',
    RECOLLECTED,
  ),
  comprehensive(
    '7.9.3',
    '违反规定使用燃油、燃气设备，或燃油、燃气管道敷设和紧急切断装置不符合规定',
    'Fuel-oil or gas appliances used against the rules, or fuel-oil or gas piping or emergency shut-off non-compliant',
    {
      zh: '条文内容未核实，且该要素属于人员密集场所的计数子集，计入时尤须对照标准原文',
      en: 'Text not confirmed, and the element is in the crowded-place counting subset, so check it against the official text whenever it is counted',
    },
  ),
  comprehensive(
    '7.9.4',
    '违反规定在可燃材料或可燃构件上直接敷设电气线路或安装电气设备，或采用不符合规定的消防配电线缆和其他供配电线缆',
    'Wiring or electrical equipment laid directly on combustible materials, or non-compliant fire power or other cables',
    RECOLLECTED,
  ),
  comprehensive(
    '7.9.5',
    '违反规定在人员密集场所使用易燃、可燃材料装修、装饰',
    'Flammable or combustible decoration in a crowded place',
    RECOLLECTED,
  ),
];

const CROWDED_SUBSET = [
  '7.3.1',
  '7.3.2',
  '7.3.3',
  '7.3.4',
  '7.3.5',
  '7.3.6',
  '7.3.7',
  '7.3.8',
  '7.3.9',
  '7.5',
  '7.9.3',
] as const;

const FLAMMABLE_SUBSET = ['7.1.1', '7.1.2', '7.1.3', '7.4.5', '7.4.6'] as const;

const COUNTING_RULES: readonly CountingRule[] = [
  {
    id: 'crowded_place_subset',
    clause: '5.3.3 a)',
    categories: ['crowded_place'],
    threshold: 3,
    subset: CROWDED_SUBSET,
    description: {
      zh: '人员密集场所存在 7.3.1～7.3.9、7.5、7.9.3 中 3 条以上（含本数）',
      en: 'A crowded place with 3 or more of 7.3.1–7.3.9, 7.5 and 7.9.3',
    },
    verified: true,
  },
  {
    id: 'flammable_goods_place_subset',
    clause: '5.3.3 b)',
    categories: ['flammable_goods_place'],
    threshold: 3,
    subset: FLAMMABLE_SUBSET,
    description: {
      zh: '易燃易爆危险品场所存在 7.1.1～7.1.3、7.4.5、7.4.6 中 3 条以上（含本数）',
      en: 'A flammable or explosive goods place with 3 or more of 7.1.1–7.1.3, 7.4.5 and 7.4.6',
    },
    verified: true,
  },
  {
    id: 'listed_places_any',
    clause: '5.3.3 c)',
    categories: ['crowded_place', 'flammable_goods_place', 'important_place'],
    threshold: 4,
    subset: null,
    description: {
      zh: '人员密集场所、易燃易爆危险品场所、重要场所存在第 7 章任意 4 条以上（含本数）',
      en: 'A crowded, flammable or explosive goods, or important place with 4 or more of any chapter 7 elements',
    },
    verified: true,
  },
  {
    id: 'other_places_any',
    clause: '5.3.3 d)',
    categories: ['other_place'],
    threshold: 6,
    subset: null,
    description: {
      zh: '其他场所存在第 7 章任意 6 条以上（含本数）',
      en: 'Any other place with 6 or more of any chapter 7 elements',
    },
    verified: true,
  },
];

const EXCLUSIONS: readonly Exclusion[] = [
  {
    id: 'expert_review_measures_taken',
    clause: '5.1.3 a)',
    text: {
      zh: '依法进行了消防设计专家评审，并已采取相应技术措施',
      en: 'A fire-design expert review was carried out according to law and its technical measures are in place',
    },
    verified: true,
  },
  {
    id: 'stopped_operating',
    clause: '5.1.3 b)',
    text: {
      zh: '单位、场所已停产停业或停止使用',
      en: 'The unit or place has stopped production, business or use',
    },
    verified: true,
  },
  {
    id: 'not_serious',
    clause: '5.1.3 c)',
    text: {
      zh: '不足以导致重大、特别重大火灾事故或严重社会影响',
      en: 'The hazard could not lead to a major or especially major fire, or to serious social impact',
    },
    verified: true,
  },
];

/**
 * GB 35181-2017 重大火灾隐患判定方法, in force from 2018-07-01 until GB 35181-2025 replaced it. The
 * counting rules of §5.3.3 are alternatives: a category's hazard is major when any one of its rules
 * is met. Chapter 7 has 39 elements; those marked unverified come from recollection or exam answers.
 */
export const GB_35181_2017: RuleSet = {
  edition: 'GB 35181-2017',
  title: { zh: '重大火灾隐患判定方法', en: 'Determination method for major fire hazards' },
  effectiveFrom: '2018-07-01',
  effectiveFromVerified: true,
  categories: CATEGORIES,
  elementGroups: GROUPS,
  elements: [...DIRECT_ELEMENTS, ...COMPREHENSIVE_ELEMENTS],
  missingElements: [],
  directRuleClause: '5.2.2',
  countingRules: COUNTING_RULES,
  exclusions: EXCLUSIONS,
  describedElements: [],
};
