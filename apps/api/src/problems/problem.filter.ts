import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';

import { negotiateLanguage, type Language } from './language';
import {
  ApiProblem,
  PROBLEM_CODES,
  problemType,
  RETRY_AFTER_SECONDS,
  type FieldError,
  type ProblemCode,
  type ProblemDetails,
} from './problem';
import { RequestValidationError, type FieldViolation } from './request-validation.error';
import { renderValidationMessage } from './validation-messages';
import { unavailableDependency } from './unavailable';

/** Renders every error as RFC 9457 problem+json, in the language the request prefers. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const language = negotiateLanguage(request.headers['accept-language']);
    const { problem, headers } = this.toProblem(exception, language, request);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(
    exception: unknown,
    language: Language,
    request: Request,
  ): { problem: ProblemDetails; headers: Record<string, string> } {
    const build = (code: ProblemCode, detail: string, errors?: FieldError[]): ProblemDetails => ({
      type: problemType(code),
      title: PROBLEM_CODES[code][language],
      status: PROBLEM_CODES[code].status,
      detail,
      instance: request.originalUrl,
      code,
      ...(errors ? { errors } : {}),
    });

    if (exception instanceof RequestValidationError) {
      const errors = renderViolations(exception.violations, language);
      const fields = [...new Set(errors.map((e) => e.field))].join(', ');
      const detail = language === 'zh' ? `以下字段无效：${fields}` : `These fields are invalid: ${fields}`;
      return { problem: build('invalid_request', detail, errors), headers: {} };
    }
    if (exception instanceof ApiProblem) {
      const errors = exception.violations.length > 0 ? renderViolations(exception.violations, language) : undefined;
      return {
        problem: build(exception.code, exception.detail[language], errors),
        headers: { ...exception.headers },
      };
    }
    const bodyParserProblem = fromBodyParser(exception, language);
    if (bodyParserProblem) return { problem: build(bodyParserProblem.code, bodyParserProblem.detail), headers: {} };
    if (exception instanceof HttpException) {
      const allowed = exception.getStatus() === 404 ? allowedMethods(request) : [];
      if (allowed.length > 0) {
        const detail =
          language === 'zh'
            ? `路径 ${request.path} 不支持 ${request.method}，可用方法：${allowed.join('、')}`
            : `${request.method} is not allowed on ${request.path}; allowed methods: ${allowed.join(', ')}`;
        return { problem: build('method_not_allowed', detail), headers: { Allow: allowed.join(', ') } };
      }
      return { problem: build(...fromHttpException(exception, language, request)), headers: {} };
    }
    const unavailable = unavailableDependency(exception);
    if (unavailable) {
      this.logger.warn(
        `${unavailable} unavailable on ${request.method} ${request.originalUrl}: ${describe(exception)}`,
      );
      const headers = { 'Retry-After': RETRY_AFTER_SECONDS };
      if (unavailable === 'database') {
        const detail =
          language === 'zh'
            ? `数据库暂时无法访问，请于 ${RETRY_AFTER_SECONDS} 秒后重试`
            : `The database cannot be reached; retry in ${RETRY_AFTER_SECONDS} seconds`;
        return { problem: build('database_unavailable', detail), headers };
      }
      const detail =
        language === 'zh'
          ? `工作流服务暂时无法访问，请于 ${RETRY_AFTER_SECONDS} 秒后重试`
          : `The workflow service cannot be reached; retry in ${RETRY_AFTER_SECONDS} seconds`;
      return { problem: build('service_unavailable', detail), headers };
    }
    this.logger.error(`unhandled error on ${request.method} ${request.originalUrl}: ${describe(exception)}`);
    const detail =
      language === 'zh' ? '处理请求时发生意外错误，已记录日志' : 'An unexpected error occurred and was logged';
    return { problem: build('internal_error', detail), headers: {} };
  }
}

function renderViolations(violations: readonly FieldViolation[], language: Language): FieldError[] {
  return violations.map((v) => ({
    field: v.field,
    message: renderValidationMessage(v.constraint, v.params, language),
  }));
}

/** Error type the JSON body parser's verify step raises for a body that is not valid UTF-8. */
export const INVALID_UTF8_BODY = 'entity.utf8.invalid';

