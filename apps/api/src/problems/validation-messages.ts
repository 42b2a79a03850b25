import type { Language } from './language';

/** Parameters a constraint passes to its message, set through class-validator's `context` option. */
export type MessageParams = Readonly<Record<string, unknown>>;

type MessageTemplate = (params: MessageParams) => Readonly<Record<Language, string>>;

const list = (values: unknown): string => (Array.isArray(values) ? values.join(', ') : String(values));

/**
 * The message of each validation constraint: what is wrong and how to fix it. Keys are
 * class-validator constraint names, including the custom ones declared in ./validators.
 */
const MESSAGES: Record<string, MessageTemplate> = {
  isDefined: () => ({ zh: '必填，请提供该字段', en: 'is required; send a value' }),
  isNotNull: () => ({
    zh: '不能为 null；请提供值，或省略该字段',
    en: 'must not be null; send a value or omit the field',
  }),
  isNotEmpty: () => ({ zh: '不能为空，请提供内容', en: 'must not be empty; send a value' }),
  isString: () => ({ zh: '必须是字符串', en: 'must be a string' }),
  maxLength: (p) => ({
    zh: `长度不能超过 ${String(p['max'])} 个字符，请缩短`,
    en: `must be at most ${String(p['max'])} characters; shorten it`,
  }),
  isIn: (p) => ({ zh: `必须是以下值之一：${list(p['values'])}`, en: `must be one of: ${list(p['values'])}` }),
  isArray: () => ({ zh: '必须是数组', en: 'must be an array' }),
  arrayMinSize: (p) => ({
    zh: `至少需要 ${String(p['min'])} 项`,
    en: `must contain at least ${String(p['min'])} item${p['min'] === 1 ? '' : 's'}`,
  }),
  arrayMaxSize: (p) => ({
    zh: `最多 ${String(p['max'])} 项，请拆分或删减`,
    en: `must contain at most ${String(p['max'])} items`,
  }),
  nestedValidation: () => ({ zh: '必须是 JSON 对象', en: 'must be a JSON object' }),
  isObject: () => ({ zh: '必须是 JSON 对象', en: 'must be a JSON object' }),
  whitelistValidation: () => ({ zh: '不是可识别的字段，请删除', en: 'is not a known field; remove it' }),
  isInt: () => ({ zh: '必须是整数', en: 'must be a whole number' }),
  min: (p) => ({ zh: `不能小于 ${String(p['min'])}`, en: `must be at least ${String(p['min'])}` }),
  max: (p) => ({ zh: `不能大于 ${String(p['max'])}`, en: `must be at most ${String(p['max'])}` }),
  isCalendarDate: () => ({
    zh: '必须是真实存在的日期，格式为 YYYY-MM-DD，例如 2025-09-26',
    en: 'must be a real calendar date in the form YYYY-MM-DD, for example 2025-09-26',
  }),
  isNotFutureChinaDate: () => ({
    zh: '不能晚于今天（北京时间），请填写已发生的日期',
    en: 'must not be later than today in China Standard Time; send a date that has passed',
  }),
  isCaseNumber: () => ({
    zh: '必须为 3 至 64 个字符，仅含英文字母、数字、“-”“_”“.”，并以字母或数字开头，例如 HZ-2025-0001',
    en: "must be 3 to 64 characters of ASCII letters, digits, '-', '_' and '.', starting with a letter or digit, for example HZ-2025-0001",
  }),
  hasClausesForOutcome: () => ({
    zh: '结论为 major 或 excluded 时须至少列出 1 个所依据的条款',
    en: 'must name at least one clause when the outcome is major or excluded',
  }),
  isClauseNumber: () => ({
    zh: '必须是标准条款编号，例如 6.2、5.1.3 a) 或 A.1',
    en: 'must be a clause number of the standard, for example 6.2, 5.1.3 a) or A.1',
  }),
  isJurisdictionCode: () => ({
    zh: '必须是 6 位 GB/T 2260 行政区划代码，例如 430102',
    en: 'must be a six-digit GB/T 2260 administrative division code, for example 430102',
  }),
  creditCodeLength: () => ({
    zh: '统一社会信用代码必须为 18 位',
    en: 'must be an 18-character unified social credit code',
  }),
  creditCodeCharacters: () => ({
    zh: '统一社会信用代码只能含数字和大写字母（不含 I、O、Z、S、V），第 3 至 8 位为行政区划代码',
    en: 'must use digits and capital letters other than I, O, Z, S and V, with a six-digit division code in positions 3 to 8',
  }),
  creditCodeCheckCharacter: (p) => ({
    zh: `统一社会信用代码校验位错误，按前 17 位计算应为 ${String(p['expected'])}，请核对`,
    en: `has a wrong check character: the first 17 characters give ${String(p['expected'])}; check the code`,
  }),
  isIdempotencyKey: () => ({
    zh: '必须为 1 至 200 个可见 ASCII 字符，例如 UUID',
    en: 'must be 1 to 200 visible ASCII characters, such as a UUID',
  }),
  isCursor: () => ({
    zh: '不是本接口返回的分页游标，请使用上一页响应中的 nextCursor',
    en: 'is not a cursor this endpoint returned; send nextCursor from the previous page',
  }),
  isWithinCallerJurisdiction: (p) => ({
    zh: `不在您的管辖范围（${String(p['scope'])}）内，只能在本辖区及下级辖区立案`,
    en: `is outside your jurisdiction (${String(p['scope'])}); open cases only within it`,
  }),
  isGovernmentInScope: (p) => ({
    zh: `不在您所在政府的辖区（${String(p['scope'])}）内，请填写本级或下级人民政府`,
    en: `is outside your government's jurisdiction (${String(p['scope'])}); name your own government or one below it`,
  }),
  isScheduleYear: (p) => ({
    zh: `必须是 ${String(p['min'])} 至 ${String(p['max'])} 之间的四位年份，例如 2027`,
    en: `must be a four-digit year from ${String(p['min'])} to ${String(p['max'])}, for example 2027`,
  }),
  isRegionPrefix: () => ({
    zh: '键必须是 2、4 或 6 位的 GB/T 2260 行政区划代码前缀，例如 54 或 5401',
    en: 'must be keyed by a GB/T 2260 code prefix of 2, 4 or 6 digits, for example 54 or 5401',
  }),
  matches: (p) => ({
    zh: `格式不符：应为${String(p['pattern'])}`,
    en: `has the wrong form: expected ${String(p['pattern'])}`,
  }),
  isStorableText: () => ({
    zh: '含有无法保存的字符（NUL 或不成对的代理项）、保留的键名（如 __proto__），或嵌套层级过深；请删除或简化',
    en: 'contains characters that cannot be stored (NUL or a lone surrogate), a reserved key such as __proto__, or nests too deep; remove it or flatten it',
  }),
  isNotBlank: () => ({ zh: '不能只含空白字符，请填写内容', en: 'must not be only white space; send a value' }),
  isJsonObject: () => ({ zh: '请求体必须是 JSON 对象', en: 'the request body must be a JSON object' }),
  coversStatutoryHolidays: (p) => ({
    zh: `只有 ${String(p['listed'])} 个工作日放假，少于 ${String(p['year'])} 年 ${String(p['statutory'])} 天的法定节假日（逢周末须在工作日补假）；该列表将替换全年安排，请提交全年完整的放假日期`,
    en: `lists ${String(p['listed'])} weekdays off, fewer than the ${String(p['statutory'])} statutory holiday days of ${String(p['year'])}, which are made up on weekdays when they fall on a weekend; the list replaces the whole year's schedule, so send every day off of the year`,
  }),
  isUniqueJsonKey: () => ({
    zh: '同一对象中出现了两次，请只保留一个值',
    en: 'appears twice in one object; keep one value',
  }),
  isBoolean: () => ({ zh: '必须是 true 或 false', en: 'must be true or false' }),
  periodRequired: () => ({
    zh: '缺少期限，请提供 workingDays（工作日数）或 calendarDays（自然日数）其中之一',
    en: 'is missing; send either workingDays or calendarDays',
  }),
  periodConflict: () => ({
    zh: 'workingDays 与 calendarDays 只能提供其一，请删除其中一个',
    en: 'cannot be combined with the other period; send only one of workingDays and calendarDays',
  }),
  rollForwardWithoutCalendarDays: () => ({
    zh: '仅适用于 calendarDays（自然日），请删除该参数或改用 calendarDays',
    en: 'applies only to calendarDays; remove it or send calendarDays instead of workingDays',
  }),
  deadlineOutOfRange: () => ({
    zh: '截止日期将晚于 9999-12-31，请提供更早的起算日期或更短的期限',
    en: 'would put the deadline after 9999-12-31; send an earlier from date or a shorter period',
  }),
  isClauseOfEdition: (p) => ({
    zh: `${String(p['value'])} 不是 ${String(p['edition'])} 的判定要素条号（该版本的要素在第 ${String(p['hint'])} 章）；请按 GET /determination/rulesets 列出的条号填写`,
    en: `${String(p['value'])} is not an element clause of ${String(p['edition'])}, whose elements are in chapters ${String(p['hint'])}; send a clause listed by GET /determination/rulesets`,
  }),
  uniqueClause: (p) => ({
    zh: `要素 ${String(p['value'])} 重复，请只列一次并合并其证据`,
    en: `repeats element ${String(p['value'])}; list it once and merge its evidence`,
  }),
  isPlaceCategoryOfEdition: (p) => ({
    zh: `${String(p['value'])} 不是 ${String(p['edition'])} 的场所类别，应为：${list(p['values'])}`,
    en: `${String(p['value'])} is not a place category of ${String(p['edition'])}; send one of: ${list(p['values'])}`,
  }),
  placeCategoryRequired: (p) => ({
    zh: `缺少场所类别：请提供 placeCategory（${String(p['edition'])} 的类别：${list(p['values'])}），或提供 placeType 以推定类别`,
    en: `is missing; send placeCategory (${String(p['edition'])} has: ${list(p['values'])}) or a placeType to derive it from`,
  }),
  placeTypeDecidesCategory: (p) => ({
    zh: `场所类型 ${String(p['value'])} 在 ${String(p['edition'])} 下不能确定场所类别，请提供 placeCategory，取值：${list(p['values'])}`,
    en: `${String(p['value'])} does not decide the place category under ${String(p['edition'])}; send placeCategory, one of: ${list(p['values'])}`,
  }),
  isExclusionOfEdition: (p) => {
    const values = Array.isArray(p['values']) ? p['values'] : [];
    return values.length === 0
      ? {
          zh: `${String(p['edition'])} 的排除情形尚未收录，不能回答 ${String(p['value'])}；请删除 exclusions`,
          en: `cannot be answered: the exclusions of ${String(p['edition'])} are not in the catalogue; remove exclusions`,
        }
      : {
          zh: `${String(p['value'])} 不是 ${String(p['edition'])} 的排除情形，应为：${list(values)}`,
          en: `${String(p['value'])} is not an exclusion of ${String(p['edition'])}; send one of: ${list(values)}`,
        };
  },
  uniqueExclusion: (p) => ({
    zh: `排除情形 ${String(p['value'])} 重复回答，请只保留一项`,
    en: `answers exclusion ${String(p['value'])} again; keep one answer`,
  }),
  isNotAfter: (p) => ({
    zh: `不能晚于 ${String(p['other'])}，请调换或更正日期`,
    en: `must not be after ${String(p['other'])}; swap or correct the dates`,
  }),
  periodTooLong: (p) => ({
    zh: `统计期间不能超过 ${String(p['months'])} 个月，请缩短 from 至 to 的范围`,
    en: `makes the period longer than ${String(p['months'])} months; shorten the span from "from" to "to"`,
  }),
  isNotificationKey: () => ({
    zh: '必须是通知编号（案件编号/事件序号/序号），斜杠编码为 %2F，例如 HZ-2025-0001%2F7%2F0',
    en: 'must be a notification key (case number/event sequence/index) with its slashes encoded as %2F, for example HZ-2025-0001%2F7%2F0',
  }),
  isUuid: () => ({
    zh: '必须是 UUID，例如 3f2b8c1e-8d4a-4f0e-9b7a-2c5d6e7f8a9b',
    en: 'must be a UUID such as 3f2b8c1e-8d4a-4f0e-9b7a-2c5d6e7f8a9b',
  }),
  phaseNeedsHazardItem: () => ({
    zh: '整改前后（phase）只适用于具体隐患，请同时提供 hazardItemIndex',
    en: 'applies to one hazard item; send hazardItemIndex as well',
  }),
  hazardItemInCase: (p) => ({
    zh: `案件共有 ${String(p['count'])} 项隐患，序号应为 0 至 ${String(Number(p['count']) - 1)}`,
    en: `must be from 0 to ${String(Number(p['count']) - 1)}: the case has ${String(p['count'])} hazard items`,
  }),
  eventInCase: (p) => ({
    zh: `案件没有序号为 ${String(p['value'])} 的事件，请填写该案件已有事件的序号`,
    en: `names no event of the case (sequence ${String(p['value'])}); send a sequence of one of the case's events`,
  }),
  evidenceInCase: (p) => ({
    zh: `本案件没有编号为 ${String(p['value'])} 的证据，请填写要更正的证据编号`,
    en: `names no evidence of this case (${String(p['value'])}); send the id of the evidence to correct`,
  }),
  singleFile: () => ({
    zh: '每次只能上传一个文件，请分开上传',
    en: 'must be a single file; upload each file in its own request',
  }),
  multipartLimits: (p) => ({
    zh: `表单字段过多或过长：最多 ${String(p['fields'])} 个字段，每个不超过 ${String(p['fieldSize'])} 字节`,
    en: `has too many or too long fields: at most ${String(p['fields'])} fields of ${String(p['fieldSize'])} bytes each`,
  }),
  parentRequired: () => ({
    zh: '市级和县级代码必填，请提供上级辖区的代码',
    en: 'is required for a city or county code; send the code of the division above it',
  }),
  provinceHasNoParent: () => ({
    zh: '省级代码（后四位为 0000）没有上级，请删除该字段',
    en: 'must be omitted: a province-level code (ending 0000) has no parent',
  }),
  nestsUnderParent: (p) => ({
    zh: `代码 ${String(p['code'])} 不在 ${String(p['parent'])} 之下，其上级应为 ${String(p['expected'])}，请核对代码或上级`,
    en: `${String(p['code'])} does not nest under ${String(p['parent'])}; its parent is ${String(p['expected'])}, so check the code or the parent`,
  }),
  offsetPositive: () => ({
    zh: '必须是大于 0 的整数，否则该环节会在到期时立即触发并反复重发',
    en: 'must be a whole number greater than 0, or the step fires at once and re-sends without pause',
  }),
  remindersDescending: (p) => ({
    zh: `必须比 ${String(p['previous'])} 更接近期限：提醒按由远及近排列，且不能重复`,
    en: `must be closer to the deadline than ${String(p['previous'])}: list reminders farthest first, without repeats`,
  }),
  rungOrder: (p) => ({
    zh: `必须晚于 ${String(p['earlier'])}：督办函、约谈、曝光提议、上报上级政府依次升级`,
    en: `must come after ${String(p['earlier'])}: the supervisory letter, interview, exposure proposal and higher-level report escalate in that order`,
  }),
  knownJurisdiction: (p) => ({
    zh: `辖区 ${String(p['value'])} 不存在，请核对代码，或先通过 POST /admin/jurisdictions 添加该辖区`,
    en: `names no known jurisdiction (${String(p['value'])}); check the code or add it with POST /admin/jurisdictions first`,
  }),
  activeJurisdiction: (p) => ({
    zh: `辖区 ${String(p['value'])}（${String(p['name'])}）已停用（已撤并），请改用承接它的现行辖区`,
    en: `names an inactive (merged or abolished) jurisdiction, ${String(p['value'])} (${String(p['name'])}); use the division that took it over`,
  }),
  knownUnit: (p) => ({
    zh: `单位 ${String(p['value'])} 未登记，请先通过 POST /admin/units 登记该单位`,
    en: `names no registered unit (${String(p['value'])}); register it with POST /admin/units first`,
  }),
  unitRoleNeedsUnit: () => ({
    zh: '角色为 unit（单位）时必填，请提供单位的统一社会信用代码',
    en: "is required for the unit role; send the unit's unified social credit code",
  }),
  roleNeedsJurisdiction: (p) => ({
    zh: `角色为 ${String(p['role'])} 时必填，请提供 6 位 GB/T 2260 行政区划代码`,
    en: `is required for the ${String(p['role'])} role; send a six-digit GB/T 2260 code`,
  }),
  onlyForRole: (p) => ({
    zh: `只适用于角色 ${String(p['role'])}，当前角色为 ${String(p['actual'])}，请删除该字段`,
    en: `applies only to the ${String(p['role'])} role, not ${String(p['actual'])}; remove it`,
  }),
  notForRole: (p) => ({
    zh: `不适用于角色 ${String(p['role'])}，请删除该字段`,
    en: `does not apply to the ${String(p['role'])} role; remove it`,
  }),
  noActiveChildren: (p) => ({
    zh: `不能停用：下级仍有 ${String(p['count'])} 个现行辖区，请先停用或核对它们`,
    en: `cannot be false while ${String(p['count'])} active divisions lie below it; deactivate them first`,
  }),
  noOpenCases: (p) => ({
    zh: `不能停用：辖区内仍有 ${String(p['count'])} 起未终结的案件`,
    en: `cannot be false while ${String(p['count'])} cases in the jurisdiction are open`,
  }),
  isUnique: (p) => ({
    zh: `${String(p['value'])} 已被使用，请换一个值，或修改已有的记录`,
    en: `${String(p['value'])} is already taken; send another value or change the existing record`,
  }),
  isUserId: () => ({
    zh: '必须为 1 至 128 个可见 ASCII 字符（令牌的 sub 声明）',
    en: "must be 1 to 128 visible ASCII characters (the token's sub claim)",
  }),
  isKeyCursor: () => ({
    zh: '不是本接口返回的分页游标，请使用上一页响应中的 nextCursor',
    en: 'is not a cursor this endpoint returned; send nextCursor from the previous page',
  }),
};

export function renderValidationMessage(constraint: string, params: MessageParams, language: Language): string {
  const template = MESSAGES[constraint];
  if (!template) return language === 'zh' ? `不符合规则 ${constraint}` : `fails the rule ${constraint}`;
  return template(params)[language];
}
