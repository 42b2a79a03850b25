import { ApiProblem } from '../problems/problem';
import { RequestValidationError } from '../problems/request-validation.error';
import type { MessageParams } from '../problems/validation-messages';

/** Rejects a paging cursor that is not a key of the list it pages. */
export function checkCursor(cursor: string | undefined, keyPattern: RegExp): void {
  if (cursor !== undefined && !keyPattern.test(cursor)) {
    throw new RequestValidationError([{ field: 'query.cursor', constraint: 'isKeyCursor', params: {} }]);
  }
}

/** Builds the 422 problem for a field that names a missing or inactive jurisdiction or unit. */
export function referenceNotUsable(field: string, constraint: string, params: MessageParams): ApiProblem {
  const value = String(params['value']);
  return new ApiProblem(
    'reference_not_usable',
    {
      zh: `${field} 引用的 ${value} 不存在或已停用`,
      en: `${field} names ${value}, which does not exist or is inactive`,
    },
    {},
    [{ field, constraint, params }],
  );
}