function fromBodyParser(exception: unknown, language: Language): { code: ProblemCode; detail: string } | undefined {
  const type = (exception as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    const detail =
      language === 'zh'
        ? '请求体无法解析为 JSON，请检查括号、引号和逗号'
        : 'The body could not be parsed as JSON; check brackets, quotes and commas';
    return { code: 'malformed_json', detail };
  }
  if (type === INVALID_UTF8_BODY) {
    const detail =
      language === 'zh'
        ? '请求体含有无效的 UTF-8 字节，请以 UTF-8 编码发送 JSON'
        : 'The body contains bytes that are not valid UTF-8; send the JSON encoded as UTF-8';
    return { code: 'malformed_json', detail };
  }
  if (type === 'entity.too.large') {
    const limit = (exception as { limit?: number }).limit;
    const detail =
      language === 'zh'
        ? `请求体超过上限 ${String(limit)} 字节`
        : `The body exceeds the limit of ${String(limit)} bytes`;
    return { code: 'payload_too_large', detail };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    const detail = language === 'zh' ? '请以 UTF-8 编码发送 JSON' : 'Send the JSON body encoded as UTF-8';
    return { code: 'unsupported_media_type', detail };
  }
  // Other body-parser failures (a broken gzip stream, a bad Content-Length) are client errors it marks as safe to show.
  const status = (exception as { status?: unknown; expose?: unknown } | null)?.status;
  if (
    (exception as { expose?: unknown } | null)?.expose === true &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  ) {
    const detail =
      language === 'zh'
        ? '无法读取请求体，请检查 Content-Type 和 Content-Encoding'
        : 'The body could not be read; check Content-Type and Content-Encoding';
    let code: ProblemCode = 'invalid_request';
    if (status === 413) code = 'payload_too_large';
    if (status === 415) code = 'unsupported_media_type';
    return { code, detail };
  }
  return undefined;
}

interface RouterLayer {
  readonly route?: { readonly methods: Record<string, boolean> };
  match(path: string): boolean;
}

/** Lists the methods the router serves on the request's path, for a 405 in place of a 404. */
function allowedMethods(request: Request): string[] {
  const router = (request.app as unknown as { router?: { stack?: RouterLayer[] } }).router;
  const methods = new Set<string>();
  for (const layer of router?.stack ?? []) {
    if (!layer.route || !layer.match(request.path)) continue;
    for (const [method, served] of Object.entries(layer.route.methods)) {
      if (served && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

function fromHttpException(exception: HttpException, language: Language, request: Request): [ProblemCode, string] {
  switch (exception.getStatus() as HttpStatus) {
    // Nest turns body-parser's SyntaxError (invalid JSON) and Express's URIError (a path with broken
    // percent-encoding) into a bare 400, and nothing else in this API throws one.
    case HttpStatus.BAD_REQUEST:
      if (request.is('json')) return ['malformed_json', malformedJsonDetail(language)];
      return [
        'invalid_request',
        language === 'zh'
          ? '路径中的百分号编码无效，请按 UTF-8 正确编码'
          : 'The path has invalid percent-encoding; encode it as UTF-8',
      ];
    case HttpStatus.NOT_FOUND:
      return [
        'not_found',
        language === 'zh' ? `没有路径 ${request.path}` : `No route matches ${request.method} ${request.path}`,
      ];
    case HttpStatus.METHOD_NOT_ALLOWED:
      return [
        'method_not_allowed',
        language === 'zh' ? `${request.method} 不适用于该路径` : `${request.method} is not allowed here`,
      ];
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return ['payload_too_large', language === 'zh' ? '请求体过大' : 'The body is too large'];
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return [
        'unsupported_media_type',
        language === 'zh' ? '请以 application/json 发送' : 'Send the body as application/json',
      ];
    default:
      return ['invalid_request', exception.message];
  }
}

function malformedJsonDetail(language: Language): string {
  return language === 'zh'
    ? '请求体无法解析为 JSON，请检查括号、引号和逗号'
    : 'The body could not be parsed as JSON; check brackets, quotes and commas';
}

function describe(exception: unknown): string {
  return exception instanceof Error ? (exception.stack ?? exception.message) : String(exception);
}
