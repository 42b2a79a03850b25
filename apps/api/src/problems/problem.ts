import type { Language } from './language';
import type { FieldViolation } from './request-validation.error';

/** Codes of every problem the API returns; each has a status and a title in both languages. */
export const PROBLEM_CODES = {
  invalid_request: { status: 400, zh: '请求无效', en: 'Invalid request' },
  malformed_json: { status: 400, zh: '请求体不是有效的 JSON', en: 'Request body is not valid JSON' },
  unauthorized: { status: 401, zh: '未认证', en: 'Unauthorized' },
  forbidden: { status: 403, zh: '无权操作', en: 'Forbidden' },
  not_found: { status: 404, zh: '未找到', en: 'Not found' },
  case_not_found: { status: 404, zh: '案件不存在', en: 'Case not found' },
  method_not_allowed: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  case_number_taken: { status: 409, zh: '案件编号已被占用', en: 'Case number already in use' },
  command_rejected: { status: 409, zh: '命令不适用于案件当前状态', en: 'Command does not fit the case' },
  request_timeout: { status: 408, zh: '请求超时', en: 'Request timed out' },
  payload_too_large: { status: 413, zh: '请求体过大', en: 'Request body too large' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported media type' },
  headers_too_large: { status: 431, zh: '请求头过大', en: 'Request headers too large' },
  invalid_command: { status: 422, zh: '命令内容不符合规则', en: 'Command breaks a rule' },
  idempotency_key_reused: {
    status: 422,
    zh: '幂等键已用于不同的请求',
    en: 'Idempotency key reused with a different request',
  },
  service_unavailable: { status: 503, zh: '服务暂时不可用', en: 'Service temporarily unavailable' },
  database_unavailable: { status: 503, zh: '数据库暂时不可用', en: 'Database temporarily unavailable' },
  internal_error: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  notification_not_found: { status: 404, zh: '通知不存在', en: 'Notification not found' },
  no_dead_letter: { status: 409, zh: '该通知没有死信投递', en: 'The notification has no dead-letter delivery' },
  evidence_not_found: { status: 404, zh: '证据不存在', en: 'Evidence not found' },
  evidence_already_replaced: { status: 409, zh: '该证据已被更正', en: 'Evidence already replaced' },
  evidence_integrity_error: { status: 500, zh: '证据文件完整性校验失败', en: 'Evidence failed its integrity check' },
  import_rejected: {
    status: 422,
    zh: '导入文件含无效行，未导入任何内容',
    en: 'The import file has invalid rows; nothing was imported',
  },
  import_file_unreadable: { status: 400, zh: '导入文件无法读取', en: 'The import file cannot be read' },
  jurisdiction_not_found: { status: 404, zh: '辖区不存在', en: 'Jurisdiction not found' },
  unit_not_found: { status: 404, zh: '单位不存在', en: 'Unit not found' },
  user_not_found: { status: 404, zh: '用户不存在', en: 'User not found' },
  jurisdiction_exists: { status: 409, zh: '辖区代码已存在', en: 'Jurisdiction code already exists' },
  unit_exists: { status: 409, zh: '单位已登记', en: 'Unit already registered' },
  user_exists: { status: 409, zh: '用户已存在', en: 'User already exists' },
  jurisdiction_has_active_children: {
    status: 409,
    zh: '辖区下仍有现行的下级辖区',
    en: 'The jurisdiction still has active divisions below it',
  },
  jurisdiction_has_open_cases: {
    status: 409,
    zh: '辖区内仍有未终结的案件',
    en: 'The jurisdiction still has open cases',
  },
  reference_not_usable: {
    status: 422,
    zh: '引用的辖区或单位不存在或已停用',
    en: 'A referenced jurisdiction or unit does not exist or is inactive',
  },
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Seconds in the Retry-After header of a 503: how long the client should wait before it tries again. */
export const RETRY_AFTER_SECONDS = '5';

/** One invalid input: where it is (a JSON path, query parameter or header) and how to fix it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details, with Duban's `code` and per-field `errors` as extension members. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: ProblemCode;
  readonly errors?: readonly FieldError[];
}

export type Localized = Readonly<Record<Language, string>>;

/**
 * An expected failure with its problem code and a detail in both languages. `violations`, when given,
 * become the `errors` member, so a 409 or 422 names its field as a 400 does.
 */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: Localized,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly violations: readonly FieldViolation[] = [],
  ) {
    super(detail.en);
    this.name = 'ApiProblem';
  }
}

export function problemType(code: ProblemCode): string {
  return `urn:duban:problem:${code.replace(/_/g, '-')}`;
}
