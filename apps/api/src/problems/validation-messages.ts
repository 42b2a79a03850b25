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
    zh: '必须为 1 至 255 个可见 ASCII 字符，例如 UUID',
    en: 'must be 1 to 255 visible ASCII characters, such as a UUID',
  }),
  isCursor: () => ({
    zh: '不是本接口返回的分页游标，请使用上一页响应中的 nextCursor',
    en: 'is not a cursor this endpoint returned; send nextCursor from the previous page',
  }),
  isJsonObject: () => ({ zh: '请求体必须是 JSON 对象', en: 'the request body must be a JSON object' }),
};

export function renderValidationMessage(constraint: string, params: MessageParams, language: Language): string {
  const template = MESSAGES[constraint];
  if (!template) return language === 'zh' ? `不符合规则 ${constraint}` : `fails the rule ${constraint}`;
  return template(params)[language];
}
