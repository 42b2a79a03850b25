import { Injectable, Logger } from '@nestjs/common';

import {
  DateOutOfRangeError,
  deadlineAfterCalendarDays,
  deadlineAfterWorkingDays,
  OFFICIAL_SCHEDULES,
  WorkingCalendar,
  type Deadline,
  type YearSchedule,
} from '@duban/domain';
import { ConfigurationRepository } from '@duban/persistence';

import type { Language } from '../problems/language';
import { unavailableDependency } from '../problems/unavailable';
import { RequestValidationError } from '../problems/request-validation.error';
import { periodViolations, type DeadlineQuery } from './dto/deadline.query';
import type { DeadlineResponse } from './dto/deadline.response';

/**
 * Computes deadlines on the national working-day calendar: the built-in official schedules, with the
 * years administrators loaded in their place. While PostgreSQL is unreachable it computes deadlines
 * from the schedules it last read, or from the built-in ones.
 */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);
  private lastSchedules: readonly YearSchedule[] = OFFICIAL_SCHEDULES;

  constructor(private readonly configuration: ConfigurationRepository) {}

  private async schedules(): Promise<readonly YearSchedule[]> {
    try {
      this.lastSchedules = await this.configuration.schedules();
    } catch (error) {
      if (unavailableDependency(error) !== 'database') throw error;
      this.logger.warn(`calendar years unreadable, using the schedules last read: ${String(error)}`);
    }
    return this.lastSchedules;
  }

  /** Computes the deadline for a query. Throws RequestValidationError when the parameters conflict. */
  async computeDeadline(query: DeadlineQuery, language: Language): Promise<DeadlineResponse> {
    const violations = periodViolations(query);
    if (violations.length > 0) throw new RequestValidationError(violations);

    const calendar = WorkingCalendar.fromSchedules(await this.schedules());
    const deadline = this.compute(calendar, query);
    return {
      due: deadline.due,
      dueAt: deadline.dueAt,
      provisional: deadline.provisional,
      explanation: deadline.explanation[language],
    };
  }

  private compute(calendar: WorkingCalendar, query: DeadlineQuery): Deadline {
    const periodField = query.workingDays !== undefined ? 'query.workingDays' : 'query.calendarDays';
    try {
      if (query.workingDays !== undefined) {
        return deadlineAfterWorkingDays(calendar, query.from, query.workingDays);
      }
      return deadlineAfterCalendarDays(calendar, query.from, query.calendarDays ?? 0, {
        rollForward: query.rollForward ?? true,
      });
    } catch (error) {
      if (error instanceof DateOutOfRangeError) {
        throw new RequestValidationError([{ field: periodField, constraint: 'deadlineOutOfRange', params: {} }]);
      }
      throw error;
    }
  }
}
