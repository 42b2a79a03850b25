import { createHash } from 'node:crypto';

import { createParamDecorator, Injectable, type ExecutionContext, type PipeTransform } from '@nestjs/common';
import type { Request } from 'express';

import { isCaseNumber, type Actor } from '@duban/domain';

import { RequestValidationError } from '../problems/request-validation.error';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Reads the Idempotency-Key header and checks it when a client sends one. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !IDEMPOTENCY_KEY.test(value)) {
    throw new RequestValidationError([{ field: 'header.Idempotency-Key', constraint: 'isIdempotencyKey', params: {} }]);
  }
  return value;
});

/** Scopes an Idempotency-Key to its caller, so one caller's key never reveals or blocks another's request. */
export function scopedIdempotencyKey(actor: Actor, key: string): string {
  return `${createHash('sha256').update(`${actor.kind}:${actor.id}`).digest('hex').slice(0, 16)}:${key}`;
}

/** Checks a case number in the path. */
@Injectable()
export class CaseNumberPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isCaseNumber(value)) {
      throw new RequestValidationError([{ field: 'path.caseNumber', constraint: 'isCaseNumber', params: {} }]);
    }
    return value;
  }
}

/** The years a holiday schedule may cover, as the calendar's dates run from 1900 to 9999. */
export const SCHEDULE_YEARS = { min: 1900, max: 9999 } as const;

/** Checks a schedule year in the path: four digits from 1900 to 9999. */
@Injectable()
export class ScheduleYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
    if (!(year >= SCHEDULE_YEARS.min && year <= SCHEDULE_YEARS.max)) {
      throw new RequestValidationError([{ field: 'path.year', constraint: 'isScheduleYear', params: SCHEDULE_YEARS }]);
    }
    return year;
  }
}
