import { Injectable } from '@nestjs/common';

import {
  DateOutOfRangeError,
  deadlineAfterCalendarDays,
  deadlineAfterWorkingDays,
  WorkingCalendar,
  type Deadline,
} from '@duban/domain';
import { ConfigurationRepository } from '@duban/persistence';

import type { Language } from '../problems/language';
import { RequestValidationError } from '../problems/request-validation.error';
import { periodViolations, type DeadlineQuery } from './dto/deadline.query';
import type { DeadlineResponse } from './dto/deadline.response';

/**
 * Computes deadlines on the national working-day calendar: the built-in official schedules, with the
 * years administrators loaded in their place.
 */
@Injectable()
export class CalendarService {
  constructor(private readonly configuration: ConfigurationRepository) {}

  /** Computes the deadline for a query. Throws RequestValidationError when the parameters conflict. */
  async computeDeadline(query: DeadlineQuery, language: Language): Promise<DeadlineResponse> {
    const violations = periodViolations(query);
    if (violations.length > 0) throw new RequestValidationError(violations);

    const calendar = WorkingCalendar.fromSchedules(await this.configuration.schedules());
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
