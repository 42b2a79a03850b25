import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';

import type { RowIssue } from '@duban/import';

import { negotiateLanguage } from '../problems/language';
import { PROBLEM_CODES, problemType } from '../problems/problem';

/** Counts of an import that validation rejected. */
export interface ImportCounts {
  readonly totalRows: number;
  readonly validRows: number;
  readonly invalidRows: number;
}

/** Thrown when a file has invalid rows and the caller did not ask to skip them; nothing was written. */
export class ImportRejectedError extends Error {
  constructor(
    readonly issues: readonly RowIssue[],
    readonly counts: ImportCounts,
  ) {
    super(`${counts.invalidRows} of ${counts.totalRows} rows are invalid`);
    this.name = 'ImportRejectedError';
  }
}

/**
 * Renders a rejected import as RFC 9457 problem+json: `errors` names each invalid value as
 * `rows[N].column` like every other problem, and the extension member `rows` gives the row number,
 * column, value and fix of each issue for a row-by-row report.
 */
@Catch(ImportRejectedError)
export class ImportRejectedFilter implements ExceptionFilter {
  catch(exception: ImportRejectedError, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const language = negotiateLanguage(request.headers['accept-language']);
    const { totalRows: rows, invalidRows } = exception.counts;
    const detail =
      language === 'zh'
        ? `${rows} 行中有 ${invalidRows} 行无效，未导入任何内容。请按 rows 逐行修正后重新导入，或加 skipInvalid=true 只导入有效行`
        : `${invalidRows} of ${rows} rows are invalid, so nothing was imported. Fix each row listed in rows and import again, or send skipInvalid=true to import only the valid rows`;
    const problem = {
      type: problemType('import_rejected'),
      title: PROBLEM_CODES.import_rejected[language],
      status: PROBLEM_CODES.import_rejected.status,
      detail,
      instance: request.originalUrl,
      code: 'import_rejected',
      errors: exception.issues.map((issue) => ({
        field: `rows[${issue.row}].${issue.column}`,
        message: issue.message[language],
      })),
      rows: exception.issues.map((issue) => ({
        row: issue.row,
        column: issue.column,
        value: issue.value,
        message: issue.message[language],
      })),
      ...exception.counts,
    };
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
