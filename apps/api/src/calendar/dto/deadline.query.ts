import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsOptional, IsString, registerDecorator } from 'class-validator';

import type { FieldViolation } from '../../problems/request-validation.error';
import { IsCalendarDate } from '../../validation/validators';

export const MAX_WORKING_DAYS = 1000;
export const MAX_CALENDAR_DAYS = 3650;

/** Turns a query string of digits into a number. Anything else stays as sent, so @IsInt rejects it. */
function toWholeNumber({ value }: TransformFnParams): unknown {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
}

function toBoolean({ value }: TransformFnParams): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/**
 * Checks that a whole number lies in [min, max] under the `min` and `max` message keys. Values that are
 * not whole numbers pass here, so they get only the @IsInt message.
 */
function IsWholeNumberBetween(min: number, max: number): PropertyDecorator {
  return (target, propertyName) => {
    const bounds = [
      { name: 'min', context: { min }, test: (value: number) => value >= min },
      { name: 'max', context: { max }, test: (value: number) => value <= max },
    ];
    for (const bound of bounds) {
      registerDecorator({
        name: bound.name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { context: bound.context },
        validator: {
          validate: (value: unknown) => !Number.isInteger(value) || bound.test(value as number),
          // class-validator attaches the context only to a constraint with a non-empty message.
          defaultMessage: () => `${propertyName.toString()} fails ${bound.name}`,
        },
      });
    }
  };
}

/** Query of GET /calendar/deadline: a start date and exactly one of workingDays and calendarDays. */
export class DeadlineQuery {
  @ApiProperty({
    description:
      'Start date (起算日期), YYYY-MM-DD in China Standard Time. The start day itself is not counted (起算日不计入).',
    example: '2025-09-26',
  })
  @IsDefined()
  @IsString()
  @IsCalendarDate()
  from!: string;

  @ApiPropertyOptional({
    description: `Period in working days (工作日), 0–${MAX_WORKING_DAYS}. Send this or calendarDays, not both.`,
    type: 'integer',
    minimum: 0,
    maximum: MAX_WORKING_DAYS,
    example: 7,
  })
  @IsOptional()
  @Transform(toWholeNumber)
  @IsInt()
  @IsWholeNumberBetween(0, MAX_WORKING_DAYS)
  workingDays?: number;

  @ApiPropertyOptional({
    description:
      `Period in calendar days (自然日), 0–${MAX_CALENDAR_DAYS}. Days off inside the period are not deducted. ` +
      'Send this or workingDays, not both.',
    type: 'integer',
    minimum: 0,
    maximum: MAX_CALENDAR_DAYS,
    example: 30,
  })
  @IsOptional()
  @Transform(toWholeNumber)
  @IsInt()
  @IsWholeNumberBetween(0, MAX_CALENDAR_DAYS)
  calendarDays?: number;

  @ApiPropertyOptional({
    description:
      'Roll forward (顺延): with calendarDays only, whether a period that ends on a day off moves to the next ' +
      'working day. Send false for maximum periods such as the 30-day temporary seal (临时查封), which never roll.',
    type: 'boolean',
    default: true,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  rollForward?: boolean;
}

/**
 * Returns the violations of the rules that span parameters: exactly one of workingDays and calendarDays,
 * and rollForward only with calendarDays.
 */
export function periodViolations(query: DeadlineQuery): FieldViolation[] {
  const hasWorkingDays = query.workingDays !== undefined;
  const hasCalendarDays = query.calendarDays !== undefined;
  const periodFields = ['query.workingDays', 'query.calendarDays'];
  if (!hasWorkingDays && !hasCalendarDays) {
    return periodFields.map((field) => ({ field, constraint: 'periodRequired', params: {} }));
  }
  if (hasWorkingDays && hasCalendarDays) {
    return periodFields.map((field) => ({ field, constraint: 'periodConflict', params: {} }));
  }
  if (hasWorkingDays && query.rollForward !== undefined) {
    return [{ field: 'query.rollForward', constraint: 'rollForwardWithoutCalendarDays', params: {} }];
  }
  return [];
}
