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
