import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { negotiateLanguage } from '../problems/language';
import { CalendarService } from './calendar.service';
import { DeadlineQuery } from './dto/deadline.query';
import { DeadlineResponse } from './dto/deadline.response';
import { Public } from '../auth/auth.guard';

@ApiTags('calendar (工作日历)')
@Public()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('deadline')
  @ApiOperation({
    summary: 'Compute a deadline in working or calendar days (期限计算)',
    description:
      'Counts from the day after `from`. A working day (工作日) is Monday to Friday unless it is an official day off, ' +
      'or a Saturday or Sunday listed as a make-up working day (调休上班). A calendar-day period that ends on a day off ' +
      'moves to the next working day unless rollForward=false. Days in years with no loaded official schedule count ' +
      'as plain weeks and make the answer provisional.',
  })
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'Language of the explanation: Simplified Chinese (zh) by default, English when it prefers en',
  })
  @ApiOkResponse({ type: DeadlineResponse })
  @ApiBadRequestResponse({ description: 'Invalid query: problem+json with one entry per invalid parameter' })
  deadline(
    @Query() query: DeadlineQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DeadlineResponse> {
    const language = negotiateLanguage(acceptLanguage);
    response.setHeader('Content-Language', language === 'zh' ? 'zh-CN' : 'en');
    response.vary('Accept-Language');
    return this.calendar.computeDeadline(query, language);
  }
}
