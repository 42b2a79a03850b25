import { Injectable, type PipeTransform } from '@nestjs/common';

import { checkCreditCode, creditCodeCheckCharacter, isJurisdictionCode } from '@duban/domain';

import { RequestValidationError } from '../problems/request-validation.error';
import { USER_ID_PATTERN } from './dto/user.dto';

/** Checks a GB/T 2260 code in the path. */
@Injectable()
export class JurisdictionCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isJurisdictionCode(value)) {
      throw new RequestValidationError([{ field: 'path.code', constraint: 'isJurisdictionCode', params: {} }]);
    }
    return value;
  }
}

/** Checks a unified social credit code in the path, naming the part that is wrong. */
@Injectable()
export class CreditCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const problem = checkCreditCode(value);
    if (problem === undefined) return value;
    const field = 'path.creditCode';
    if (problem === 'length') throw new RequestValidationError([{ field, constraint: 'creditCodeLength', params: {} }]);
    if (problem === 'characters') {
      throw new RequestValidationError([{ field, constraint: 'creditCodeCharacters', params: {} }]);
    }
    const expected = creditCodeCheckCharacter(value.slice(0, 17));
    throw new RequestValidationError([{ field, constraint: 'creditCodeCheckCharacter', params: { expected } }]);
  }
}

/** Checks a user id (a token's `sub`) in the path. */
@Injectable()
export class UserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!USER_ID_PATTERN.test(value)) {
      throw new RequestValidationError([{ field: 'path.id', constraint: 'isUserId', params: {} }]);
    }
    return value;
  }
}
