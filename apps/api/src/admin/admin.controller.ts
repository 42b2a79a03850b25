import { Body, Controller, Get, Inject, Logger, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';

import {
  checkEscalationPolicy,
  statutoryHolidayDays,
  validateYearSchedule,
  weekdaysOff,
  type Actor,
  type EscalationPolicy,
  type YearSchedule,
} from '@duban/domain';
import { ConfigurationRepository, DirectoryRepository } from '@duban/persistence';
import { calendarUpdatedSignal } from '@duban/temporal';

import { TEMPORAL_CLIENT } from '../api.config';
import { AdminOnlyGuard } from '../auth/admin-only.guard';
import { CurrentActor } from '../auth/current-actor.decorator';
import { referenceNotUsable } from '../directory/directory-checks';
import { ApiProblem } from '../problems/problem';
import { RequestValidationError } from '../problems/request-validation.error';
import { ScheduleYearPipe } from '../validation/parameters';
import { regionalDaysOffViolations, SavePolicyBody, YearScheduleBody } from './admin.dtos';

const SIGNAL_CONCURRENCY = 10;

/** Administration of holiday schedules and escalation policies (系统管理). */
@ApiTags('administration (系统管理)')
@ApiBearerAuth()
@UseGuards(AdminOnlyGuard)
@Controller('admin')
export class AdminController {
  private readonly logger = new Logger(AdminController.name);

  constructor(
    private readonly configuration: ConfigurationRepository,
    private readonly directory: DirectoryRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get('calendar-years')
  @ApiOperation({
    summary: 'Holiday schedules in force: built-in years and years loaded by administrators (节假日安排)',
  })
  async calendarYears() {
    const schedules = await this.configuration.schedules();
    return { years: schedules.map((s) => s.year), loaded: await this.configuration.loadedYears() };
  }

  @Put('calendar-years/:year')
  @ApiOperation({
    summary: "Load or correct one year's official schedule (载入年度放假安排) — admin",
    description:
      'Open cases with a provisional clock receive the new schedules and recompute those clocks. Histories that already ran are unaffected.',
  })
  async loadYear(
    @Param('year', ScheduleYearPipe) year: number,
    @Body() body: YearScheduleBody,
    @CurrentActor() actor: Actor,
  ): Promise<{ year: number; signalledCases: number; failedSignals: number }> {
    const regionalViolations = regionalDaysOffViolations(body.regionalDaysOff);
    if (regionalViolations.length > 0) throw new RequestValidationError(regionalViolations);
    const schedule: YearSchedule = {
      year,
      daysOff: [...new Set(body.daysOff)].sort(),
      makeUpWorkingDays: [...new Set(body.makeUpWorkingDays)].sort(),
      ...(body.regionalDaysOff ? { regionalDaysOff: body.regionalDaysOff } : {}),
      source: body.source,
    };
    try {
      validateYearSchedule(schedule);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiProblem('invalid_command', {
        zh: `年度安排不一致：${reason}`,
        en: `The schedule is inconsistent: ${reason}`,
      });
    }
    // The list replaces the year's schedule, so one without a weekday off for each statutory holiday is partial.
    const statutory = statutoryHolidayDays(year);
    const listed = weekdaysOff(schedule);
    if (statutory !== undefined && listed < statutory) {
      throw new RequestValidationError([
        { field: 'daysOff', constraint: 'coversStatutoryHolidays', params: { year, statutory, listed } },
      ]);
    }
    await this.configuration.saveSchedule(schedule, actor.id);
    const schedules = await this.configuration.schedules();
    const cases = await this.configuration.casesWithProvisionalClocks();
    let failedSignals = 0;
    for (let index = 0; index < cases.length; index += SIGNAL_CONCURRENCY) {
      const batch = cases.slice(index, index + SIGNAL_CONCURRENCY);
      const results = await Promise.allSettled(
        batch.map((caseNumber) =>
          this.temporal.workflow.getHandle(caseNumber).signal(calendarUpdatedSignal, schedules),
        ),
      );
      for (const [position, result] of results.entries()) {
        if (result.status === 'rejected') {
          failedSignals += 1;
          this.logger.warn(
            `could not send schedule ${year} to case ${batch[position] ?? ''}: ${String(result.reason)}`,
          );
        }
      }
    }
    this.logger.log(
      `schedule ${year} loaded by ${actor.id}; ${cases.length - failedSignals} open cases recompute provisional clocks`,
    );
    return { year, signalledCases: cases.length - failedSignals, failedSignals };
  }

  @Get('escalation-policies')
  @ApiOperation({ summary: 'Every escalation policy version with its scope (督办策略)' })
  async policies() {
    return this.configuration.policies();
  }

  @Post('escalation-policies')
  @ApiOperation({
    summary: 'Save an escalation policy as a new version (保存督办策略) — admin',
    description:
      'New cases, and cases listed from now on, take the most specific policy for their jurisdiction and listing level.',
  })
  async savePolicy(@Body() body: SavePolicyBody, @CurrentActor() actor: Actor): Promise<EscalationPolicy> {
    const violations = checkEscalationPolicy(body.policy).map((violation) => ({
      field: `policy.${violation.field}`,
      constraint: violation.rule,
      params: violation.params,
    }));
    if (violations.length > 0) throw new RequestValidationError(violations);
    if (body.jurisdictionCode !== undefined) {
      const jurisdiction = await this.directory.findJurisdiction(body.jurisdictionCode);
      if (!jurisdiction) {
        throw referenceNotUsable('jurisdictionCode', 'knownJurisdiction', { value: body.jurisdictionCode });
      }
      if (!jurisdiction.active) {
        throw referenceNotUsable('jurisdictionCode', 'activeJurisdiction', {
          value: body.jurisdictionCode,
          name: jurisdiction.name,
        });
      }
    }
    return this.configuration.savePolicy(
      body.policy,
      { jurisdictionCode: body.jurisdictionCode ?? null, listingLevel: body.listingLevel ?? null },
      actor.id,
    );
  }
}
