import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';

import { Public } from '../auth/auth.guard';
import { negotiateLanguage } from '../problems/language';
import { listPublishedExposures, type PublicExposure } from './exposures';
import { renderExposurePage } from './exposure-page';

@ApiTags('public (公开)')
@Controller('public')
@Public()
export class ExposuresController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get('exposures.json')
  @ApiOperation({
    summary: 'Major fire hazards under media exposure, as JSON (重大火灾隐患曝光)',
    description:
      'Cases whose exposure a government leader approved and that are not yet taken down. Names the unit, place and ' +
      'hazards only: no credit code, no person and no contact details. An entry disappears at its takedown.',
  })
  @ApiOkResponse({ description: 'The exposures, newest first' })
  async json(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ items: PublicExposure[]; generatedAt: string }> {
    const items = await listPublishedExposures(this.dataSource);
    response.setHeader('Cache-Control', 'public, max-age=60');
    return { items, generatedAt: new Date().toISOString() };
  }

  @Get('exposures')
  @ApiOperation({ summary: 'Major fire hazards under media exposure, as an HTML page (曝光台)' })
  @ApiProduces('text/html')
  async page(@Req() request: Request, @Res() response: Response): Promise<void> {
    const items = await listPublishedExposures(this.dataSource);
    const language = negotiateLanguage(request.headers['accept-language']);
    response.setHeader('Cache-Control', 'public, max-age=60');
    response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    response
      .status(200)
      .type('text/html; charset=utf-8')
      .send(renderExposurePage(items, language, new Date()));
  }
}
