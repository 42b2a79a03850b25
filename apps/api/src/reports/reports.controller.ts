import { Controller, Get, Inject, Logger, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';

import type { Actor } from '@duban/domain';

import { CurrentActor } from '../auth/current-actor.decorator';
import { negotiateLanguage } from '../problems/language';
import { RequestValidationError } from '../problems/request-validation.error';
import { streamReportCases } from './case-rows';
import { FOUR_LISTS, LIST_COLUMNS, LIST_TITLES, type FourList } from './four-lists';
import { resolveScope } from './report-scope';
import { computeStatistics, type Statistics } from './statistics';
import { writeCsv, writeXlsx } from './table-writers';

const FORMATS = ['csv', 'xlsx'] as const;
/** Maximum length of the period of the statistics, in months (50 years). */
const MAX_TREND_MONTHS = 600;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports (报表)')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  private readonly logger = new Logger(ReportsController.name);

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get('four-lists/:list')
  @ApiOperation({
    summary: 'Export one of the four lists of the rectification campaign (四个清单导出)',
    description:
      'risks (风险清单), hazards (隐患和问题清单), tasks (任务和措施清单) or results (成果清单), as CSV or XLSX, ' +
      'for a jurisdiction and everything below it. A case belongs to the period when it was discovered by its last ' +
      'day and its rectification had not ended before its first; the results list holds the cases that ended in it. ' +
      'Rows stream from PostgreSQL in keyset batches.',
  })
  @ApiParam({ name: 'list', enum: FOUR_LISTS })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS, description: 'csv (default) or xlsx' })
  @ApiQuery({ name: 'jurisdiction', required: false, description: 'GB/T 2260 code; defaults to your jurisdiction' })
  @ApiQuery({ name: 'from', required: false, description: 'First day, YYYY-MM-DD; defaults to 1 January this year' })
  @ApiQuery({ name: 'to', required: false, description: 'Last day, YYYY-MM-DD; defaults to today' })
  @ApiProduces('text/csv', XLSX_TYPE)
  async exportList(
    @Param('list') list: string,
    @Query('format') format: string | undefined,
    @Query('jurisdiction') jurisdiction: string | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const violations = [];
    if (!(FOUR_LISTS as readonly string[]).includes(list)) {
      violations.push({ field: 'path.list', constraint: 'isIn', params: { values: FOUR_LISTS } });
    }
    const chosen = format ?? 'csv';
    if (!(FORMATS as readonly string[]).includes(chosen)) {
      violations.push({ field: 'query.format', constraint: 'isIn', params: { values: FORMATS } });
    }
    if (violations.length > 0) throw new RequestValidationError(violations);
    const scope = resolveScope(actor, { jurisdiction, from, to });
    const language = negotiateLanguage(request.headers['accept-language']);
    const kind = list as FourList;
    const fileName = `${kind}-${scope.jurisdictionCode}-${scope.from}-${scope.to}.${chosen}`;
    response.status(200);
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.type(chosen === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
    const rows = streamReportCases(this.dataSource, scope, { ended: kind === 'results' });
    try {
      const count =
        chosen === 'csv'
          ? await writeCsv(response, LIST_COLUMNS[kind], rows, language)
          : await writeXlsx(response, LIST_TITLES[kind][language], LIST_COLUMNS[kind], rows, language);
      this.logger.log(`exported ${count} rows of ${kind} for ${scope.jurisdictionCode} to ${actor.id}`);
    } catch (error) {
      // Headers are already sent, so the client sees a cut-off download rather than a problem body.
      this.logger.error(`export of ${kind} for ${scope.jurisdictionCode} failed: ${String(error)}`);
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  @Get('statistics')
  @ApiOperation({
    summary: 'Statistics of a jurisdiction and period (统计)',
    description:
      'Counts by stage, listing level, place type and jurisdiction; open overdue cases; the on-time closure rate; ' +
      'and the monthly trend of cases discovered and closed.',
  })
  @ApiQuery({ name: 'jurisdiction', required: false })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiOkResponse({ description: 'The statistics' })
  async statistics(
    @Query('jurisdiction') jurisdiction: string | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<Statistics> {
    const scope = resolveScope(actor, { jurisdiction, from, to });
    const months =
      (Number(scope.to.slice(0, 4)) - Number(scope.from.slice(0, 4))) * 12 +
      Number(scope.to.slice(5, 7)) -
      Number(scope.from.slice(5, 7));
    if (months >= MAX_TREND_MONTHS) {
      throw new RequestValidationError([
        { field: 'query.from', constraint: 'periodTooLong', params: { months: MAX_TREND_MONTHS } },
      ]);
    }
    return computeStatistics(this.dataSource, scope);
  }
}
