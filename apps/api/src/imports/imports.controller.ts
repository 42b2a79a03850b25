import { Controller, HttpStatus, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';

import type { Actor, Role } from '@duban/domain';

import { CurrentActor } from '../auth/current-actor.decorator';
import { negotiateLanguage, type Language } from '../problems/language';
import { ApiProblem } from '../problems/problem';
import { RequestValidationError } from '../problems/request-validation.error';
import { ImportRejectedFilter } from './import-rejected';
import { ImportsService, type CaseStartResult, type ValidatedImport } from './imports.service';
import { readUpload } from './upload';
import { MultipartUpload } from '../validation/json-content-type.interceptor';

/**
 * Roles that may import: a brigade leader (the brigade keeps the hazard ledger), a government leader (its
 * listing ledger) and an administrator (migrating a whole ledger), each only for rows in their own
 * jurisdiction or below it. Inspectors open cases one by one; units and officers do not create cases.
 */
export const IMPORT_ROLES: readonly Role[] = ['brigade_leader', 'government_leader', 'admin'];

const NDJSON = 'application/x-ndjson';

@ApiTags('imports (历史隐患导入)')
@ApiBearerAuth()
@Controller('imports')
@UseFilters(ImportRejectedFilter)
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @ApiOperation({
    summary: 'Import listed hazards from a CSV or XLSX file (导入挂牌督办隐患)',
    description:
      'Multipart upload, field `file`, columns as in docs/import-template.md. Every row is checked before anything ' +
      'is written: by default a file with an invalid row is rejected whole (422, one entry per row and column). ' +
      'With skipInvalid=true the valid rows are imported and the others reported. Each case starts its workflow ' +
      'at the stage its record supports; importing the same file again creates nothing new. ' +
      `With Accept: ${NDJSON} the response streams one JSON line per case, then a summary line.`,
  })
  @ApiConsumes('multipart/form-data')
  @MultipartUpload()
  @ApiProduces('application/json', NDJSON)
  @ApiQuery({
    name: 'skipInvalid',
    required: false,
    type: Boolean,
    description: 'Import the valid rows and report the rest',
  })
  @ApiOkResponse({ description: 'Summary: cases created, already present, in conflict or failed, and rows skipped' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid rows (import_rejected), listed row by row' })
  async import(
    @Req() request: Request,
    @Res() response: Response,
    @CurrentActor() actor: Actor,
    @Query('skipInvalid') skipInvalidQuery: string | undefined,
  ): Promise<void> {
    if (!actor.role || !IMPORT_ROLES.includes(actor.role as Role)) {
      throw new ApiProblem('forbidden', {
        zh: `角色 ${actor.role ?? '（无）'} 不能导入；可导入的角色：${IMPORT_ROLES.join('、')}`,
        en: `role ${actor.role ?? '(none)'} may not import; allowed roles: ${IMPORT_ROLES.join(', ')}`,
      });
    }
    const language = negotiateLanguage(request.headers['accept-language']);
    const upload = await readUpload(request);
    const skipInvalid = parseFlag(skipInvalidQuery ?? upload.fields['skipInvalid'], 'skipInvalid');
    const validated = this.imports.validate(upload.table, actor, skipInvalid);

    let aborted = false;
    response.on('close', () => {
      if (!response.writableFinished) aborted = true;
    });
    const streaming = (request.headers.accept ?? '').includes(NDJSON);
    if (streaming) {
      response.status(HttpStatus.OK).type(NDJSON);
      response.write(line({ type: 'validated', ...counts(validated), file: upload.fileName }));
    }
    const results = await this.imports.start(
      validated.cases,
      actor,
      language,
      (result) => {
        if (streaming) response.write(line({ type: 'case', ...result }));
      },
      () => aborted,
    );
    const summary = summarise(upload.fileName, validated, results, language);
    if (streaming) response.end(line({ type: 'summary', ...summary }));
    else response.status(HttpStatus.OK).json(summary);
  }
}

function line(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

function counts(validated: ValidatedImport) {
  return {
    rows: validated.rows,
    validRows: validated.rows - validated.invalidRows,
    invalidRows: validated.invalidRows,
    cases: validated.cases.length,
    ignoredColumns: validated.ignoredColumns,
  };
}

/** Builds the import's summary, in which every row is in a case or among the skipped rows with its reasons. */
function summarise(
  fileName: string,
  validated: ValidatedImport,
  results: readonly CaseStartResult[],
  language: Language,
) {
  const tally = (status: CaseStartResult['status']) => results.filter((r) => r.status === status).length;
  return {
    file: fileName,
    ...counts(validated),
    created: tally('created'),
    existing: tally('existing'),
    conflicts: tally('conflict'),
    failed: tally('failed'),
    notStarted: validated.cases.length - results.length,
    caseResults: [...results].sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0)),
    skippedRows: validated.issues.map((issue) => ({
      row: issue.row,
      column: issue.column,
      value: issue.value,
      message: issue.message[language],
    })),
  };
}

function parseFlag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new RequestValidationError([{ field: `query.${name}`, constraint: 'isBoolean', params: {} }]);
}
