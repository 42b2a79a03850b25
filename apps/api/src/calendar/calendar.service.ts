import { Injectable } from '@nestjs/common';

import {
  DateOutOfRangeError,
  deadlineAfterCalendarDays,
  deadlineAfterWorkingDays,
  OFFICIAL_SCHEDULES,
  WorkingCalendar,
  type Deadline,
} from '@duban/domain';

import type { Language } from '../problems/language';
import { RequestValidationError } from '../problems/request-validation.error';
import { periodViolations, type DeadlineQuery } from './dto/deadline.query';
import type { DeadlineResponse } from './dto/deadline.response';

/** Computes deadlines on the national working-day calendar. */
@Injectable()
export class CalendarService {
  // TODO: add the schedules that administrators load into the database. Until then only the committed
  // official schedules count, so dates after their last year are provisional.
  private readonly calendar = WorkingCalendar.fromSchedules(OFFICIAL_SCHEDULES);

  /** Computes the deadline for a query. Throws RequestValidationError when the parameters conflict. */
  computeDeadline(query: DeadlineQuery, language: Language): DeadlineResponse {
    const violations = periodViolations(query);
    if (violations.length > 0) throw new RequestValidationError(violations);

    const deadline = this.compute(query);
    return {
      due: deadline.due,
      dueAt: deadline.dueAt,
      provisional: deadline.provisional,
      explanation: deadline.explanation[language],
    };
  }

  private compute(query: DeadlineQuery): Deadline {
    const periodField = query.workingDays !== undefined ? 'query.workingDays' : 'query.calendarDays';
    try {
      if (query.workingDays !== undefined) {
        return deadlineAfterWorkingDays(this.calendar, query.from, query.workingDays);
      }
      return deadlineAfterCalendarDays(this.calendar, query.from, query.calendarDays ?? 0, {
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
